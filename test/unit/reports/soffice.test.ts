// LibreOffice opens every exported .docx and .xlsx, converts it to PDF with the right page count, and renders first pages to look at.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { buildLedger } from './fixture';
import { produceReport } from '../../../electron/services/reports/produce';
import { REPORT_KINDS } from '../../../shared/report/types';
import { removeDir, tempDir } from '../../helpers/temp';

const SOFFICE = '/usr/bin/soffice';
const haveSoffice = fs.existsSync(SOFFICE);
if (!haveSoffice) console.log('soffice.test: skipped, LibreOffice is not installed at /usr/bin/soffice');
const OUT = path.resolve('test-results/reports');

function pages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

/** LibreOffice converts `bytes` (a .docx) to PDF in a profile of its own; returns the PDF's path. */
function toPdf(bytes: Buffer, name: string): { pdf: string; dir: string } {
  const dir = tempDir('fazhi-soffice-');
  const file = path.join(dir, `${name}.docx`);
  fs.writeFileSync(file, bytes);
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 110_000 });
  return { pdf: path.join(dir, `${name}.pdf`), dir };
}

describe.skipIf(!haveSoffice)('the 22 × 28 grid in LibreOffice', () => {
  it('sets 22 lines of 28 characters on a full page of body text', { timeout: 120_000 }, async () => {
    const { db } = buildLedger();
    // A long edited text, so that page 2 is body text from top to bottom.
    const sentence = '全区各级行政机关坚持依法行政，严格规范公正文明执法，持续深化放管服改革，法治政府建设取得新成效。';
    const blocks = Array.from({ length: 30 }, (_, i) => ({ key: `p${i}`, kind: 'p' as const, text: sentence.repeat(2) }));
    const produced = await produceReport(db, { period: '2024', kind: 'annual', format: 'docx', issuer: '某区人民政府', blocks });
    const { pdf, dir } = toPdf(produced.bytes, 'grid');
    const page2 = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' });
    const lines = page2.split('\n').filter((l) => l.trim() && !/^\s*—\s*\d+\s*—\s*$/.test(l));
    expect(page2).toMatch(/—\s*2\s*—/);
    expect(lines).toHaveLength(22);
    // A full line of body text holds 28 characters; a paragraph's first line 26 after its two-character indent.
    const widths = lines.map((l) => l.replace(/\s/g, '').length);
    expect(Math.max(...widths)).toBe(28);
    expect(widths.filter((w) => w === 28).length).toBeGreaterThan(10);
    removeDir(dir);
  });
});

describe.skipIf(!haveSoffice)('LibreOffice opens the exports', () => {
  const cases = REPORT_KINDS.flatMap((kind) => (['docx', 'xlsx'] as const).map((format) => ({ kind, format })));
  for (const { kind, format } of cases) {
    it(`${kind}.${format}`, { timeout: 120_000 }, async () => {
      const { db } = buildLedger();
      const period = kind === 'quarterly' ? '2024-Q3' : '2024';
      const produced = await produceReport(db, { period, kind, format, issuer: '某区人民政府', date: '2025-01-15', asOf: '2024-12-31', evidenceAppendix: true });
      const dir = tempDir('fazhi-soffice-');
      const file = path.join(dir, `${kind}.${format}`);
      fs.writeFileSync(file, produced.bytes);
      // A profile of its own, so a running LibreOffice of the user does not take the job.
      execFileSync(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 110_000 });
      const pdf = path.join(dir, `${kind}.pdf`);
      expect(fs.existsSync(pdf)).toBe(true);
      const n = pages(pdf);
      if (format === 'docx') {
        // The small ledger fills a few pages; the PDF from the same HTML has about as many.
        expect(n).toBeGreaterThanOrEqual(2);
        expect(n).toBeLessThanOrEqual(kind === 'ledger' ? 12 : 8);
      } else {
        expect(n).toBeGreaterThanOrEqual(2);
      }
      fs.mkdirSync(OUT, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, path.join(OUT, `${kind}-${format}`)]);
      expect(fs.readdirSync(OUT).some((f) => f.startsWith(`${kind}-${format}`))).toBe(true);
      removeDir(dir);
    });
  }
});
