// Cost of the encrypted store (SQLCipher 4 via better-sqlite3-multiple-ciphers): progress edits and a backup, encrypted against plaintext.
// Evidence files are not encrypted yet, so the evidence-attach ratio the issue asks for cannot be measured.
import path from 'node:path';
import { figure } from './figures';
import { closeStore, openStore } from '../../db/open';
import { setProgress } from '../../db/queries/progress';
import { importDocument } from '../../db/queries/plans';
import { createBackup } from '../../db/backup/index';
import { markEncrypted, rekey, setPassphrase } from '../../db/store-key';
import { generateDocument } from '../helpers/generate';
import { tempDir } from '../helpers/temp';
import { seedLedger, removeStoreDir } from '../unit/evidence/helpers';

const EDITS = Number(process.env.FAZHI_BENCH_EDITS ?? 2000);

async function run(encrypted: boolean, dir: string): Promise<{ edits: number; backup: number }> {
  const data = path.join(dir, encrypted ? 'enc' : 'plain');
  const l = seedLedger(data);
  importDocument(l.db, generateDocument(2000, 9), { fileName: '方案.txt', sha256: 'c'.repeat(64), format: 'txt', documentIndex: 0 }, l.userId);
  if (encrypted) {
    rekey(l.db, '基准测试口令-2026');
    markEncrypted(data, true);
    setPassphrase(data, '基准测试口令-2026');
    closeStore(l.db);
    l.db = openStore(data);
  }
  const ids = (l.db.prepare('SELECT id FROM measures ORDER BY ord').all() as { id: string }[]).map((r) => r.id);
  let t = process.hrtime.bigint();
  for (let i = 0; i < EDITS; i++) setProgress(l.db, { measureId: ids[i % ids.length]!, periodId: '2024-Q3', status: '推进中', narrative: `第${i}次`, userId: l.userId });
  const edits = Number(process.hrtime.bigint() - t) / 1e9;
  t = process.hrtime.bigint();
  await createBackup(l.db, data, { reason: 'manual' });
  const backup = Number(process.hrtime.bigint() - t) / 1e9;
  closeStore(l.db);
  return { edits, backup };
}

const dir = tempDir('fazhi-encbench-');
try {
  const plain = await run(false, dir);
  const enc = await run(true, dir);
  figure('encryption.progress_edits.ratio', enc.edits / plain.edits, `x (${EDITS} edits, encrypted / plaintext)`);
  figure('encryption.backup.ratio', enc.backup / plain.backup, 'x (backup of 2,000 measures, encrypted / plaintext)');
} finally {
  removeStoreDir(dir);
}
