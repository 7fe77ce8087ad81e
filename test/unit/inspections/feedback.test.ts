// The feedback document (督察反馈意见) re-opened as the report tests do: GB/T 9704 page and fonts, structure, lists, photo; LibreOffice opens it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { attachInspectorPaths, setVerdict, signReview } from '../../../db/queries/inspections/index';
import { produceFeedback } from '../../../electron/services/inspections/feedback-export';
import { fullWidthPunctuation } from '../../../shared/zh-punctuation';
import { inspectionLedger, photoFile, type InspectionLedger } from './helpers';
import { removeDir, tempDir } from '../../helpers/temp';

const SOFFICE = '/usr/bin/soffice';
const haveSoffice = fs.existsSync(SOFFICE);
if (!haveSoffice) console.log('feedback.test: LibreOffice conversion skipped, LibreOffice is not installed at /usr/bin/soffice');

function styled(documentXml: string, style: string): string[] {
  const out: string[] = [];
  for (const p of documentXml.match(/<w:p\b[\s\S]*?<\/w:p>/g) ?? []) {
    if (!p.includes(`<w:pStyle w:val="${style}"/>`)) continue;
    out.push((p.match(/<w:t[^>]*>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''));
  }
  return out;
}

describe('feedback .docx', () => {
  let L: InspectionLedger;
  let bytes: Buffer;
  let document = '';
  let zip: JSZip;
  beforeAll(async () => {
    L = inspectionLedger();
    const m = (t: string) => L.ids.get(t)!;
    setVerdict(L.db, { reviewId: L.review.id, measureId: m('推进政务服务标准化'), verdict: '不符合', finding: '办事指南未按标准更新', rectification: { requirement: '全面更新办事指南', departmentId: null, departmentName: '区政务服务中心', dueOn: '2024-12-31' } }, L.lead.id);
    setVerdict(L.db, { reviewId: L.review.id, measureId: m('落实重大行政决策程序规定'), verdict: '基本符合', finding: '目录公布不及时' }, L.lead.id);
    setVerdict(L.db, { reviewId: L.review.id, measureId: m('开展行政执法案卷评查'), verdict: '符合' }, L.lead.id);
    const dir = tempDir();
    await attachInspectorPaths(L.db, L.dataDir, { reviewId: L.review.id, measureId: m('推进政务服务标准化'), userId: L.lead.id, paths: [photoFile(dir, '窗口照片.png')] });
    removeDir(dir);
    signReview(L.db, L.review.id, L.lead);
    bytes = (await produceFeedback(L.db, L.dataDir, L.review.id, 'docx')).bytes;
    zip = await JSZip.loadAsync(bytes);
    document = await zip.file('word/document.xml')!.async('string');
  });
  afterAll(() => L.close());

  it('is A4 with the margins and fonts of GB/T 9704, like the reports', async () => {
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar [^>]*w:top="2098"[^>]*\/>/);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(document).toContain('方正小标宋简体');
  });

  it('has the title, the four parts, the problems by verdict and the signature', () => {
    expect(styled(document, 'Title')).toEqual([fullWidthPunctuation('关于2024年第三季度法治督察的督察反馈意见')]);
    expect(styled(document, 'Heading1')).toEqual(['一、督察范围和方式', '二、总体评价', '三、存在的问题', '四、整改要求', '附件:现场照片和材料'].map(fullWidthPunctuation));
    expect(styled(document, 'Heading2')).toEqual([fullWidthPunctuation('(一)评定为“不符合”的措施(1项)'), fullWidthPunctuation('(二)评定为“基本符合”的措施(1项)')]);
    const text = document.replace(/<[^>]+>/g, '');
    expect(text).toContain(fullWidthPunctuation('本次督察共检查措施7项,其中符合1项、基本符合1项、不符合1项,未检查4项。'));
    expect(text).toContain('办事指南未按标准更新');
    expect(text).toContain('目录公布不及时');
    expect(text).toContain('全面更新办事指南');
    expect(text).toContain('区政务服务中心');
    expect(text).toContain('2024年12月31日');
    expect(text).toContain(fullWidthPunctuation('督察组组长:王组长'));
    expect(text).toMatch(/校验码（SHA-256）：[0-9a-f]{64}。/);
  });

  it('carries the photo in the annex', () => {
    expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))).toHaveLength(1);
    expect(document.replace(/<[^>]+>/g, '')).toContain('窗口照片.png');
  });

  it.skipIf(!haveSoffice)('opens in LibreOffice and converts to PDF', { timeout: 120_000 }, () => {
    const dir = tempDir('fazhi-soffice-');
    const file = path.join(dir, 'feedback.docx');
    fs.writeFileSync(file, bytes);
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 110_000 });
    const pdf = path.join(dir, 'feedback.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(2);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('全面更新办事指南');
    removeDir(dir);
  });
});
