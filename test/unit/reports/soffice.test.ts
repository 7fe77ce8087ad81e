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
