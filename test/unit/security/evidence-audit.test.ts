// Evidence rows against the change log: a row edited in SQL behind the app's back is found by `verify`,
// and the clean-up keeps every file a row, a history entry or a backup still names.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { closeStore, openStore, storePath, type Db } from '../../../db/open';
import { attachPaths, blobPath, cleanupStore, verifyStore } from '../../../db/evidence-store/index';
import { removeEvidence } from '../../../db/queries/evidence';
import { createBackup } from '../../../db/backup/index';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { removeStoreDir, seedLedger } from '../evidence/helpers';
import type { AttachResult, VerifyReport } from '../../../shared/api/evidence';

let dir: string;
let data: string;
let db: Db;
let userId: string;
let measureIds: string[];
let items: AttachResult['items'];
/** A file attached to another measure: what a re-pointed row is pointed at. */
let other: AttachResult['items'][number];

beforeEach(async () => {
  dir = tempDir('fazhi-evaudit-');
  data = path.join(dir, 'data');
  const l = seedLedger(data);
  db = l.db;
  userId = l.userId;
  measureIds = l.measureIds;
  const files = ['整改通知.pdf', '会议纪要.docx', '培训照片.jpg'].map((n, i) => {
    const p = path.join(dir, n);
    fs.writeFileSync(p, `${n} 的内容 ${i}`.repeat(10 + i));
    return { path: p };
  });
  items = (await attachPaths(db, data, { measureId: measureIds[0]!, periodId: '2024-Q3', userId }, files)).items;
  const p = path.join(dir, '别处的批复.pdf');
  fs.writeFileSync(p, '另一项措施的材料');
  other = (await attachPaths(db, data, { measureId: measureIds[1]!, periodId: '2024-Q3', userId }, [{ path: p }])).items[0]!;
});
afterEach(() => {
  closeStore(db);
  removeStoreDir(dir);
});

/** Edits the store file with plain SQLite, as someone with the file and a database tool would: no op is recorded. */
function tamper(sql: string, ...params: unknown[]): void {
  closeStore(db);
  const raw = new Database(storePath(data));
  try {
    expect(raw.prepare(sql).run(...params).changes).toBe(1);
  } finally {
    raw.close();
  }
  db = openStore(data);
}

describe('verify checks evidence rows against the change log', () => {
  it('an untampered store verifies clean, rows and files', async () => {
    const r = await verifyStore(db, data);
    expect(r).toMatchObject({ ok: true, checkedRows: 4, checkedFiles: 4, rowProblems: [], problems: [] });
    // Edits made through the app are ops too: still clean.
    removeEvidence(db, items[2]!.id, userId);
    expect(await verifyStore(db, data)).toMatchObject({ ok: true, checkedRows: 3, rowProblems: [] });
  });

  const cases: [string, string, (it: AttachResult['items']) => unknown[], string, RegExp][] = [
    // The row now names another stored file: its file check passes, only the log shows the swap.
    ['re-pointed to another file', 'UPDATE evidence SET sha256 = ? WHERE id = ?', (x) => [other.sha256, x[0]!.id], 'sha256', /文件.内容哈希.与变更记录不符/],
    ['renamed', 'UPDATE evidence SET name = ? WHERE id = ?', (x) => ['正式批复.pdf', x[0]!.id], 'name', /文件名与变更记录不符/],
    ['back-dated', 'UPDATE evidence SET added_at = ? WHERE id = ?', (x) => ['2023-01-05T08:00:00.000Z', x[0]!.id], 'added_at', /添加时间与变更记录不符/],
  ];
  for (const [label, sql, params, column, message] of cases) {
    it(`a row ${label} in SQL is reported, by the API and by the command line`, async () => {
      tamper(sql, ...params(items));
      const r = await verifyStore(db, data);
      expect(r.ok).toBe(false);
      // The files themselves are intact: only the row check can find this.
      expect(r.problems).toEqual([]);
      expect(r.rowProblems).toHaveLength(1);
      expect(r.rowProblems[0]).toMatchObject({ evidenceId: items[0]!.id, kind: 'changed', columns: [column] });
      expect(r.rowProblems[0]!.detail).toMatch(message);
      closeStore(db);
      const out = cli(['verify', '--data-dir', data]);
      db = openStore(data);
      expect(out.status).toBe(1);
      expect((JSON.parse(out.stdout) as VerifyReport).rowProblems.map((p) => p.columns)).toEqual([[column]]);
      expect(out.stderr).toMatch(message);
    });
  }

  it('a row inserted or deleted in SQL is reported', async () => {
    tamper('DELETE FROM evidence WHERE id = ?', items[1]!.id);
    expect((await verifyStore(db, data)).rowProblems).toMatchObject([{ evidenceId: items[1]!.id, kind: 'missing' }]);
    tamper(
      `INSERT INTO evidence (id, measure_id, period_id, sha256, name, size, mime, description, added_by, added_at)
       SELECT ?, ?, period_id, sha256, '伪造.pdf', size, mime, '', added_by, added_at FROM evidence WHERE id = ?`,
      `${measureIds[2]}|2024-Q3|${items[0]!.sha256}`,
      measureIds[2],
      items[0]!.id,
    );
    const kinds = (await verifyStore(db, data)).rowProblems.map((p) => p.kind).sort();
    expect(kinds).toEqual(['missing', 'unrecorded']);
  });
});

describe('the clean-up never deletes a file a row, a history entry or a backup names', () => {
  it('a file whose link was removed stays: the history names it', async () => {
    const file = blobPath(data, items[0]!.sha256);
    removeEvidence(db, items[0]!.id, userId);
    expect(db.prepare('SELECT 1 FROM evidence WHERE sha256 = ?').get(items[0]!.sha256)).toBeUndefined();
    expect(await cleanupStore(db, data, 0)).toMatchObject({ removedFiles: 0 });
    expect(fs.existsSync(file)).toBe(true);
  });

  it('a re-pointed row does not cost the original file its place', async () => {
    const file = blobPath(data, items[0]!.sha256);
    tamper('UPDATE evidence SET sha256 = ? WHERE id = ?', other.sha256, items[0]!.id);
    expect(await cleanupStore(db, data, 0)).toMatchObject({ removedFiles: 0 });
    expect(fs.existsSync(file)).toBe(true);
  });

  it('a file only a backup names stays; without the backup it goes', async () => {
    await createBackup(db, data, { reason: 'manual', now: new Date('2026-11-30T10:00:00Z') });
    const file = blobPath(data, items[0]!.sha256);
    // Row and history removed behind the app's back: only the backup's manifest still names the file.
    closeStore(db);
    const raw = new Database(storePath(data));
    raw.prepare('DELETE FROM evidence WHERE id = ?').run(items[0]!.id);
    raw.prepare("DELETE FROM ops WHERE entity = 'evidence' AND entity_id = ?").run(items[0]!.id);
    raw.close();
    db = openStore(data);
    expect(await cleanupStore(db, data, 0)).toMatchObject({ removedFiles: 0 });
    expect(fs.existsSync(file)).toBe(true);
    // The same store with its backups gone: now nothing names the file, and the clean-up takes it.
    removeStoreDir(path.join(data, 'backups'));
    expect(await cleanupStore(db, data, 0)).toMatchObject({ removedFiles: 1 });
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(blobPath(data, items[1]!.sha256))).toBe(true);
  });
});
