// Report figures: annual report .docx, ledger .xlsx and the annual report's PDF for 5,000 measures and 20,000 progress records.
import fs from 'node:fs';
import { openStore, closeStore } from '../../db/open';
import { importDocument } from '../../db/queries/plans';
import { createUser } from '../../db/queries/users';
import { produceReport, type ReportRequest } from '../../electron/services/reports/produce';
import { chromiumPrinter } from '../../electron/services/reports/printer';
import { generateDocument } from '../helpers/generate';
import { seedProgress } from '../helpers/ledger';
import { removeDir, tempDir } from '../helpers/temp';
import { figure } from './figures';

const dir = tempDir();
const db = openStore(dir);
const user = createUser(db, { name: 'bench', role: 'supervisor', departmentId: null });
importDocument(db, generateDocument(5000, 7), { fileName: 'bench.txt', sha256: 'bench-reports', format: 'txt', documentIndex: 0 }, user.id);
seedProgress(db, user.id, 20_000, 7);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const printer = fs.existsSync(chromium) ? chromiumPrinter({ executablePath: chromium }) : undefined;

async function time(name: string, req: ReportRequest): Promise<void> {
  const t = process.hrtime.bigint();
  const out = await produceReport(db, req, { printer });
  figure(name, Number(process.hrtime.bigint() - t) / 1e6, 'ms');
  figure(`${name} size`, out.bytes.length / 1024, 'KiB');
}

const base = { period: '2024', date: '2025-01-15', asOf: '2024-12-31', issuer: '某区人民政府' } as const;
try {
  // Warm the browser once so that the PDF figure measures the report, not Chromium's start.
  if (printer) await printer.pdf('<!doctype html><p>warm</p>', { landscape: false });
  await time('annual report .docx (5,000 measures, 20,000 records)', { ...base, kind: 'annual', format: 'docx' });
  await time('annual report .docx without charts', { ...base, kind: 'annual', format: 'docx', charts: false });
  await time('ledger .xlsx (5,000 measures × 4 quarters)', { ...base, kind: 'ledger', format: 'xlsx' });
  await time('ledger .docx (20,000 rows)', { ...base, kind: 'ledger', format: 'docx' });
  await time('quarterly report .docx (5,000 measures)', { ...base, period: '2024-Q4', kind: 'quarterly', format: 'docx' });
  if (printer) {
    await time('annual report .pdf (5,000 measures, 20,000 records)', { ...base, kind: 'annual', format: 'pdf' });
  } else process.stderr.write('reports.bench: no Chromium, PDF figure skipped\n');
  await time('annual report .html (5,000 measures)', { ...base, kind: 'annual', format: 'html' });
} finally {
  await printer?.close();
  closeStore(db);
  removeDir(dir);
}
