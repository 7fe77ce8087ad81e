// Deleting a plan hides it and keeps every row; a supervisor's restore brings back exactly what was there.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, closeStore, type Db } from '../../../db/open';
import { importDocument, listPlans } from '../../../db/queries/plans';
import { deletePlan, listDeletedPlans, restorePlan } from '../../../db/queries/plan-lifecycle';
import { listMeasures, listSections } from '../../../db/queries/measures';
import { setProgress } from '../../../db/queries/progress';
import { createUser, getUser } from '../../../db/queries/users';
import { AppError } from '../../../shared/errors';
import type { User } from '../../../shared/model';
import { sampleDocument } from '../../helpers/sample-doc';
import { removeDir, tempDir } from '../../helpers/temp';

const TABLES = ['plans', 'sections', 'measures', 'measure_departments', 'progress', 'search_refs', 'evidence'];
let dir: string;
let db: Db;
let clerk: User;
let other: User;
let boss: User;

const counts = () => Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
const dump = () => TABLES.filter((t) => t !== 'plans').map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());

beforeEach(() => {
  dir = tempDir();
  db = openStore(dir);
  clerk = getUser(db, createUser(db, { name: '王五', role: 'clerk', departmentId: null }).id)!;
  other = getUser(db, createUser(db, { name: '赵六', role: 'clerk', departmentId: null }).id)!;
  boss = getUser(db, createUser(db, { name: '钱七', role: 'supervisor', departmentId: null }).id)!;
});
afterEach(() => {
  closeStore(db);
  removeDir(dir);
});

describe('plan delete and restore', () => {
  it('keeps every row through delete and restore, and hides the plan from every list meanwhile', () => {
    const { planId } = importDocument(db, sampleDocument(), { fileName: 'a.docx', sha256: 'a'.repeat(64), format: 'docx', documentIndex: 0 }, clerk.id);
    const m = listMeasures(db, { periodId: '2024-Q3' })[0]!;
    setProgress(db, { measureId: m.id, periodId: '2024-Q3', status: '推进中', narrative: '召开推进会。', userId: clerk.id });
    const before = counts();
    const rows = dump();

    expect(() => deletePlan(db, planId, other)).toThrow(AppError);
    deletePlan(db, planId, clerk);
    expect(counts()).toEqual(before);
    expect(listPlans(db)).toEqual([]);
    expect(listMeasures(db, { periodId: '2024-Q3' })).toEqual([]);
    expect(listMeasures(db, { periodId: '2024-Q3', query: '推进会' })).toEqual([]);
    expect(listSections(db)).toEqual([]);
    expect(listDeletedPlans(db)).toMatchObject([{ id: planId, measureCount: 4, deletedByName: '王五' }]);
    // The tombstone is an op, so it travels to other PCs and stays in the history.
    const log = () => db.prepare("SELECT value, author FROM ops WHERE entity = 'plan' AND entity_id = ? AND field = 'deleted' ORDER BY hlc").all(planId);
    expect(log()).toEqual([{ value: 'true', author: clerk.id }]);

    expect(() => restorePlan(db, planId, clerk)).toThrowError(/管理员/);
    restorePlan(db, planId, boss);
    expect(counts()).toEqual(before);
    expect(dump()).toEqual(rows);
    expect(listPlans(db).map((p) => p.id)).toEqual([planId]);
    expect(listMeasures(db, { periodId: '2024-Q3' })).toHaveLength(4);
    expect(listDeletedPlans(db)).toEqual([]);
    expect(log()).toEqual([{ value: 'true', author: clerk.id }, { value: 'false', author: boss.id }]);
  });

  it('refuses to import the very file of a deleted plan again, pointing at restore', () => {
    const source = { fileName: 'a.docx', sha256: 'a'.repeat(64), format: 'docx', documentIndex: 0 };
    const { planId } = importDocument(db, sampleDocument(), source, clerk.id);
    deletePlan(db, planId, boss);
    expect(() => importDocument(db, sampleDocument(), source, clerk.id)).toThrowError(/已删除.*恢复/);
  });
});
