// Crash benchmark: 50 SIGKILLs at random moments of each kind of work (FAZHI_CRASH_ROUNDS), with the checks of the unit test.
import path from 'node:path';
import { figure } from './figures';
import { closeStore } from '../../db/open';
import { CRASH_OPS, crashOnce } from '../helpers/crash';
import { seeded } from '../helpers/generate';
import { tempDir } from '../helpers/temp';
import { removeStoreDir, seedWithEvidence } from '../unit/backup/helpers';

const ROUNDS = Number(process.env.FAZHI_CRASH_ROUNDS ?? 50);
let failed = 0;
for (const op of CRASH_OPS) {
  const dir = tempDir('fazhi-crashbench-');
  try {
    const data = path.join(dir, 'data');
    const l = await seedWithEvidence(data, path.join(dir, 'src'), 2);
    closeStore(l.db);
    const rnd = seeded(CRASH_OPS.indexOf(op) + 101);
    let survived = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const r = await crashOnce(op, data, path.join(dir, 'src'), rnd);
      if (r.problems.length === 0) survived++;
      else process.stderr.write(`crash ${op} round ${i}: ${r.problems.join('; ')}\n`);
    }
    figure(`crash.${op}.survived`, survived, `of ${ROUNDS} kills`);
    if (survived < ROUNDS) failed++;
  } finally {
    removeStoreDir(dir);
  }
}
process.exitCode = failed ? 1 : 0;
