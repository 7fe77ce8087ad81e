import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore, closeStore, storePath } from '../../../db/open';
import { cli, cliChild, fixture } from '../../helpers/cli';
import { generateOutlineText } from '../../helpers/generate';
import { removeDir, tempDir } from '../../helpers/temp';

let dir: string;
let data: string;
beforeEach(() => {
  dir = tempDir();
  data = path.join(dir, 'data');
});
afterEach(() => removeDir(dir));

function snapshot(): Record<string, number> {
  const db = new Database(storePath(data), { readonly: true });
  const out: Record<string, number> = {};
  for (const t of ['plans', 'sections', 'measures', 'measure_departments', 'departments', 'search_refs', 'ops']) {
    out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  db.close();
  return out;
}

// --anyway: generated outlines share their title and shape, so one that finished would make the next look like the same plan.
async function importKilledAfter(file: string, delayMs: number): Promise<{ killed: boolean; stdout: string }> {
  const child = cliChild(['import', file, '--anyway', '--data-dir', data]);
  let stdout = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
  await new Promise((r) => child.once('close', r));
  clearTimeout(timer);
  return { killed: child.signalCode === 'SIGKILL', stdout };
}

describe('an import killed midway', () => {
  it('leaves the store as it was (or, if it finished first, fully imported), and usable', async () => {
    expect(cli(['import', fixture('003_244a23676422eee3.txt'), '--data-dir', data]).status).toBe(0);
    let expected = snapshot();
    let killedMidway = 0;
    // Every row is written as ops now (several per measure), so 5,000 measures keep the import inside the kill window.
    const N = 5_000;
    // Kills at spread-out moments: start-up, parsing, inside the transaction, near the end.
    for (const [i, delay] of [400, 900, 1500, 2200, 3000, 4000].entries()) {
      const big = path.join(dir, `big-${i}.txt`);
      fs.writeFileSync(big, generateOutlineText(N, 100 + i));
      const r = await importKilledAfter(big, delay);
      const now = snapshot();
      if (now.plans === expected.plans) {
        // Nothing of it is there: it must have been killed before its commit.
        expect(r.killed, `import ${i} neither finished nor was killed`).toBe(true);
        expect(r.stdout).toBe('');
        expect(now, `killed after ${delay} ms`).toEqual(expected);
        killedMidway++;
      } else {
        // Its commit landed (the kill came after, or never): then it is there whole, never in part.
        expect(now.plans).toBe(expected.plans + 1);
        expect(now.measures).toBe(expected.measures + N);
        expected = now;
      }
      const db = openStore(data);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      closeStore(db);
    }
    expect(killedMidway, 'no kill landed before an import finished').toBeGreaterThan(0);
    const again = cli(['import', path.join(dir, 'big-0.txt'), '--anyway', '--data-dir', data]);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ measureCount: N });
  }, 240_000);
});
