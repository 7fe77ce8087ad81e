import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { closeStore, openStore } from '../../../db/open';
import { adoptLedger, applyOps, identity, listConflicts, opsSince, previewApply, record, resolveConflict, versionVector } from '../../../db/sync/index';
import { setProgress, progressOf } from '../../../db/queries/progress';
import { listMeasures } from '../../../db/queries/measures';
import { insertEvidence, listEvidence, removeEvidence, updateEvidence } from '../../../db/queries/evidence';
import { measureHistory } from '../../../db/queries/changelog';
import { removeDir, tempDir } from '../../helpers/temp';
import { closeAll, dump, makeReplicas, send, type Replica } from './replicas';

let root: string;
let rs: Replica[] = [];
beforeEach(() => {
  root = tempDir('fazhi-merge-');
});
afterEach(() => {
  closeAll(rs);
  rs = [];
  removeDir(root);
});

const Q3 = '2024-Q3';
const measures = (r: Replica) => listMeasures(r.db, { periodId: Q3 });
const progress = (r: Replica, measureId: string) => progressOf(r.db, measureId).find((p) => p.periodId === Q3);
const file = (sha: string, name = '会议纪要.pdf') => ({ periodId: Q3, sha256: sha.repeat(64).slice(0, 64), name, size: 10, mime: 'application/pdf' });

