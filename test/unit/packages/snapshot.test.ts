// A new working copy made from a whole-ledger package's snapshot (the ledger's tables, db/sync/snapshot.ts) must be the
// copy a replay of its operations makes, and a snapshot that is not what the package says must be refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { closeStore, openStore, type Db } from '../../../db/open';
import { latestVersion } from '../../../db/migrate';
import { attachPaths, verifyStore } from '../../../db/evidence-store/index';
import { setProgress } from '../../../db/queries/progress';
import { createUser, getUser, systemUser } from '../../../db/queries/users';
import { setPassword } from '../../../db/queries/auth';
import { setClerksOwnDepartmentOnly } from '../../../db/queries/clerk-scope';
import { setUserSetting } from '../../../db/queries/user-settings';
import { mergeDepartments, renameDepartment } from '../../../db/queries/department-edits';
import { deleteMeasure, editMeasure } from '../../../db/queries/measure-edits';
import { deletePlan, restorePlan } from '../../../db/queries/plan-lifecycle';
import { setTargetActual } from '../../../db/queries/targets';
import { removeEvidence } from '../../../db/queries/evidence';
import { searchMeasureIds } from '../../../db/queries/search';
import { DRAFT, DRAFT_BLOCK, DRAFT_VERSION, writeDraftChanges } from '../../../db/queries/report-drafts';
import { attachInspectorPaths, createReview, listRectifications, respondRectification, setVerdict, signReview } from '../../../db/queries/inspections/index';
import { verifyAudit } from '../../../db/sync/index';
import { exportPackage } from '../../../electron/core/packages/export';
import { importPackage } from '../../../electron/core/packages/import';
import { verifyPackageFile } from '../../../electron/core/packages/verify';
import { storeIdentity } from '../../../electron/core/packages/sync-port';
import { BLOB_CHUNK } from '../../../electron/core/packages/container';
import { tempDir } from '../../helpers/temp';
import { filesUnder, removeStoreDir, writeFileOfSize } from '../evidence/helpers';
import { photoFile } from '../inspections/helpers';
import { opHash } from '../../../shared/sync/audit-hash';
import type { Op } from '../../../shared/sync/types';
import { sha256Hex } from '../../../db/sync/hash';
import { editPackage, rehashOps, seedOffice, type Office } from './helpers';

let dir: string;
let office: Office;
let whole: string;
/** The department's whole ledger: a copy set up from a slice, whose log has gaps where the slice left ops out. */
let deptWhole: string;

/** Tables of one store, not of the ledger (never copied); columns that say when this store applied a change. */
const LOCAL = new Set(['ledger', 'exchange_origin', 'exchange_packages', 'exchange_peers', 'exchange_receipts', 'user_settings']);
const APPLIED_AT: Record<string, string[]> = { report_drafts: ['updated_at'], report_draft_blocks: ['updated_at'] };

