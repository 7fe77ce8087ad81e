// Corrections after import on a real store: every edit keeps progress and evidence, goes to the history, and is an exchange operation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, closeStore, type Db } from '../../../db/open';
import { importDocument } from '../../../db/queries/plans';
import { listMeasures } from '../../../db/queries/measures';
import { getMeasure } from '../../../db/queries/measure-detail';
import { setProgress } from '../../../db/queries/progress';
import { createUser } from '../../../db/queries/users';
import { listDepartments } from '../../../db/queries/departments';
import { insertEvidence } from '../../../db/queries/evidence';
import { addMeasure, deleteMeasure, editMeasure, mergeMeasures, splitMeasure } from '../../../db/queries/measure-edits';
import { mergeDepartments, renameDepartment, setCollective } from '../../../db/queries/department-edits';
import { applyRevision, previewRevision } from '../../../db/queries/revision';
import { AppError } from '../../../shared/errors';
import { sampleDocument } from '../../helpers/sample-doc';
import { removeDir, tempDir } from '../../helpers/temp';

const Q = '2024-Q3';
const source = { fileName: '方案.docx', sha256: 'a'.repeat(64), format: 'docx', documentIndex: 0 };
let dir: string;
let db: Db;
let userId: string;
let ids: string[];

const rows = () => listMeasures(db, { periodId: Q, asOf: '2024-08-01' });
const byTitle = (t: string) => rows().find((m) => m.title === t)!;
const count = (sql: string, ...args: unknown[]): number => (db.prepare(sql).get(...args) as { n: number }).n;
const opsOf = (entity: string) => count('SELECT count(*) AS n FROM ops WHERE entity = ?', entity);

function attach(measureId: string, sha: string, name: string): void {
  insertEvidence(db, [{ measureId, periodId: Q, sha256: sha, name, size: 10, mime: 'application/pdf' }], userId);
}

beforeEach(() => {
  dir = tempDir();
  db = openStore(dir);
  userId = createUser(db, { name: '王芳', role: 'supervisor', departmentId: null }).id;
  importDocument(db, sampleDocument(), source, userId);
  ids = rows().map((m) => m.id);
  setProgress(db, { measureId: ids[2]!, periodId: Q, status: '推进中', narrative: '受理复议案件12件。', userId });
  attach(ids[2]!, '1'.repeat(64), '复议台账.pdf');
});
afterEach(() => {
  closeStore(db);
  removeDir(dir);
});

describe('editing a measure', () => {
  it('changes title, units and deadline, keeps progress and evidence, and records who did it', () => {
    const before = opsOf('measure');
    editMeasure(db, userId, ids[2]!, { title: '加强和改进行政复议工作', lead: ['区司法局', '区人民法院'], deadline: '2024年12月底前' });
    const m = getMeasure(db, ids[2]!, Q, '2024-08-01');
    expect(m.title).toBe('加强和改进行政复议工作');
    expect(m.lead.map((u) => u.asWritten)).toEqual(['区司法局', '区人民法院']);
    expect(m.responsible.map((u) => u.asWritten)).toEqual(['区信访办', '区各相关部门']);
    expect(m.deadlineDate).toBe('2024-12-31');
    expect(m.progress[0]?.narrative).toBe('受理复议案件12件。');
    expect(count('SELECT count(*) AS n FROM evidence WHERE measure_id = ?', ids[2]!)).toBe(1);
    expect(opsOf('measure') - before).toBe(3); // title, deadline, deadline_date
    expect(m.history.filter((h) => h.userName === '王芳').length).toBeGreaterThan(0);
  });

  it('removing a unit tombstones its link; adding it back restores it', () => {
    editMeasure(db, userId, ids[0]!, { responsible: ['区各部门'] });
    expect(getMeasure(db, ids[0]!, Q).responsible.map((u) => u.asWritten)).toEqual(['区各部门']);
    editMeasure(db, userId, ids[0]!, { responsible: ['区司法局', '区各部门'] });
    expect(getMeasure(db, ids[0]!, Q).responsible.map((u) => u.asWritten)).toEqual(['区司法局', '区各部门']);
  });

  it('saving unchanged values records nothing', () => {
    const before = count('SELECT count(*) AS n FROM ops');
    editMeasure(db, userId, ids[1]!, { title: '推行权力清单制度', lead: ['区委编办'] });
    expect(count('SELECT count(*) AS n FROM ops')).toBe(before);
  });
});

