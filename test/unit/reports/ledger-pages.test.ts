// A 42-measure ledger with a year of notes: a handful of landscape pages in Word and in the PDF, numbers and short cells kept whole.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openMemoryStore } from '../../../db/open';
import { importDocument } from '../../../db/queries/plans';
import { setProgress } from '../../../db/queries/progress';
import { systemUser } from '../../../db/queries/users';
import { produceReport } from '../../../electron/services/reports/produce';
import { chromiumPrinter } from '../../../electron/services/reports/printer';
import type { ParsedDocument } from '../../../shared/outline/types';
import { removeDir, tempDir } from '../../helpers/temp';

const SOFFICE = '/usr/bin/soffice';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveTools = fs.existsSync(SOFFICE) && fs.existsSync('/usr/bin/pdfinfo') && fs.existsSync(CHROMIUM);
if (!haveTools) console.log('ledger-pages.test: skipped, LibreOffice, Chromium or poppler-utils is not installed');

const AREAS = ['依法全面履行政府职能', '完善依法行政制度体系', '推进行政决策科学化民主化法治化', '坚持严格规范公正文明执法', '强化对行政权力的制约和监督', '依法有效化解社会矛盾纠纷', '全面提高政府工作人员法治思维'];

function ledger42() {
  const db = openMemoryStore();
  const user = systemUser(db).id;
  const doc: ParsedDocument = {
    title: '某区法治政府建设实施方案(2021—2025年)',
    intro: '',
    deadline: null,
    sections: AREAS.map((heading, i) => ({ path: [String(i + 1)], label: String(i + 1), heading, context: '', preamble: false })),
    items: Array.from({ length: 42 }, (_, n) => ({
      path: [String(Math.floor(n / 6) + 1), String(n + 1)],
      title: `第${n + 1}项措施的工作任务`,
      text: `第${n + 1}项措施的工作任务,明确责任分工,细化工作举措,确保按期完成。`,
      lead: ['区司法局'],
      responsible: ['区政务服务中心', '区市场监管局'],
      deadline: '2024年12月底前',
      targets: [],
    })),
  };
  const planId = importDocument(db, doc, { fileName: 'l.txt', sha256: 'e'.repeat(64), format: 'txt', documentIndex: 0 }, user).planId;
  const ids = (db.prepare('SELECT id FROM measures WHERE plan_id = ? ORDER BY ord').all(planId) as { id: string }[]).map((r) => r.id);
  ids.forEach((id, n) => {
    for (const q of [1, 2, 3, 4]) {
      const narrative = `本季度召开专题会议${q}次,印发工作方案1份,完成阶段任务${n + q * 10}项,群众满意度达到9${q}.5%。`;
      setProgress(db, { measureId: id, periodId: `2024-Q${q}`, status: q === 4 && n % 3 ? '已完成' : '推进中', narrative, userId: user });
    }
  });
  return db;
}

const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

describe.skipIf(!haveTools)('a 42-measure ledger', () => {
  const db = ledger42();

  it('is a handful of landscape pages as .docx in LibreOffice', { timeout: 120_000 }, async () => {
    const produced = await produceReport(db, { period: '2024', kind: 'ledger', format: 'docx' });
    const dir = tempDir('fazhi-ledger-');
    const file = path.join(dir, 'ledger.docx');
    fs.writeFileSync(file, produced.bytes);
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 110_000 });
    const pdf = path.join(dir, 'ledger.pdf');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+84[12]\.\d+ x 59[45]\.\d+ pts/);
    const n = pages(pdf);
    console.log(`ledger.docx: ${n} pages`);
    fs.mkdirSync('test-results/reports', { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', pdf, 'test-results/reports/ledger42-docx']);
    expect(n).toBeLessThanOrEqual(14);
    removeDir(dir);
  });

  it('keeps numbers, dates and short cells on one line in the PDF', { timeout: 120_000 }, async () => {
    const printer = chromiumPrinter({ executablePath: CHROMIUM });
    const out = await produceReport(db, { period: '2024', kind: 'ledger', format: 'pdf' }, { printer }).finally(() => printer.close());
    const dir = tempDir('fazhi-ledger-pdf-');
    const file = path.join(dir, 'ledger.pdf');
    fs.writeFileSync(file, out.bytes);
    const n = pages(file);
    console.log(`ledger.pdf: ${n} pages`);
    expect(n).toBeLessThanOrEqual(14);
    const lines = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\n');
    // Each deadline and each 区政务服务中心 cell sits whole on one line, 42 times.
    expect(lines.filter((l) => l.includes('2024年12月底前')).length).toBe(42);
    expect(lines.filter((l) => /区司法局/.test(l)).length).toBeGreaterThanOrEqual(42);
    removeDir(dir);
  });
});
