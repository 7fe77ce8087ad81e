// Evidence store benchmark: attaching a 1 GiB file against `sha256sum` + `cp` of it on the same disk, and peak RSS.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { figure } from './figures';
import { closeStore } from '../../db/open';
import { attachPaths } from '../../db/evidence-store/index';
import { tempDir } from '../helpers/temp';
import { seedLedger, writeFileOfSize, removeStoreDir } from '../unit/evidence/helpers';

const SIZE = Number(process.env.FAZHI_BENCH_EVIDENCE_BYTES ?? 1024 ** 3);
const ROUNDS = 2;

const dir = tempDir('fazhi-evbench-');
try {
  const src = path.join(dir, 'source.bin');
  writeFileOfSize(src, SIZE, 11);
  // Warm the page cache so both sides read the source from the same place.
  execFileSync('cat', [src], { stdio: ['ignore', 'ignore', 'inherit'] });

  const baseline: number[] = [];
  const ours: number[] = [];
  let peakAbove = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const copy = path.join(dir, `copy-${round}.bin`);
    let t = process.hrtime.bigint();
    execFileSync('sha256sum', [src], { stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('cp', [src, copy], { stdio: 'inherit' });
    baseline.push(Number(process.hrtime.bigint() - t) / 1e9);
    fs.rmSync(copy);

    const data = path.join(dir, `data-${round}`);
    const l = seedLedger(data);
    global.gc?.();
    const idle = process.memoryUsage.rss();
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 10);
    t = process.hrtime.bigint();
    await attachPaths(l.db, data, { measureId: l.measureIds[0]!, periodId: '2024-Q3', userId: l.userId, onProgress: () => (peak = Math.max(peak, process.memoryUsage.rss())) }, [{ path: src }]);
    ours.push(Number(process.hrtime.bigint() - t) / 1e9);
    clearInterval(sampler);
    peakAbove = Math.max(peakAbove, (peak - idle) / 1024 / 1024);
    closeStore(l.db);
    removeStoreDir(data);
  }
  const best = (xs: number[]) => Math.min(...xs);
  const mb = SIZE / 1024 / 1024;
  figure('evidence.attach_1gib.throughput', mb / best(ours), 'MB/s');
  figure('evidence.sha256sum_cp_1gib.throughput', mb / best(baseline), 'MB/s');
  figure('evidence.attach_vs_sha256sum_cp.ratio', best(baseline) / best(ours), 'x (>1 faster than sha256sum+cp)');
  figure('evidence.attach_1gib.peak_rss_above_idle', peakAbove, 'MB');
} finally {
  removeStoreDir(dir);
}