describe('reshaping measures', () => {
  it('splits a measure in two right after it, the units copied, progress staying with the first', () => {
    const text = getMeasure(db, ids[2]!, Q).text;
    const at = text.indexOf('行政复议决定');
    const { first, second } = splitMeasure(db, userId, ids[2]!, at);
    const list = rows();
    expect(list.map((m) => m.id).indexOf(second)).toBe(list.map((m) => m.id).indexOf(first) + 1);
    const b = getMeasure(db, second, Q);
    expect(b.text.startsWith('行政复议决定履行率达100%')).toBe(true);
    expect(b.lead.map((u) => u.asWritten)).toEqual(['区司法局']);
    expect(b.progress).toEqual([]);
    expect(getMeasure(db, first, Q).progress).toHaveLength(1);
    expect(list).toHaveLength(5);
  });

  it('merges two measures: texts joined, units united, records and evidence carried, the other hidden', () => {
    setProgress(db, { measureId: ids[3]!, periodId: Q, status: '已完成', narrative: '信访事项及时受理率100%。', userId });
    setProgress(db, { measureId: ids[3]!, periodId: '2024-Q2', status: '推进中', narrative: '制定信访工作规程。', userId });
    attach(ids[3]!, '2'.repeat(64), '信访规程.pdf');
    mergeMeasures(db, userId, ids[2]!, ids[3]!);
    const m = getMeasure(db, ids[2]!, Q);
    expect(m.text).toContain('把信访纳入法治化轨道');
    expect(m.lead.map((u) => u.asWritten)).toEqual(['区司法局', '区信访办公室']);
    const q3 = m.progress.find((p) => p.periodId === Q)!;
    expect(q3.status).toBe('推进中');
    expect(q3.narrative).toBe('受理复议案件12件。\n信访事项及时受理率100%。');
    expect(m.progress.find((p) => p.periodId === '2024-Q2')?.narrative).toBe('制定信访工作规程。');
    expect(count('SELECT count(*) AS n FROM evidence WHERE measure_id = ?', ids[2]!)).toBe(2);
    expect(rows().map((r) => r.id)).not.toContain(ids[3]);
    expect(() => editMeasure(db, userId, ids[3]!, { title: '改' })).toThrow(AppError);
  });

  it('adds a missing measure after another and deletes one, kept in the history', () => {
    const id = addMeasure(db, userId, { planId: rows()[0]!.planId, after: ids[0]!, number: '1之二', title: '推行证明事项告知承诺制', lead: ['区司法局'], responsible: [], deadline: '2024年9月底前' });
    expect(rows().map((m) => m.id).slice(0, 3)).toEqual([ids[0], id, ids[1]]);
    expect(getMeasure(db, id, Q).sectionHeading).toBe('依法全面履行政府职能');
    deleteMeasure(db, userId, ids[1]!);
    expect(rows().map((m) => m.id)).not.toContain(ids[1]);
    expect(count("SELECT count(*) AS n FROM ops WHERE entity = 'measure' AND entity_id = ? AND field = 'deleted'", ids[1]!)).toBe(1);
    expect(() => deleteMeasure(db, userId, ids[1]!)).toThrow(/已被删除/);
  });
});

describe('departments', () => {
  it('merges two spellings into one, keeping every link and user', () => {
    const clerk = createUser(db, { name: '李明', role: 'clerk', departmentId: listDepartments(db).find((d) => d.name === '区委编办')!.id });
    const from = listDepartments(db).find((d) => d.name === '区委编办')!;
    const into = listDepartments(db).find((d) => d.name === '区行政审批局')!;
    mergeDepartments(db, userId, from.id, into.id);
    const after = listDepartments(db);
    expect(after.find((d) => d.id === from.id)).toBeUndefined();
    const merged = after.find((d) => d.id === into.id)!;
    expect(merged.aliases).toContain('区委编办');
    expect(merged.leadCount).toBe(2);
    expect(rows().filter((m) => m.lead.some((u) => u.departmentId === into.id)).map((m) => m.title)).toEqual(['深化行政审批制度改革', '推行权力清单制度']);
    // The written spelling is kept on the measure.
    expect(byTitle('推行权力清单制度').lead[0]!.asWritten).toBe('区委编办');
    expect((db.prepare('SELECT department_id FROM users WHERE id = ?').get(clerk.id) as { department_id: string }).department_id).toBe(into.id);
  });

  it('renames and marks collective; a name another department has is refused with advice to merge', () => {
    const d = listDepartments(db).find((x) => x.name === '区委编办')!;
    renameDepartment(db, userId, d.id, '区委机构编制委员会办公室');
    expect(listDepartments(db).find((x) => x.id === d.id)?.name).toBe('区委机构编制委员会办公室');
    expect(() => renameDepartment(db, userId, d.id, '区司法局')).toThrow(/合并/);
    setCollective(db, userId, d.id, true);
    expect(listDepartments(db).find((x) => x.id === d.id)?.collective).toBe(true);
  });
});

