import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { cli, fixture } from '../../helpers/cli';
import { removeDir, tempDir } from '../../helpers/temp';

let dir: string;
let data: string;
beforeEach(() => {
  dir = tempDir();
  data = path.join(dir, 'data');
});
afterEach(() => removeDir(dir));

describe('conflicts and audit verify on the command line', () => {
  it('lists no conflicts, verifies a clean trail, and exits non-zero naming an edited entry', () => {
    expect(cli(['import', fixture('003_244a23676422eee3.txt'), '--data-dir', data]).status).toBe(0);
    const list = cli(['conflicts', '--data-dir', data]);
    expect(list.status, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([]);
    const ok = cli(['audit', 'verify', '--data-dir', data]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ ok: true, problems: [] });

    const db = new Database(path.join(data, 'ledger.sqlite'));
    const seq = (db.prepare("SELECT seq FROM ops WHERE entity = 'measure' AND field = 'title' ORDER BY seq LIMIT 1").get() as { seq: number }).seq;
    db.prepare(`UPDATE ops SET value = '"改过的标题"' WHERE seq = ?`).run(seq);
    db.close();
    const bad = cli(['audit', 'verify', '--data-dir', data]);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, problems: [{ kind: 'edited', seq }] });
    expect(bad.stderr).toMatch(/审计链问题/);
    const wrong = cli(['conflicts', 'resolve', 'nope', '--keep', 'both', '--data-dir', data]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/--keep mine/);
  }, 120_000);
});
