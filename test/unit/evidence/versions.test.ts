import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { closeStore, openStore } from '../../../db/open';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';
import { attachPaths, blobPath, cleanupStore, reuseEvidence, verifyStore } from '../../../db/evidence-store/index';
import { dateTerm, evidenceHistory, listEvidence, missingEvidence, pickEvidence, removeEvidence } from '../../../db/queries/evidence';
import { exportPackage } from '../../../electron/core/packages/export';
import { importPackage } from '../../../electron/core/packages/import';
import { storeIdentity } from '../../../electron/core/packages/sync-port';
import { systemUser } from '../../../db/queries/users';
import { mergeMeasures } from '../../../db/queries/measure-edits';
import { AppError } from '../../../shared/errors';
import { fillVersion1, fillVersion2, LEGACY } from '../../helpers/legacy-store';
import { tempDir } from '../../helpers/temp';
import { seedOffice } from '../packages/helpers';
import { filesUnder, removeStoreDir, seedLedger, writeFileOfSize, type Ledger } from './helpers';

let dir: string;
beforeEach(() => {
  dir = tempDir('fazhi-evver-');
});
afterEach(() => removeStoreDir(dir));

function file(name: string, size: number, seed: number): string {
  const p = path.join(dir, 'src', name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  writeFileOfSize(p, size, seed);
  return p;
}
async function rejection(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}
const storedFiles = (dataDir: string) => filesUnder(path.join(dataDir, 'evidence')).filter((f) => !f.includes(`${path.sep}tmp${path.sep}`)).length;
const opsOf = (l: Ledger, id: string) => l.db.prepare("SELECT field FROM ops WHERE entity = 'evidence' AND entity_id = ? ORDER BY hlc").pluck().all(id) as string[];

describe('reusing a stored file on another record', () => {
  let l: Ledger;
  let data: string;
  beforeEach(() => {
    data = path.join(dir, 'data');
    l = seedLedger(data);
  });
  afterEach(() => closeStore(l.db));

  it('finds it by name, 文号 or date as a clerk types them, attaches it without copying, and records the link as ops', async () => {
    const [a, b] = l.measureIds as [string, string];
    const r = await attachPaths(l.db, data, { measureId: a, periodId: '2024-Q3', userId: l.userId }, [
      { path: file('督察通报.pdf', 5000, 1), docNumber: '渡司发〔2024〕12号', docDate: '2024-09-30', description: '三季度督察' },
      { path: file('会议照片.jpg', 3000, 2) },
    ]);
    const report = r.items.find((i) => i.name === '督察通报.pdf')!;

    const names = (q: string, exclude?: string) => pickEvidence(l.db, { query: q, excludeMeasureId: exclude }).map((p) => p.name);
    expect(names('通报')).toEqual(['督察通报.pdf']);
    expect(names('〔2024〕12号')).toEqual(['督察通报.pdf']);
    expect(names('2024年9月30日')).toEqual(['督察通报.pdf']);
    expect(names('2024.9')).toEqual(['督察通报.pdf']);
    expect(names('照片')).toEqual(['会议照片.jpg']);
    expect(names('2024年10月')).toEqual([]);
    expect(names('')).toHaveLength(2);
    // A literal % is a character to find, not a wildcard.
    expect(names('%')).toEqual([]);
    expect(dateTerm('2024年9月30日')).toBe('2024-09-30');

    const before = storedFiles(data);
    const reused = reuseEvidence(l.db, data, { measureId: b, periodId: '2024-Q3', userId: l.userId }, report.id);
    const item = reused.items[0]!;
    expect(item).toMatchObject({ measureId: b, periodId: '2024-Q3', sha256: report.sha256, name: '督察通报.pdf', docNumber: '渡司发〔2024〕12号', description: '三季度督察' });
    expect(storedFiles(data)).toBe(before);
    expect(opsOf(l, item.id)).toEqual(expect.arrayContaining(['period_id', 'name', 'size', 'mime', 'doc_number', 'doc_date']));
    expect(missingEvidence(l.db, { periodId: '2024-Q3' }).map((m) => m.id)).not.toContain(b);
    // Offered once, used twice; a record that has it is not offered it again.
    expect(pickEvidence(l.db, { query: '通报' })[0]!.uses).toBe(2);
    expect(names('通报', b)).toEqual([]);
    // Twice on the same record is a duplicate, not a second row.
    expect(reuseEvidence(l.db, data, { measureId: b, periodId: '2024-Q3', userId: l.userId }, report.id).duplicates).toEqual(['督察通报.pdf']);

    // The clean-up keeps a file while any record names it, and the store checks out.
    removeEvidence(l.db, report.id, l.userId);
    expect((await cleanupStore(l.db, data, 0)).removedFiles).toBe(0);
    expect(fs.existsSync(blobPath(data, report.sha256))).toBe(true);
    expect((await verifyStore(l.db, data)).ok).toBe(true);
  });

  it('refuses a file whose stored bytes are gone, in a sentence that says what to do', async () => {
    const [a, b] = l.measureIds as [string, string];
    const r = await attachPaths(l.db, data, { measureId: a, periodId: '2024-Q3', userId: l.userId }, [{ path: file('表.xlsx', 2000, 3) }]);
    const blob = blobPath(data, r.items[0]!.sha256);
    fs.chmodSync(blob, 0o644);
    fs.rmSync(blob);
    const e = await rejection(() => reuseEvidence(l.db, data, { measureId: b, periodId: '2024-Q3', userId: l.userId }, r.items[0]!.id));
    expect(e.code).toBe('not_found');
    expect(e.message).toContain('完整性检查');
    expect(listEvidence(l.db, { measureId: b })).toEqual([]);
  });
});

describe('replacing a file with a newer version', () => {
  let l: Ledger;
  let data: string;
  beforeEach(() => {
    data = path.join(dir, 'data');
    l = seedLedger(data);
  });
  afterEach(() => closeStore(l.db));

  it('lists the new file, keeps the old one as an earlier version whose bytes the clean-up never takes, and brings it back when the new one is removed', async () => {
    const [a] = l.measureIds as [string];
    const t = { measureId: a, periodId: '2024-Q3', userId: l.userId };
    const v1 = (await attachPaths(l.db, data, t, [{ path: file('自查报告.docx', 4000, 1), description: '年度自查' }])).items[0]!;
    const v2 = (await attachPaths(l.db, data, { ...t, replaces: v1.id }, [{ path: file('自查报告（修改稿）.docx', 4100, 2) }])).items[0]!;

    expect(listEvidence(l.db, { measureId: a }).map((i) => i.name)).toEqual(['自查报告（修改稿）.docx']);
    // A newer version says what the old one said unless the clerk says otherwise.
    expect(v2.description).toBe('年度自查');
    const all = listEvidence(l.db, { measureId: a, withHistory: true });
    expect(all.map((i) => [i.name, i.supersededBy])).toEqual(expect.arrayContaining([['自查报告.docx', v2.id], ['自查报告（修改稿）.docx', null]]));
    expect(evidenceHistory(l.db, v2.id).map((i) => i.id)).toEqual([v1.id]);
    expect(opsOf(l, v1.id)).toContain('superseded_by');
    expect(listEvidence(l.db, {}).map((i) => i.id)).not.toContain(v1.id);

    // The old bytes stay while history names them.
    expect((await cleanupStore(l.db, data, 0)).removedFiles).toBe(0);
    expect(fs.existsSync(blobPath(data, v1.sha256))).toBe(true);
    const check = await verifyStore(l.db, data);
    expect(check).toMatchObject({ ok: true, checkedFiles: 2, unreferencedFiles: 0 });

    // A chain: the newest is listed, both earlier versions are in its history, newest first.
    const v3 = (await attachPaths(l.db, data, { ...t, replaces: v2.id }, [{ path: file('自查报告（定稿）.docx', 4200, 3) }])).items[0]!;
    expect(evidenceHistory(l.db, v3.id).map((i) => i.name)).toEqual(['自查报告（修改稿）.docx', '自查报告.docx']);

    // Refused: replacing an earlier version, replacing with the same file, several files, another measure's file.
    expect((await rejection(attachPaths(l.db, data, { ...t, replaces: v1.id }, [{ path: file('x.docx', 10, 9) }]))).code).toBe('conflict');
    const same = path.join(dir, 'src', '自查报告（定稿）.docx');
    expect((await rejection(attachPaths(l.db, data, { ...t, replaces: v3.id }, [{ path: same }]))).message).toContain('内容完全相同');
    expect((await rejection(attachPaths(l.db, data, { ...t, replaces: v3.id }, [{ path: file('y1.docx', 10, 7) }, { path: file('y2.docx', 10, 8) }]))).code).toBe('validation');
    const other = { ...t, measureId: l.measureIds[1]!, replaces: v3.id };
    expect((await rejection(attachPaths(l.db, data, other, [{ path: file('z.docx', 10, 6) }]))).message).toContain('另一项措施');
    expect(listEvidence(l.db, { measureId: a, withHistory: true })).toHaveLength(3);

    // Taking the newest off brings the previous version back as the current one.
    removeEvidence(l.db, v3.id, l.userId);
    expect(listEvidence(l.db, { measureId: a }).map((i) => i.id)).toEqual([v2.id]);
    expect(missingEvidence(l.db, { periodId: '2024-Q3' }).map((m) => m.id)).not.toContain(a);
  });

  it('with a file the quarter already holds: an earlier version chosen again becomes the current one, the replaced one its earlier version: never both hidden', async () => {
    const [a] = l.measureIds as [string];
    const t = { measureId: a, periodId: '2024-Q3', userId: l.userId };
    const first = file('自查报告.docx', 4000, 1);
    const v1 = (await attachPaths(l.db, data, t, [{ path: first }])).items[0]!;
    const v2 = (await attachPaths(l.db, data, { ...t, replaces: v1.id }, [{ path: file('自查报告（修改稿）.docx', 4100, 2) }])).items[0]!;
    // The clerk decides the first text was right after all and replaces the new version with it.
    const back = await attachPaths(l.db, data, { ...t, replaces: v2.id }, [{ path: first }]);
    expect(back.duplicates).toEqual(['自查报告.docx']);
    expect(listEvidence(l.db, { measureId: a }).map((i) => i.id)).toEqual([v1.id]);
    expect(evidenceHistory(l.db, v1.id).map((i) => i.id)).toEqual([v2.id]);
    expect(missingEvidence(l.db, { periodId: '2024-Q3' }).map((m) => m.id)).not.toContain(a);

    // Another file of the quarter chosen as the replacement: it stays current, the replaced one goes under it.
    const other = (await attachPaths(l.db, data, t, [{ path: file('会议纪要.pdf', 3000, 3) }])).items[0]!;
    await attachPaths(l.db, data, { ...t, replaces: v1.id }, [{ path: path.join(dir, 'src', '会议纪要.pdf') }]);
    expect(listEvidence(l.db, { measureId: a }).map((i) => i.id)).toEqual([other.id]);
    expect(evidenceHistory(l.db, other.id).map((i) => i.id)).toEqual([v1.id, v2.id]);
  });
});

describe('merging measures', () => {
  it('moves a replaced file and its earlier version to the merged measure, the earlier one still earlier', async () => {
    const data = path.join(dir, 'data');
    const l = seedLedger(data);
    try {
      const [into, absorbed] = l.measureIds as [string, string];
      const t = { measureId: absorbed, periodId: '2024-Q3', userId: l.userId };
      const v1 = (await attachPaths(l.db, data, t, [{ path: file('方案.docx', 900, 1) }])).items[0]!;
      const v2 = (await attachPaths(l.db, data, { ...t, replaces: v1.id }, [{ path: file('方案（定稿）.docx', 950, 2) }])).items[0]!;
      mergeMeasures(l.db, l.userId, into, absorbed);
      const now = listEvidence(l.db, { measureId: into });
      expect(now.map((i) => i.sha256)).toEqual([v2.sha256]);
      expect(evidenceHistory(l.db, now[0]!.id).map((i) => i.sha256)).toEqual([v1.sha256]);
    } finally {
      closeStore(l.db);
    }
  });
});

describe('exchange of versions and reused files', () => {
  it('a department copy receives the history and both files; its own replacement and reuse come back to the office', async () => {
    const o = await seedOffice(path.join(dir, 'office'));
    const deptDir = path.join(dir, 'dept');
    const dept = openStore(deptDir);
    try {
      const [m0, m1] = o.measureIds as [string, string];
      const t = { measureId: m0, periodId: '2024-Q3', userId: o.userId };
      const v1 = (await attachPaths(o.db, o.dataDir, t, [{ path: file('台账.xlsx', 6000, 1) }])).items[0]!;
      const v2 = (await attachPaths(o.db, o.dataDir, { ...t, replaces: v1.id }, [{ path: file('台账（更新）.xlsx', 6100, 2) }])).items[0]!;

      const slice = path.join(dir, 'slice.fzpkg');
      const sent = await exportPackage(o.db, o.dataDir, { kind: 'slice', slice: { departments: [o.department] }, label: o.department }, slice);
      expect(sent.blobs).toBe(2);
      await importPackage(dept, deptDir, slice, undefined);
      expect(listEvidence(dept, { measureId: m0 }).map((i) => i.id)).toEqual([v2.id]);
      expect(evidenceHistory(dept, v2.id).map((i) => i.id)).toEqual([v1.id]);
      expect(fs.existsSync(blobPath(deptDir, v1.sha256))).toBe(true);

      // The department replaces the file again and reuses the first version on another measure.
      const du = systemUser(dept).id;
      const v3 = (await attachPaths(dept, deptDir, { ...t, userId: du, replaces: v2.id }, [{ path: file('台账（终稿）.xlsx', 6200, 3) }])).items[0]!;
      const reused = reuseEvidence(dept, deptDir, { measureId: m1, periodId: '2024-Q3', userId: du }, v2.id).items[0]!;

      const back = path.join(dir, 'return.fzpkg');
      const ret = await exportPackage(dept, deptDir, { kind: 'return', peerReplicaId: storeIdentity(o.db).replicaId }, back);
      expect(ret.blobs).toBeGreaterThanOrEqual(1);
      await importPackage(o.db, o.dataDir, back, undefined);

      const current = listEvidence(o.db, { measureId: m0 });
      expect(current.map((i) => i.id)).toEqual([v3.id]);
      expect(evidenceHistory(o.db, v3.id).map((i) => i.id)).toEqual([v2.id, v1.id]);
      expect(listEvidence(o.db, { measureId: m1 }).map((i) => [i.id, i.sha256])).toEqual([[reused.id, v2.sha256]]);
      expect(fs.existsSync(blobPath(o.dataDir, v3.sha256))).toBe(true);
      // Both PCs hold the same rows.
      const rows = (db: Database.Database) => db.prepare('SELECT id, superseded_by FROM evidence ORDER BY id').all();
      expect(rows(o.db)).toEqual(rows(dept));
      expect((await verifyStore(o.db, o.dataDir)).ok).toBe(true);
      expect((await cleanupStore(o.db, o.dataDir, 0)).removedFiles).toBe(0);
    } finally {
      closeStore(dept);
      closeStore(o.db);
    }
  });
});

describe('migration 0010-evidence-versions', () => {
  it('keeps every evidence row of a version 9 store, each as the current version', () => {
    const db = new Database(path.join(dir, 'ledger.sqlite'));
    try {
      db.pragma('foreign_keys = ON');
      migrate(db, migrations.slice(0, 1));
      fillVersion1(db);
      migrate(db, migrations.slice(0, 2));
      fillVersion2(db);
      migrate(db, migrations.slice(0, 9));
      const before = db.prepare('SELECT * FROM evidence ORDER BY id').all();
      expect(before.length).toBeGreaterThan(0);
      expect(migrate(db, migrations)).toBe(migrations.length);
      const after = db.prepare('SELECT * FROM evidence ORDER BY id').all() as Record<string, unknown>[];
      expect(after.map(({ superseded_by: _s, ...rest }) => rest)).toEqual(before);
      expect(after.every((r) => r.superseded_by === null)).toBe(true);
      expect(listEvidence(db, { measureId: LEGACY.measure })).toHaveLength(before.length);
    } finally {
      db.close();
    }
  });
});
