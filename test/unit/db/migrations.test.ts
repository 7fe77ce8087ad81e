import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openStore, closeStore, storePath } from '../../../db/open';
import { latestVersion, migrate, type Migration } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';
import { AppError } from '../../../shared/errors';
import { removeDir, tempDir } from '../../helpers/temp';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

describe('migrations', () => {
  it('bring an empty file to the latest version with the connection policy set', () => {
    const db = openStore(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE type = 'table' AND strict = 1 AND schema = 'main'").all() as { name: string }[];
    expect(strict.map((t) => t.name)).toEqual(expect.arrayContaining(['plans', 'measures', 'progress', 'ops', 'departments', 'users']));
    closeStore(db);
  });

  it('are numbered 1..n without gaps', () => {
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('reopen an up-to-date store without changes', () => {
    closeStore(openStore(dir));
    const db = openStore(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    closeStore(db);
  });

  it('refuse a store made by a newer app, in Chinese, and leave it untouched', () => {
    closeStore(openStore(dir));
    const raw = new Database(storePath(dir));
    raw.pragma(`user_version = ${latestVersion() + 5}`);
    raw.close();
    let caught: unknown;
    try {
      openStore(dir);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('store_too_new');
    expect((caught as AppError).message).toMatch(/升级/);
    const again = new Database(storePath(dir));
    expect(again.pragma('user_version', { simple: true })).toBe(latestVersion() + 5);
    again.close();
  });

  it('apply all pending steps in one transaction: a failing step leaves the version and schema as they were', () => {
    const db = new Database(':memory:');
    const steps: Migration[] = [
      { version: 1, name: 'a', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 2, name: 'b', up: (d) => d.exec('CREATE TABLE b (x INTEGER) STRICT; SELECT * FROM no_such_table') },
    ];
    expect(() => migrate(db, steps)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('a', 'b')").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuse a list whose numbering is broken', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'x', up: () => undefined }])).toThrow(/expected 1/);
    db.close();
  });
});
