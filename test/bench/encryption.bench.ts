// Cost of the encrypted store (SQLCipher 4 via better-sqlite3-multiple-ciphers for the database, AES-256-GCM chunks for
// evidence): progress edits, a backup and evidence attach, each encrypted against plaintext on the same machine.
import fs from 'node:fs';
import path from 'node:path';
import { figure } from './figures';
import { closeStore, openStore } from '../../db/open';
import { setProgress } from '../../db/queries/progress';
import { importDocument } from '../../db/queries/plans';
import { createBackup } from '../../db/backup/index';
import { attachPaths } from '../../db/evidence-store/index';
import { createEvidenceKey } from '../../db/evidence-store/data-key';
import { markEncrypted, rekey, setPassphrase } from '../../db/store-key';
import { generateDocument } from '../helpers/generate';
import { tempDir } from '../helpers/temp';
import { seedLedger, removeStoreDir, writeFileOfSize } from '../unit/evidence/helpers';

const EDITS = Number(process.env.FAZHI_BENCH_EDITS ?? 2000);
/** Evidence attached per run: 4 files of this many MiB each (64 MiB each, 256 MiB in all, by default). */
const ATTACH_MIB = Number(process.env.FAZHI_BENCH_ATTACH_MIB ?? 64);
const PASS = '基准测试口令-2026';

async function run(encrypted: boolean, dir: string, sources: string[]): Promise<{ edits: number; backup: number; attach: number }> {
  const data = path.join(dir, encrypted ? 'enc' : 'plain');
  const l = seedLedger(data);
  importDocument(l.db, generateDocument(2000, 9), { fileName: '方案.txt', sha256: 'c'.repeat(64), format: 'txt', documentIndex: 0 }, l.userId);
  if (encrypted) {
    rekey(l.db, PASS);
    markEncrypted(data, true);
    setPassphrase(data, PASS);
    createEvidenceKey(data, PASS);
    closeStore(l.db);
    l.db = openStore(data);
  }
  const ids = (l.db.prepare('SELECT id FROM measures ORDER BY ord').all() as { id: string }[]).map((r) => r.id);
  let t = process.hrtime.bigint();
  for (let i = 0; i < EDITS; i++) setProgress(l.db, { measureId: ids[i % ids.length]!, periodId: '2024-Q3', status: '推进中', narrative: `第${i}次`, userId: l.userId });
  const edits = Number(process.hrtime.bigint() - t) / 1e9;
  t = process.hrtime.bigint();
  // One file at a time, as a clerk attaching scans does; each is read, hashed, (encrypted,) written and fsynced.
  for (const [i, f] of sources.entries()) await attachPaths(l.db, data, { measureId: ids[i]!, periodId: '2024-Q3', userId: l.userId }, [{ path: f }]);
  const attach = Number(process.hrtime.bigint() - t) / 1e9;
  t = process.hrtime.bigint();
  await createBackup(l.db, data, { reason: 'manual' });
  const backup = Number(process.hrtime.bigint() - t) / 1e9;
  closeStore(l.db);
  setPassphrase(data, null);
  return { edits, backup, attach };
}

const dir = tempDir('fazhi-encbench-');
try {
  const sources = [1, 2, 3, 4].map((seed) => {
    const f = path.join(dir, `扫描件${seed}.pdf`);
    writeFileOfSize(f, ATTACH_MIB * 1024 * 1024, seed);
    return f;
  });
  // The source files are read once beforehand so both runs find them in the page cache alike.
  for (const f of sources) fs.readFileSync(f);
  const plain = await run(false, dir, sources);
  const enc = await run(true, dir, sources);
  const mib = 4 * ATTACH_MIB;
  figure('encryption.progress_edits.ratio', enc.edits / plain.edits, `x (${EDITS} edits, encrypted / plaintext)`);
  figure('encryption.backup.ratio', enc.backup / plain.backup, `x (backup of 2,000 measures and ${mib} MiB of evidence, encrypted / plaintext)`);
  figure('encryption.evidence_attach.ratio', enc.attach / plain.attach, `x (attach of 4 × ${ATTACH_MIB} MiB, encrypted / plaintext)`);
  figure('encryption.evidence_attach.plain_mib_s', mib / plain.attach, 'MiB/s plaintext attach');
  figure('encryption.evidence_attach.encrypted_mib_s', mib / enc.attach, 'MiB/s encrypted attach');
} finally {
  removeStoreDir(dir);
}