/** Every ledger row, sorted; the search index by the reference each text belongs to (its rowids are the store's own). */
function ledgerDump(db: Db): Record<string, string[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' ORDER BY name").pluck().all() as string[];
  const out: Record<string, string[]> = {};
  for (const t of tables.filter((x) => !LOCAL.has(x))) {
    out[t] = (db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[])
      .map((r) => {
        for (const c of APPLIED_AT[t] ?? []) delete r[c];
        return JSON.stringify(r);
      })
      .sort();
  }
  out.search = (db.prepare('SELECT r.ref_id, r.measure_id, s.body FROM search_refs r JOIN search_index s ON s.rowid = r.rowid').all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  return out;
}

/** Asserts two copies hold the same ledger, table by table; returns the first one's rows. */
function sameCopies(a: Db, b: Db): Record<string, string[]> {
  const da = ledgerDump(a);
  const db = ledgerDump(b);
  expect(Object.keys(da)).toEqual(Object.keys(db));
  for (const t of Object.keys(db)) expect({ table: t, rows: da[t] }).toEqual({ table: t, rows: db[t] });
  return da;
}

function count(db: Db, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

/** A copy of a package whose snapshot was changed with SQL, its hash and the manifest's recomputed as a forger would. */
function editSnapshot(file: string, copy: string, sql: string, manifestEdit: (m: { parts: { snapshot: { sha256: string; size: number; schemaVersion: number } } }) => void = () => undefined): string {
  fs.copyFileSync(file, copy);
  const pkg = new Database(copy);
  const scratch = `${copy}.snap`;
  fs.writeFileSync(scratch, Buffer.concat(pkg.prepare('SELECT data FROM snapshot ORDER BY part').pluck().all() as Buffer[]));
  const snap = new Database(scratch);
  snap.exec(sql);
  snap.close();
  const bytes = fs.readFileSync(scratch);
  fs.rmSync(scratch);
  pkg.exec('DELETE FROM snapshot');
  const put = pkg.prepare('INSERT INTO snapshot (part, data) VALUES (?, ?)');
  for (let at = 0, part = 0; at < bytes.length; at += BLOB_CHUNK) put.run(part++, bytes.subarray(at, at + BLOB_CHUNK));
  const m = JSON.parse(pkg.prepare("SELECT value FROM meta WHERE key = 'manifest'").pluck().get() as string) as Parameters<typeof manifestEdit>[0];
  m.parts.snapshot.sha256 = createHash('sha256').update(bytes).digest('hex');
  m.parts.snapshot.size = bytes.length;
  manifestEdit(m);
  const json = JSON.stringify(m);
  pkg.prepare("UPDATE meta SET value = ? WHERE key = 'manifest'").run(json);
  pkg.prepare("UPDATE meta SET value = ? WHERE key = 'manifest_sha256'").run(createHash('sha256').update(json).digest('hex'));
  pkg.close();
  return copy;
}

/**
 * The office's ledger with every kind of row the exchange carries: progress and a conflict from a department's return,
 * evidence kept, replaced and removed, a target figure, users with a password, a setting, a renamed and a merged
 * department, an edited and a deleted measure, a plan deleted and restored, a signed review with a verdict, a
 * rectification answered and an inspector's photo, a report draft with a block and a saved version; and a setting of
 * one user's own, which stays on this PC.
 */
beforeAll(async () => {
  dir = tempDir('fazhi-snapshot-');
  office = await seedOffice(path.join(dir, 'office'));
  const { db, dataDir, userId: me } = office;
  const [m0, m1, m2, m3] = office.measureIds as [string, string, string, string];

  const slice = path.join(dir, 'slice.fzpkg');
  await exportPackage(db, dataDir, { kind: 'slice', slice: { departments: [office.department] }, label: office.department }, slice);
  const deptDir = path.join(dir, 'dept');
  const dept = openStore(deptDir);
  try {
    await importPackage(dept, deptDir, slice, undefined);
    setProgress(dept, { measureId: m0, periodId: '2024-Q3', status: '已完成', narrative: '部门:已完成', userId: systemUser(dept).id });
    setProgress(db, { measureId: m0, periodId: '2024-Q3', status: '推进中', narrative: '法治办:督促中', userId: me });
    const back = path.join(dir, 'return.fzpkg');
    await exportPackage(dept, deptDir, { kind: 'return', peerReplicaId: storeIdentity(db).replicaId }, back);
    expect((await importPackage(db, dataDir, back, undefined)).conflicts).toBe(2);
    deptWhole = path.join(dir, 'dept-whole.fzpkg');
    await exportPackage(dept, deptDir, { kind: 'ledger' }, deptWhole);
  } finally {
    closeStore(dept);
  }

  for (const [i, m] of [m1, m2, m3].entries()) setProgress(db, { measureId: m, periodId: '2024-Q2', status: '推进中', narrative: `第${i}条`, userId: me });
  const files = [1, 2, 3].map((i) => {
    const f = path.join(dir, `材料${i}.pdf`);
    writeFileOfSize(f, 40_000 + i, i);
    return f;
  });
  const kept = await attachPaths(db, dataDir, { measureId: m1, periodId: '2024-Q2', userId: me }, [{ path: files[0]! }, { path: files[1]! }]);
  await attachPaths(db, dataDir, { measureId: m1, periodId: '2024-Q2', userId: me, replaces: kept.items[0]!.id }, [{ path: files[2]! }]);
  removeEvidence(db, kept.items[1]!.id, me);
  editMeasure(db, me, m2, { title: '改写后的标题', targets: ['培训不少于3次'] });
  setTargetActual(db, { measureId: m2, periodId: '2024-Q2', targetIndex: 0, actual: '2次', userId: me });
  deleteMeasure(db, me, m3);

  const clerk = createUser(db, { name: '钱办事员', role: 'clerk', departmentId: null }, me);
  const lead = createUser(db, { name: '王组长', role: 'inspector', departmentId: null }, me);
  setPassword(db, me, clerk.id, 'mima-2024');
  setClerksOwnDepartmentOnly(db, me, true);
  setUserSetting(db, me, 'checklist.columns', '["title"]');
  const depts = db.prepare('SELECT id FROM departments ORDER BY name LIMIT 3').pluck().all() as string[];
  renameDepartment(db, me, depts[0]!, '改名后的单位');
  mergeDepartments(db, me, depts[1]!, depts[2]!);

  const plan = db.prepare('SELECT plan_id FROM measures WHERE id = ?').pluck().get(m1) as string;
  const user = getUser(db, me)!;
  deletePlan(db, plan, user);
  restorePlan(db, plan, user);

  const review = createReview(db, { name: '第三季度督察', planId: plan, periodId: '2024-Q3', reviewerIds: [lead.id] }, lead.id);
  setVerdict(db, { reviewId: review.id, measureId: m0, verdict: '不符合', finding: '台账不全', rectification: { requirement: '补齐台账', departmentId: null, departmentName: office.department, dueOn: '2024-12-31' } }, lead.id);
  await attachInspectorPaths(db, dataDir, { reviewId: review.id, measureId: m0, userId: lead.id, paths: [photoFile(dir)] });
  signReview(db, review.id, lead);
  respondRectification(db, { id: listRectifications(db)[0]!.id, response: '已补齐' }, me);

  writeDraftChanges(db, me, [
    { entity: DRAFT, entityId: 'draft-1', field: 'period', value: '2024-Q3' },
    { entity: DRAFT_BLOCK, entityId: 'block-1', field: 'draftId', value: 'draft-1' },
    { entity: DRAFT_BLOCK, entityId: 'block-1', field: 'text', value: '一、总体情况' },
    { entity: DRAFT_VERSION, entityId: 'version-1', field: 'snapshot', value: { draftId: 'draft-1', savedAt: '2024-10-01T08:00:00.000Z', savedBy: me, header: {}, blocks: [] } },
  ]);

  whole = path.join(dir, 'whole.fzpkg');
  await exportPackage(db, dataDir, { kind: 'ledger', label: '督察组' }, whole);
}, 120_000);

afterAll(() => {
  closeStore(office.db);
  removeStoreDir(dir);
});

let n = 0;
function freshStore(): { db: Db; dataDir: string } {
  const dataDir = path.join(dir, `copy-${n++}`);
  return { db: openStore(dataDir), dataDir };
}

describe('a new working copy from a whole-ledger package', () => {
  it('takes the snapshot and holds, table by table, what a replay of the operations builds', async () => {
    const a = freshStore();
    const b = freshStore();
    try {
      const ra = await importPackage(a.db, a.dataDir, whole, undefined);
      const rb = await importPackage(b.db, b.dataDir, whole, undefined, { snapshot: false });
      expect([ra.fromSnapshot, rb.fromSnapshot]).toEqual([true, false]);
      expect(ra.applied).toBe(rb.applied);
      expect(ra.applied).toBe(count(office.db, 'ops'));
      const da = sameCopies(a.db, b.db);
      // Not an empty comparison: every kind of row is there.
      for (const t of ['conflicts', 'departments', 'department_aliases', 'evidence', 'inspection_evidence', 'measure_departments', 'measures', 'ops', 'periods', 'plans', 'progress', 'rectifications', 'report_draft_blocks', 'report_draft_versions', 'report_drafts', 'review_signatures', 'review_verdicts', 'reviews', 'search', 'sections', 'settings', 'target_actuals', 'users']) {
        expect({ table: t, rows: da[t]!.length > 0 }).toEqual({ table: t, rows: true });
      }
      expect(count(a.db, 'user_settings')).toBe(0);
      expect(count(office.db, 'user_settings')).toBe(1);
      // Searching the copy finds the edited title.
      expect(searchMeasureIds(a.db, '改写后的标题')).toEqual([office.measureIds[2]]);
    } finally {
      closeStore(a.db);
      closeStore(b.db);
    }
  });

  it('keeps the gaps of a log that came by slices as a replay finds them', async () => {
    const a = freshStore();
    const b = freshStore();
    try {
      expect((await importPackage(a.db, a.dataDir, deptWhole, undefined)).fromSnapshot).toBe(true);
      await importPackage(b.db, b.dataDir, deptWhole, undefined, { snapshot: false });
      sameCopies(a.db, b.db);
      expect(a.db.prepare('SELECT count(*) FROM ops WHERE gap_ok = 1').pluck().get()).toBeGreaterThan(0);
      expect(verifyAudit(a.db)).toEqual([]);
    } finally {
      closeStore(a.db);
      closeStore(b.db);
    }
  });

  it('is a working copy: its audit trail and evidence check out, it records, and its return merges at the office', async () => {
    const a = freshStore();
    try {
      expect((await importPackage(a.db, a.dataDir, whole, undefined)).fromSnapshot).toBe(true);
      expect(storeIdentity(a.db).replicaId).not.toBe(storeIdentity(office.db).replicaId);
      expect(verifyAudit(a.db)).toEqual([]);
      expect((await verifyStore(a.db, a.dataDir)).problems).toEqual([]);
      const m = office.measureIds[4]!;
      setProgress(a.db, { measureId: m, periodId: '2024-Q4', status: '已完成', narrative: '督察组笔记本上填报', userId: systemUser(a.db).id });
      const back = path.join(dir, 'copy-return.fzpkg');
      await exportPackage(a.db, a.dataDir, { kind: 'return', peerReplicaId: storeIdentity(office.db).replicaId }, back);
      const r = await importPackage(office.db, office.dataDir, back, undefined);
      expect(r.applied).toBeGreaterThan(0);
      expect(office.db.prepare("SELECT narrative FROM progress WHERE measure_id = ? AND period_id = '2024-Q4'").pluck().get(m)).toBe('督察组笔记本上填报');
    } finally {
      closeStore(a.db);
    }
  });

  it('takes one import at a time: a second one started meanwhile is refused and changes nothing', async () => {
    const a = freshStore();
    try {
      const [first, second] = await Promise.allSettled([importPackage(a.db, a.dataDir, whole, undefined), importPackage(a.db, a.dataDir, whole, undefined)]);
      expect(first.status === 'fulfilled' && first.value.fromSnapshot).toBe(true);
      expect(second.status === 'rejected' && String((second.reason as Error).message)).toMatch(/另一个交换包正在导入/);
      expect(count(a.db, 'exchange_packages')).toBe(1);
      expect(count(a.db, 'measures')).toBe(count(office.db, 'measures'));
      // Once the first has ended, the same package is recognised as imported, not refused as busy.
      await expect(importPackage(a.db, a.dataDir, whole, undefined)).rejects.toThrow(/此前已导入过/);
    } finally {
      closeStore(a.db);
    }
  });

  it('replays the operations when the snapshot was made by another schema version', async () => {
    const older = editSnapshot(whole, path.join(dir, 'older.fzpkg'), 'SELECT 1', (m) => (m.parts.snapshot.schemaVersion = latestVersion() - 1));
    const a = freshStore();
    try {
      const r = await importPackage(a.db, a.dataDir, older, undefined);
      expect([r.clone, r.fromSnapshot]).toEqual([true, false]);
      expect(count(a.db, 'measures')).toBe(count(office.db, 'measures'));
    } finally {
      closeStore(a.db);
    }
  });

  it('writes the log from the ops part: the snapshot carries none, and a format-2 snapshot’s own log is ignored', async () => {
    const pkg = new Database(whole, { readonly: true });
    const bytes = Buffer.concat(pkg.prepare('SELECT data FROM snapshot ORDER BY part').pluck().all() as Buffer[]);
    const carried = pkg.prepare("SELECT body ->> '$.hash' FROM ops ORDER BY seq").pluck().all();
    pkg.close();
    const scratch = path.join(dir, 'carried.snap');
    fs.writeFileSync(scratch, bytes);
    const snap = new Database(scratch, { readonly: true });
    expect(snap.prepare("SELECT name FROM sqlite_master WHERE name = 'ops'").get()).toBeUndefined();
    expect(snap.prepare('SELECT count(*) FROM measures').pluck().get()).toBe(count(office.db, 'measures'));
    snap.close();
    // As the previous format carried it: the log inside the snapshot, here with a forged entry that must not arrive.
    const older = editSnapshot(
      whole,
      path.join(dir, 'format-2.fzpkg'),
      "CREATE TABLE ops (seq INTEGER, body TEXT); INSERT INTO ops VALUES (0, '伪造的日志')",
      (m) => ((m as unknown as { formatVersion: number }).formatVersion = 2),
    );
    const a = freshStore();
    try {
      const r = await importPackage(a.db, a.dataDir, older, undefined);
      expect([r.fromSnapshot, r.applied]).toEqual([true, carried.length]);
      expect(a.db.prepare('SELECT hash FROM ops ORDER BY hlc').pluck().all()).toEqual(carried);
      expect(verifyAudit(a.db)).toEqual([]);
    } finally {
      closeStore(a.db);
    }
  });
});

describe('a snapshot that is not what the package says is refused with the store left empty', () => {
  async function refused(file: string, message: RegExp, o: { chainThreadFrom?: number } = {}): Promise<void> {
    const a = freshStore();
    try {
      await expect(importPackage(a.db, a.dataDir, file, undefined, o)).rejects.toThrow(message);
      expect([count(a.db, 'ops'), count(a.db, 'measures'), count(a.db, 'evidence')]).toEqual([0, 0, 0]);
      expect(filesUnder(path.join(a.dataDir, 'exchange', 'tmp'))).toEqual([]);
      expect(filesUnder(path.join(a.dataDir, 'evidence')).filter((f) => !f.includes(`${path.sep}tmp`))).toEqual([]);
    } finally {
      closeStore(a.db);
    }
  }

  it('a flipped byte in the snapshot, found by import and by package verify', async () => {
    const f = path.join(dir, 'flipped.fzpkg');
    fs.copyFileSync(whole, f);
    const pkg = new Database(f);
    pkg.prepare('UPDATE snapshot SET data = ? WHERE part = 0').run(
      (() => {
        const b = Buffer.from(pkg.prepare('SELECT data FROM snapshot WHERE part = 0').pluck().get() as Buffer);
        b[b.length >> 1] ^= 0x10;
        return b;
      })(),
    );
    pkg.close();
    await refused(f, /损坏或被改动/);
    await expect(verifyPackageFile(path.join(dir, 'verify'), f, undefined)).rejects.toThrow(/损坏或被改动/);
    expect((await verifyPackageFile(path.join(dir, 'verify'), whole, undefined)).kind).toBe('ledger');
  });

  it('a dropped snapshot piece', async () => {
    await refused(editPackage(whole, path.join(dir, 'dropped.fzpkg'), 'DELETE FROM snapshot WHERE part = (SELECT max(part) FROM snapshot)'), /损坏或被改动/);
  });

  it('a snapshot of another shape', async () => {
    await refused(editSnapshot(whole, path.join(dir, 'shape.fzpkg'), 'ALTER TABLE progress DROP COLUMN narrative'), /损坏或被改动/);
  });

  it('an operation text that gives a key twice, its chain hash recomputed on the value JavaScript reads', async () => {
    // SQLite, writing the log from the text, would read the first value; the chain is checked on the last.
    const f = editPackage(whole, path.join(dir, 'twice.fzpkg'), 'SELECT 1');
    const pkg = new Database(f);
    const { seq, body } = pkg.prepare('SELECT seq, body FROM ops ORDER BY seq DESC LIMIT 1').get() as { seq: number; body: string };
    const op = JSON.parse(body) as Op;
    const forged = { ...op, value: '"伪造的值"' };
    const hash = opHash(sha256Hex, op.prevHash, forged);
    const text = `${body.slice(0, -1).replace(/"hash":"[0-9a-f]+"$/, `"hash":"${hash}"`)},"value":${JSON.stringify(forged.value)}}`;
    expect(JSON.parse(text)).toEqual({ ...forged, hash });
    pkg.prepare('UPDATE ops SET body = ? WHERE seq = ?').run(text, seq);
    pkg.close();
    rehashOps(f);
    await refused(f, /损坏或被改动/);
    await refused(f, /损坏或被改动/, { chainThreadFrom: 1 });
    await expect(verifyPackageFile(path.join(dir, 'verify'), f, undefined)).rejects.toThrow(/损坏或被改动/);
  });

  it('operations out of clock order, the part hash recomputed (each replica’s chain still holds)', async () => {
    // Two neighbours of different replicas swapped: a chain is checked in its replica's clock order, and holds.
    const f = editPackage(
      whole,
      path.join(dir, 'swapped.fzpkg'),
      `CREATE TEMP TABLE two AS SELECT seq, body FROM ops WHERE seq IN (SELECT s FROM (
         SELECT a.seq AS s FROM ops a JOIN ops b ON b.seq = a.seq + 1 WHERE a.body ->> '$.replicaId' <> b.body ->> '$.replicaId' LIMIT 1) UNION ALL
         SELECT s + 1 FROM (SELECT a.seq AS s FROM ops a JOIN ops b ON b.seq = a.seq + 1 WHERE a.body ->> '$.replicaId' <> b.body ->> '$.replicaId' LIMIT 1));
       UPDATE ops SET body = (SELECT body FROM two WHERE two.seq <> ops.seq) WHERE seq IN (SELECT seq FROM two);`,
    );
    rehashOps(f);
    await refused(f, /损坏或被改动/, { chainThreadFrom: 1 });
  });

  it('an edited operation whose chain and part hash were recomputed: the audit chain names it, on this thread or its own', async () => {
    const f = editPackage(whole, path.join(dir, 'forged-ops.fzpkg'), `UPDATE ops SET body = replace(body, '法治办:督促中', '法治办:已办结') WHERE body LIKE '%法治办:督促中%'`);
    rehashOps(f);
    await refused(f, /审计链/);
    await refused(f, /审计链/, { chainThreadFrom: 1 });
  });
});
