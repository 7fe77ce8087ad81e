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
  for (const t of ['plans', 'sections', 'measures', 'measure_departments', 'departments', 'search_refs', 'change_log']) {
    out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  db.close();
  return out;
}

describe('an import killed midway', () => {
  it('leaves the store exactly as it was, and usable', async () => {
    expect(cli(['import', fixture('003_244a23676422eee3.txt'), '--data-dir', data]).status).toBe(0);
    const before = snapshot();
    const big = path.join(dir, 'big.txt');
    fs.writeFileSync(big, generateOutlineText(30_000, 7));

    const child = cliChild(['import', big, '--data-dir', data]);
    let stdout = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    const wal = `${storePath(data)}-wal`;
    // Kill once the import's uncommitted pages are spilling into the WAL: the transaction is under way.
    const killedMidway = await new Promise<boolean>((resolve) => {
      const started = Date.now();
      const timer = setInterval(() => {
        const size = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
        if (size > 2 * 1024 * 1024) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve(true);
        } else if (child.exitCode !== null || Date.now() - started > 60_000) {
          clearInterval(timer);
          resolve(false);
        }
      }, 5);
    });
    await new Promise((r) => child.once('close', r));
    expect(killedMidway, 'the import finished before it could be killed').toBe(true);
    expect(child.signalCode).toBe('SIGKILL');
    expect(stdout).toBe('');

    expect(snapshot()).toEqual(before);
    const db = openStore(data);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    closeStore(db);
    const again = cli(['import', big, '--data-dir', data]);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ measureCount: 30_000 });
  }, 180_000);
});
