import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { closeStore } from '../../../db/open';
import { tempDir } from '../../helpers/temp';
import { seeded } from '../../helpers/generate';
import { CRASH_OPS, crashOnce } from '../../helpers/crash';
import { removeStoreDir, seedWithEvidence } from './helpers';

/** A few kills per kind of work here; `npm run bench` runs 50 of each (FAZHI_CRASH_ROUNDS). */
const ROUNDS = Number(process.env.FAZHI_CRASH_ROUNDS ?? 2);
const figures: Record<string, { kills: number; survived: number; commitsSeen: number; orphansCleaned: number; backupsVerified: number }> = {};
afterAll(() => console.log(`crash figures ${JSON.stringify({ rounds: ROUNDS, ...figures })}`));

let dir: string;
beforeEach(() => {
  dir = tempDir('fazhi-crash-');
});
afterEach(() => removeStoreDir(dir));

describe('SIGKILL at random moments', () => {
  for (const op of CRASH_OPS) {
    it(`during ${op}: integrity ok, no partial rows, no temporaries, the last committed change present`, { timeout: 60_000 + ROUNDS * 20_000 }, async () => {
      const data = path.join(dir, 'data');
      const l = await seedWithEvidence(data, path.join(dir, 'src'), 2);
      closeStore(l.db);
      const rnd = seeded(CRASH_OPS.indexOf(op) + 7);
      const f = (figures[op] = { kills: 0, survived: 0, commitsSeen: 0, orphansCleaned: 0, backupsVerified: 0 });
      for (let i = 0; i < ROUNDS; i++) {
        const r = await crashOnce(op, data, path.join(dir, 'src'), rnd);
        f.kills++;
        f.commitsSeen += r.commits;
        f.orphansCleaned += r.orphansCleaned;
        f.backupsVerified += r.backupsVerified;
        expect(r.problems, `${op} round ${i}`).toEqual([]);
        f.survived++;
      }
    });
  }
});