describe('a revised outline', () => {
  const revised = () => {
    const doc = sampleDocument();
    const items = doc.items.map((m) => ({ ...m }));
    items[0] = { ...items[0]!, text: items[0]!.text.replace('全面清理', '持续清理'), deadline: '2022年年底前' };
    items.splice(1, 1);
    items.push({ path: ['二', '(二)', '5'], title: '推行行政执法三项制度', text: '推行行政执法三项制度。(牵头单位:区司法局)', lead: ['区司法局'], responsible: [], deadline: null, targets: [] });
    return { ...doc, title: '某区法治政府建设实施方案(2021—2025年)(修订)', items };
  };

  it('previews added, changed and removed, then keeps progress and evidence with continuing measures', () => {
    const planId = rows()[0]!.planId;
    const p = previewRevision(db, planId, revised());
    expect(p.added.map((a) => a.title)).toEqual(['推行行政执法三项制度']);
    expect(p.removed.map((r) => r.title)).toEqual(['推行权力清单制度']);
    expect(p.changed.map((c) => [c.title, c.changed])).toEqual([['深化行政审批制度改革', ['text', 'deadline']]]);
    expect(p.unchanged).toBe(2);

    const done = applyRevision(db, userId, planId, revised(), { ...source, sha256: 'b'.repeat(64) });
    expect(done).toMatchObject({ added: 1, changed: 1, removed: 1, unchanged: 2 });
    const list = rows();
    expect(list.map((m) => m.title)).toEqual(['深化行政审批制度改革', '加强行政复议工作', '改革信访工作制度', '推行行政执法三项制度']);
    expect(list[1]!.id).toBe(ids[2]);
    expect(getMeasure(db, ids[2]!, Q).progress[0]?.narrative).toBe('受理复议案件12件。');
    expect(count('SELECT count(*) AS n FROM evidence WHERE measure_id = ?', ids[2]!)).toBe(1);
    expect(list[0]!.deadlineDate).toBe('2022-12-31');
    expect(count('SELECT count(*) AS n FROM plans')).toBe(1);
    expect((db.prepare('SELECT source_sha256 AS s FROM plans').get() as { s: string }).s).toBe('b'.repeat(64));
  });
});

describe('corrections travel', () => {
  it('an edit, a department merge and a revision made at the office arrive on a department PC as operations', async () => {
    const { adoptLedger, applyOps, identity, opsSince, versionVector } = await import('../../../db/sync/index');
    const otherDir = tempDir();
    const other = openStore(otherDir);
    try {
      adoptLedger(other, identity(db).ledgerId);
      applyOps(other, opsSince(db, {}), { senderVector: versionVector(db) });
      const from = listDepartments(db).find((d) => d.name === '区委编办')!;
      const into = listDepartments(db).find((d) => d.name === '区行政审批局')!;
      mergeDepartments(db, userId, from.id, into.id);
      editMeasure(db, userId, ids[0]!, { title: '深化“放管服”改革', lead: ['区行政审批局', '区司法局'] });
      deleteMeasure(db, userId, ids[3]!);
      applyOps(other, opsSince(db, versionVector(other)), { senderVector: versionVector(db) });
      const there = (d: Db) => listMeasures(d, { periodId: Q }).map((m) => [m.title, m.lead.map((u) => u.departmentId)]);
      expect(there(other)).toEqual(there(db));
      const names = (d: Db) => listDepartments(d).map((x) => [x.name, [...x.aliases].sort(), x.leadCount]);
      expect(names(other)).toEqual(names(db));
      expect(listMeasures(other, { periodId: Q })).toHaveLength(3);
    } finally {
      closeStore(other);
      removeDir(otherDir);
    }
  });
});