describe('two data folders exchanging ops', () => {
  it('edits of different fields both survive, with no conflict', () => {
    rs = makeReplicas(root, ['office', 'dept']);
    const [office, dept] = rs as [Replica, Replica];
    const m = measures(office)[0]!.id;
    setProgress(office.db, { measureId: m, periodId: Q3, status: '推进中', narrative: '', userId: office.userId });
    send(office, dept);
    setProgress(dept.db, { measureId: m, periodId: Q3, status: '推进中', narrative: '已开展培训两期。', userId: dept.userId });
    setProgress(office.db, { measureId: m, periodId: Q3, status: '已完成', narrative: '', userId: office.userId });
    send(dept, office);
    send(office, dept);
    for (const r of rs) expect(progress(r, m)).toMatchObject({ status: '已完成', narrative: '已开展培训两期。' });
    expect(listConflicts(office.db)).toEqual([]);
    expect(dump(office.db)).toEqual(dump(dept.db));
  });

  it('the same field changed on both sides: the later wins, the other goes to the conflict list; resolving travels', () => {
    rs = makeReplicas(root, ['office', 'dept']);
    const [office, dept] = rs as [Replica, Replica];
    const m = measures(office)[0]!.id;
    setProgress(office.db, { measureId: m, periodId: Q3, status: '推进中', narrative: '办公室记录', userId: office.userId });
    setProgress(dept.db, { measureId: m, periodId: Q3, status: '已完成', narrative: '部门记录', userId: dept.userId });
    const preview = previewApply(office.db, opsSince(dept.db, versionVector(office.db)), { senderVector: versionVector(dept.db) });
    expect(preview.conflicts.map((c) => c.field).sort()).toEqual(['narrative', 'status']);
    expect(progress(office, m)).toMatchObject({ status: '推进中' });
    expect(listConflicts(office.db)).toEqual([]);

    const r = send(dept, office);
    expect(r.conflicts).toHaveLength(2);
    expect(progress(office, m)).toMatchObject({ status: '已完成', narrative: '部门记录' });
    const [status] = listConflicts(office.db).filter((c) => c.field === 'status');
    expect(status).toMatchObject({ measureId: m, periodId: Q3, mine: { value: '推进中', authorName: 'office用户' }, theirs: { value: '已完成', authorName: 'dept用户' }, kept: 'theirs', resolution: null });

    resolveConflict(office.db, office.userId, status!.id, 'mine');
    expect(progress(office, m)).toMatchObject({ status: '推进中' });
    send(office, dept);
    expect(progress(dept, m)).toMatchObject({ status: '推进中', narrative: '部门记录' });
    const onDept = listConflicts(dept.db).find((c) => c.id === status!.id)!;
    expect(onDept).toMatchObject({ resolution: { choice: 'mine', value: '推进中' }, resolvedByName: 'office用户' });
    // On the department's PC "mine" is the department's value.
    expect(onDept.mine.value).toBe('已完成');
    expect(listConflicts(dept.db, { open: true }).map((c) => c.field)).toEqual(['narrative']);
    send(dept, office);
    expect(dump(office.db)).toEqual(dump(dept.db));
  });

  it('the same status set on both sides is no conflict; an overwrite of a value the sender had seen is none either', () => {
    rs = makeReplicas(root, ['office', 'dept']);
    const [office, dept] = rs as [Replica, Replica];
    const [m1, m2] = measures(office).map((x) => x.id) as [string, string];
    setProgress(office.db, { measureId: m1, periodId: Q3, status: '已完成', narrative: '', userId: office.userId });
    setProgress(dept.db, { measureId: m1, periodId: Q3, status: '已完成', narrative: '', userId: dept.userId });
    setProgress(office.db, { measureId: m2, periodId: Q3, status: '推进中', narrative: '', userId: office.userId });
    send(office, dept);
    setProgress(dept.db, { measureId: m2, periodId: Q3, status: '已完成', narrative: '', userId: dept.userId });
    expect(send(dept, office).conflicts).toEqual([]);
    expect(progress(office, m2)).toMatchObject({ status: '已完成', updatedByName: 'dept用户' });
  });

  it('the same file attached on both sides is one record; applying twice changes nothing', () => {
    rs = makeReplicas(root, ['office', 'dept']);
    const [office, dept] = rs as [Replica, Replica];
    const m = measures(office)[0]!.id;
    insertEvidence(office.db, [{ measureId: m, ...file('a') }], office.userId);
    insertEvidence(dept.db, [{ measureId: m, ...file('a', '纪要(部门).pdf') }, { measureId: m, ...file('b', '照片.jpg') }], dept.userId);
    const ops = opsSince(dept.db, versionVector(office.db));
    const first = applyOps(office.db, ops, { senderVector: versionVector(dept.db) });
    expect(first.conflicts).toEqual([]);
    const before = dump(office.db);
    const again = applyOps(office.db, ops, { senderVector: versionVector(dept.db) });
    expect(again).toMatchObject({ received: 0, skipped: ops.length, conflicts: [] });
    expect(dump(office.db)).toEqual(before);
    send(office, dept);
    for (const r of rs) expect(listEvidence(r.db, { measureId: m }).map((e) => e.sha256[0]).sort()).toEqual(['a', 'b']);
    expect(dump(office.db)).toEqual(dump(dept.db));
  });

  it('a delete on one side and an edit on the other: the tombstone stays, the edit is kept in history', () => {
    rs = makeReplicas(root, ['office', 'dept']);
    const [office, dept] = rs as [Replica, Replica];
    const [m, other] = measures(office).map((x) => x.id) as [string, string];
    const ev = insertEvidence(office.db, [{ measureId: m, ...file('c') }], office.userId).items[0]!;
    send(office, dept);
    removeEvidence(office.db, ev.id, office.userId);
    updateEvidence(dept.db, { id: ev.id, description: '部门补充说明' }, dept.userId);
    // A measure withdrawn at the office while the department edits its title.
    record(office.db, office.userId, [{ entity: 'measure', entityId: other, field: 'deleted', value: true }]);
    record(dept.db, dept.userId, [{ entity: 'measure', entityId: other, field: 'title', value: '部门改过的标题' }]);
    send(dept, office);
    send(office, dept);
    for (const r of rs) {
      expect(listEvidence(r.db, { measureId: m })).toEqual([]);
      expect(measures(r).map((x) => x.id)).not.toContain(other);
      expect(measureHistory(r.db, m).map((h) => `${h.action} ${h.field} ${h.newValue ?? ''}`)).toEqual(
        expect.arrayContaining(['update evidence.description:会议纪要.pdf 部门补充说明', `delete evidence:${Q3} `]),
      );
      expect(measureHistory(r.db, other).map((h) => `${h.action} ${h.field} ${h.newValue ?? ''}`)).toEqual(expect.arrayContaining(['update title 部门改过的标题', 'delete measure ']));
    }
    const [a, b] = [dump(office.db), dump(dept.db)];
    for (const k of Object.keys(a)) expect(b[k], k).toEqual(a[k]);
  });

  it('a department returning changes outside its slice: those are refused, listed and not applied', () => {
    rs = makeReplicas(root, ['office', 'dept']);
    const [office, dept] = rs as [Replica, Replica];
    const all = measures(office);
    const mine = all.filter((x) => x.lead.some((u) => u.name === '区司法局')).map((x) => x.id);
    const outside = all.find((x) => !x.lead.concat(x.responsible).some((u) => u.name === '区司法局'))!.id;
    expect(mine.length).toBeGreaterThan(0);
    setProgress(dept.db, { measureId: mine[0]!, periodId: Q3, status: '已完成', narrative: '本部门', userId: dept.userId });
    setProgress(dept.db, { measureId: outside, periodId: Q3, status: '已完成', narrative: '越权', userId: dept.userId });
    const r = send(dept, office, { allowedSlice: { departments: ['区司法局'], periods: [Q3] } });
    expect(r.refused.map((x) => [x.entityId, x.field])).toEqual([
      [`${outside}|${Q3}`, 'status'],
      [`${outside}|${Q3}`, 'narrative'],
    ]);
    expect(progress(office, mine[0]!)).toMatchObject({ status: '已完成' });
    expect(progress(office, outside)).toBeUndefined();
  });

  it('a slice sends only its measures with what they need, and the receiver builds a working ledger from it', () => {
    rs = makeReplicas(root, ['office']);
    const [office] = rs as [Replica];
    const dept = openStore(path.join(root, 'slice'));
    const ops = opsSince(office.db, {}, { departments: ['区信访办公室'] });
    adoptLedger(dept, identity(office.db).ledgerId);
    applyOps(dept, ops, { senderVector: versionVector(office.db) });
    const got = listMeasures(dept, { periodId: Q3 });
    expect(got.map((m) => m.title)).toEqual(['加强行政复议工作', '改革信访工作制度']);
    expect(got[0]!.responsible.map((u) => u.name)).toContain('区信访办');
    closeStore(dept);
  });
});

describe('replica identity', () => {
  it('a copied data folder takes a new replica id and keeps the old one as a former id', () => {
    rs = makeReplicas(root, ['office']);
    const [office] = rs as [Replica];
    const before = identity(office.db);
    closeStore(office.db);
    fs.cpSync(office.dir, path.join(root, 'copy'), { recursive: true });
    const copy = openStore(path.join(root, 'copy'));
    const after = identity(copy);
    expect(after.ledgerId).toBe(before.ledgerId);
    expect(after.replicaId).not.toBe(before.replicaId);
    expect(after.formerReplicaIds).toEqual([before.replicaId]);
    // The original, reopened where it was made, keeps its id.
    office.db = openStore(office.dir);
    expect(identity(office.db).replicaId).toBe(before.replicaId);
    closeStore(copy);
  });
});
