// Backup benchmark: a store of 5,000 measures and 1 GiB of evidence backed up, against `cp -r` + `sync` of the same folder; then the incremental backup.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { figure } from './figures';
import { closeStore } from '../../db/open';
import { attachPaths } from '../../db/evidence-store/index';
import { importDocument } from '../../db/queries/plans';
import { createBackup } from '../../db/backup/index';
import { generateDocument } from '../helpers/generate';
import { seedProgress } from '../helpers/ledger';
import { tempDir } from '../helpers/temp';
import { seedLedger, writeFileOfSize, removeStoreDir } from '../unit/evidence/helpers';

/** FAZHI_BENCH_EVIDENCE_BYTES scales the evidence down (the default is 1 GiB in files of 16 MiB). */
const EVIDENCE = Number(process.env.FAZHI_BENCH_EVIDENCE_BYTES ?? 1024 ** 3);
const FILE = Math.min(16 * 1024 ** 2, EVIDENCE);
const ROUNDS = Number(process.env.FAZHI_BENCH_BACKUP_ROUNDS ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;

const dir = tempDir('fazhi-bkbench-');
try {
  const data = path.join(dir, 'data');
  const l = seedLedger(data);
  importDocument(l.db, generateDocument(5000 - l.measureIds.length, 5), { fileName: '大方案.txt', sha256: 'b'.repeat(64), format: 'txt', documentIndex: 0 }, l.userId);
  seedProgress(l.db, l.userId, 20_000, 3);
  const src = path.join(dir, 'src');
  fs.mkdirSync(src);
  const files = Math.max(1, Math.round(EVIDENCE / FILE));
  const measures = (l.db.prepare('SELECT id FROM measures ORDER BY ord LIMIT ?').all(files) as { id: string }[]).map((r) => r.id);
  for (let i = 0; i < files; i++) {
    const f = path.join(src, `材料${i}.pdf`);
    writeFileOfSize(f, FILE, 100 + i);
    await attachPaths(l.db, data, { measureId: measures[i % measures.length]!, periodId: '2024-Q3', userId: l.userId }, [{ path: f }]);
    fs.rmSync(f);
  }
  l.db.pragma('wal_checkpoint(TRUNCATE)');
  const measureCount = (l.db.prepare('SELECT count(*) AS n FROM measures').get() as { n: number }).n;

  // Alternating rounds, each into a fresh folder; cp -r is made as durable as the backup with sync.
  const cp: number[] = [];
  const ours: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const target = path.join(dir, `cp-${r}`);
    let t = process.hrtime.bigint();
    execFileSync('cp', ['-r', data, target]);
    execFileSync('sync');
    cp.push(seconds(t));
    removeStoreDir(target);
    const to = path.join(dir, `backup-${r}`);
    t = process.hrtime.bigint();
    await createBackup(l.db, data, { reason: 'manual', to });
    ours.push(seconds(t));
    if (r < ROUNDS - 1) removeStoreDir(to);
  }
  // The second backup into a folder that has the evidence already: the daily case.
  const t = process.hrtime.bigint();
  const second = await createBackup(l.db, data, { reason: 'manual', to: path.join(dir, `backup-${ROUNDS - 1}`) });
  const incremental = seconds(t);
  closeStore(l.db);

  figure('backup.store.measures', measureCount, 'measures');
  figure('backup.store.evidence', EVIDENCE / 1024 ** 2, 'MiB');
  figure('backup.full.median', median(ours), 's');
  figure('backup.cp_r_sync.median', median(cp), 's');
  figure('backup.full_vs_cp_r.ratio', median(ours) / median(cp), 'x (backup time / cp -r time; <1 is faster)');
  figure('backup.incremental', incremental, 's');
  figure('backup.incremental.added', second.addedBytes / 1024 ** 2, 'MiB');
} finally {
  removeStoreDir(dir);
}
