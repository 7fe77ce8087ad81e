import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { migrate } from '../../../db/migrate';
import { m0001 } from '../../../db/migrations/0001-ledger';
import { m0002 } from '../../../db/migrations/0002-evidence';
import { fillVersion1, LEGACY } from '../../helpers/legacy-store';
import { removeDir, tempDir } from '../../helpers/temp';

let dir: string;
beforeEach(() => {
  dir = tempDir('fazhi-evmig-');
});
afterEach(() => removeDir(dir));

describe('migration 0002-evidence', () => {
  it('adds the evidence table to a version-1 store with real rows, keeping them', () => {
    const db = new Database(path.join(dir, 'ledger.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, [m0001]);
    fillVersion1(db);
    const userId = LEGACY.user;
    const measures = () => (db.prepare('SELECT count(*) AS n FROM measures').get() as { n: number }).n;
    const before = measures();

    expect(migrate(db, [m0001, m0002])).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(measures()).toBe(before);
    expect((db.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n).toBe(0);

    const m = { id: LEGACY.measure };
    db.prepare("INSERT INTO periods (id, year, quarter, starts_on, ends_on) VALUES ('2024-Q3', 2024, 3, '2024-07-01', '2024-09-30')").run();
    const insert = db.prepare(
      `INSERT INTO evidence (id, measure_id, period_id, sha256, name, size, mime, added_by, added_at) VALUES (?, ?, '2024-Q3', ?, 'a.pdf', 1, 'application/pdf', ?, '2024-08-01T00:00:00Z')`,
    );
    insert.run('e1', m.id, 'c'.repeat(64), userId);
    // Only a lowercase 64-hex hash can name a stored file; the same file twice on one record is refused.
    expect(() => insert.run('e2', m.id, 'C'.repeat(64), userId)).toThrow();
    expect(() => insert.run('e3', m.id, '../../etc/passwd'.padEnd(64, 'a'), userId)).toThrow();
    expect(() => insert.run('e4', m.id, 'c'.repeat(64), userId)).toThrow(/UNIQUE/);
    expect((db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'evidence'").get() as { strict: number }).strict).toBe(1);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT DISTINCT measure_id FROM evidence WHERE period_id = ?").all('2024-Q3') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX evidence_period/);
    // Deleting a measure takes its evidence rows with it.
    db.prepare('DELETE FROM measures WHERE id = ?').run(m.id);
    expect((db.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n).toBe(0);
    db.close();
  });
});
