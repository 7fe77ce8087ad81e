// The PDF printed by Chromium from the preview's HTML: A4, the report's text, and "— n —" at the foot of each page.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { buildLedger } from './fixture';
import { produceReport } from '../../../electron/services/reports/produce';
import { chromiumPrinter } from '../../../electron/services/reports/printer';
import { removeDir, tempDir } from '../../helpers/temp';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ready = fs.existsSync(chromium) && fs.existsSync('/usr/bin/pdfinfo');
if (!ready) console.log('pdf.test: skipped, Chromium or poppler-utils is not installed');

describe.skipIf(!ready)('annual report .pdf', () => {
  it('is A4, carries the report and numbers its pages "— n —"', { timeout: 120_000 }, async () => {
    const { db } = buildLedger();
    const printer = chromiumPrinter({ executablePath: chromium });
    const out = await produceReport(db, { period: '2024', kind: 'annual', format: 'pdf', issuer: '某区人民政府', date: '2025-01-15', asOf: '2024-12-31', evidenceAppendix: true }, { printer }).finally(() => printer.close());
    const dir = tempDir('fazhi-pdf-');
    const file = path.join(dir, 'annual.pdf');
    fs.writeFileSync(file, out.bytes);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, '')).toContain('某区人民政府关于2024年法治政府建设情况的报告');
    // Each page's number sits at its foot between em dashes: odd pages right (one character in from the
    // 26 mm margin), even pages left (one character in from the 28 mm margin).
    const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const pagesXml = bbox.split('<page ').slice(1);
    expect(pagesXml.length).toBe(pages);
    pagesXml.forEach((xml, i) => {
      const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ x0: Number(m[1]), y: Number(m[2]), x1: Number(m[3]), t: m[4]! }));
      const n = words.filter((w) => w.t === String(i + 1)).sort((p, q) => q.y - p.y)[0]!;
      const row = words.filter((w) => w.y === n.y).map((w) => w.t).join('');
      expect(row).toBe(`—${i + 1}—`);
      expect(n.y).toBeGreaterThan(842 - 99);
      const line = words.filter((w) => w.y === n.y);
      if (i % 2 === 0) expect(Math.max(...line.map((w) => w.x1))).toBeGreaterThan(595 - 74 - 20);
      else expect(Math.min(...line.map((w) => w.x0))).toBeLessThan(79 + 20);
    });
    fs.mkdirSync('test-results/reports', { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, 'test-results/reports/annual-pdf']);
    removeDir(dir);
  });
});
