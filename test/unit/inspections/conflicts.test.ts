// Verdicts and findings changed on the office's store and on an inspector's laptop apart, carried both ways in real package
// files between two stores on disk: a conflict only when both changed, resolved once and converging, a signed review kept as signed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { closeStore, openStore, type Db } from '../../../db/open';
import { listConflicts, resolveConflict } from '../../../db/sync/index';
import { attachInspectorPaths, reviewDetail, setVerdict, signReview, verifyReview } from '../../../db/queries/inspections/index';
import { exportPackage } from '../../../electron/core/packages/export';
import { importPackage } from '../../../electron/core/packages/import';
import { storeIdentity } from '../../../electron/core/packages/sync-port';
import { tempDir } from '../../helpers/temp';
import { removeStoreDir } from '../evidence/helpers';
import { inspectionLedger, photoFile, type InspectionLedger } from './helpers';

let L: InspectionLedger;
let dir: string;
let laptop: { db: Db; dataDir: string };
let n = 0;

beforeEach(async () => {
  L = inspectionLedger();
  dir = tempDir('fazhi-insp-cf-');
  const whole = path.join(dir, 'whole.fzpkg');
  await exportPackage(L.db, L.dataDir, { kind: 'ledger', label: '督察组' }, whole);
  const dataDir = path.join(dir, 'laptop');
  laptop = { db: openStore(dataDir), dataDir };
  expect((await importPackage(laptop.db, dataDir, whole, undefined)).clone).toBe(true);
});
afterEach(() => {
  closeStore(laptop.db);
  removeStoreDir(dir);
  L.close();
});

const office = () => ({ db: L.db, dataDir: L.dataDir });

/** A return package from one store to the other, written to a file and imported: what a USB stick does. */
async function carry(from: { db: Db; dataDir: string }, to: { db: Db; dataDir: string }): Promise<number> {
  const file = path.join(dir, `return-${++n}.fzpkg`);
  await exportPackage(from.db, from.dataDir, { kind: 'return', peerReplicaId: storeIdentity(to.db).replicaId }, file);
  return (await importPackage(to.db, to.dataDir, file, undefined)).conflicts;
}

const m = (title: string) => L.ids.get(title)!;
const item = (db: Db, measureId: string, reviewId = L.review.id) => reviewDetail(db, reviewId).items.find((i) => i.measureId === measureId)!;
/** What both stores must agree on after exchanging: the review's judgements and the conflict list. */
const state = (db: Db) => ({
  items: reviewDetail(db, L.review.id).items.map((i) => ({ m: i.measureId, v: i.verdict, f: i.finding, r: i.rectification?.requirement ?? null })),
  conflicts: listConflicts(db).map((c) => ({ id: c.id, field: c.field, resolution: c.resolution, values: [c.mine.value, c.theirs.value].sort() })),
  signature: reviewDetail(db, L.review.id).signature?.sha256 ?? null,
});

describe('verdict and finding conflicts across packages', () => {
  it('no conflict when only one side changed a verdict, each side having changed other measures', async () => {
    setVerdict(laptop.db, { reviewId: L.review.id, measureId: m('推进政务服务标准化'), verdict: '不符合', finding: '办事指南未更新' }, L.lead.id);
    setVerdict(L.db, { reviewId: L.review.id, measureId: m('开展行政执法案卷评查'), verdict: '符合', finding: '案卷齐全' }, L.inspector.id);
    expect(await carry(laptop, office())).toBe(0);
    expect(await carry(office(), laptop)).toBe(0);
    expect(listConflicts(L.db)).toEqual([]);
    expect(listConflicts(laptop.db)).toEqual([]);
    expect(item(L.db, m('推进政务服务标准化'))).toMatchObject({ verdict: '不符合', finding: '办事指南未更新' });
    expect(item(laptop.db, m('开展行政执法案卷评查'))).toMatchObject({ verdict: '符合', finding: '案卷齐全' });
    expect(state(laptop.db)).toEqual(state(L.db));
  });

  it('both changed the same verdict and finding: the later wins, the other is listed on both PCs with its review, and resolving converges', async () => {
    const target = m('开展行政执法案卷评查');
    setVerdict(laptop.db, { reviewId: L.review.id, measureId: target, verdict: '不符合', finding: '现场:案卷缺少送达回证' }, L.lead.id);
    setVerdict(L.db, { reviewId: L.review.id, measureId: target, verdict: '基本符合', finding: '办公室:基本齐全' }, L.inspector.id);
    // The office's edit is the later one: it stays, the laptop's goes to the list.
    expect(await carry(laptop, office())).toBe(2);
    expect(item(L.db, target)).toMatchObject({ verdict: '基本符合', finding: '办公室:基本齐全' });
    const atOffice = listConflicts(L.db, { open: true });
    expect(atOffice.map((c) => c.field).sort()).toEqual(['finding', 'verdict']);
    const verdict = atOffice.find((c) => c.field === 'verdict')!;
    expect(verdict).toMatchObject({
      entity: 'review_verdict',
      reviewId: L.review.id,
      reviewName: '2024年第三季度法治督察',
      reviewRevision: 1,
      measureId: target,
      measureTitle: '开展行政执法案卷评查',
      periodId: '2024-Q3',
      kept: 'mine',
      mine: { value: '基本符合', authorName: '李督察' },
      theirs: { value: '不符合', authorName: '王组长' },
    });

    // The conflict travels: the laptop lists the same one, from its own point of view, and holds the same values.
    await carry(office(), laptop);
    const atLaptop = listConflicts(laptop.db, { open: true });
    expect(atLaptop.map((c) => c.id).sort()).toEqual(atOffice.map((c) => c.id).sort());
    expect(atLaptop.find((c) => c.id === verdict.id)).toMatchObject({ kept: 'theirs', mine: { value: '不符合' }, theirs: { value: '基本符合' } });
    expect(state(laptop.db)).toEqual(state(L.db));

    // Resolving is an op like any other: take the laptop's verdict, edit the finding, at the office.
    const verdictOps = () => L.db.prepare("SELECT count(*) FROM ops WHERE entity = 'review_verdict' AND field = 'verdict'").pluck().get() as number;
    const before = verdictOps();
    expect(() => resolveConflict(L.db, L.supervisor.id, verdict.id, { value: '还行' })).toThrow(/结论只能是/);
    resolveConflict(L.db, L.supervisor.id, verdict.id, 'theirs');
    const finding = atOffice.find((c) => c.field === 'finding')!;
    resolveConflict(L.db, L.supervisor.id, finding.id, { value: '案卷缺少送达回证,已要求补齐' });
    expect(verdictOps()).toBe(before + 1);
    expect(L.db.prepare("SELECT count(*) FROM ops WHERE entity = 'conflict' AND field = 'resolution'").pluck().get()).toBe(2);
    expect(item(L.db, target)).toMatchObject({ verdict: '不符合', finding: '案卷缺少送达回证,已要求补齐' });

    expect(await carry(office(), laptop)).toBe(0);
    expect(item(laptop.db, target)).toMatchObject({ verdict: '不符合', finding: '案卷缺少送达回证,已要求补齐' });
    expect(listConflicts(laptop.db, { open: true })).toEqual([]);
    expect(listConflicts(laptop.db).find((c) => c.id === verdict.id)?.resolution).toEqual({ choice: 'theirs', value: '不符合' });
    expect(state(laptop.db)).toEqual(state(L.db));
  });

  it('a review signed on the laptop stays signed after the merge, verify holds on both, and the office’s later edits wait in the list', async () => {
    const judged = m('推进政务服务标准化');
    const untouched = m('开展行政执法案卷评查');
    setVerdict(laptop.db, { reviewId: L.review.id, measureId: judged, verdict: '不符合', finding: '办事指南未更新', rectification: { requirement: '更新办事指南', departmentId: null, departmentName: '区政务服务中心', dueOn: '2024-12-31' } }, L.lead.id);
    const signed = signReview(laptop.db, L.review.id, L.lead);
    // At the office, later by the clock and without having seen the signature: the same measure, and one the laptop left alone.
    setVerdict(L.db, { reviewId: L.review.id, measureId: judged, verdict: '符合', finding: '办公室认为已达标' }, L.inspector.id);
    setVerdict(L.db, { reviewId: L.review.id, measureId: untouched, verdict: '基本符合' }, L.inspector.id);

    const found = await carry(laptop, office());
    expect(found).toBe(3);
    const atOffice = reviewDetail(L.db, L.review.id);
    expect(atOffice.status).toBe('已签署');
    expect(atOffice.signature?.sha256).toBe(signed.signature!.sha256);
    expect(item(L.db, judged)).toMatchObject({ verdict: '不符合', finding: '办事指南未更新', rectification: { requirement: '更新办事指南' } });
    expect(item(L.db, untouched).verdict).toBe('未检查');
    expect(await verifyReview(L.db, L.dataDir, L.review.id)).toMatchObject({ ok: true, changedMeasures: [] });
    const listed = listConflicts(L.db, { open: true });
    expect(listed.map((c) => `${c.measureId}:${c.field}:${c.kept === 'mine' ? c.mine.value : c.theirs.value}>${c.kept === 'mine' ? c.theirs.value : c.mine.value}`).sort()).toEqual(
      [`${judged}:finding:办事指南未更新>办公室认为已达标`, `${judged}:verdict:不符合>符合`, `${untouched}:verdict:未检查>基本符合`].sort(),
    );
    expect(listed.every((c) => c.kept === 'theirs')).toBe(true);

    await carry(office(), laptop);
    expect(reviewDetail(laptop.db, L.review.id).status).toBe('已签署');
    expect((await verifyReview(laptop.db, laptop.dataDir, L.review.id)).ok).toBe(true);
    expect(listConflicts(laptop.db, { open: true }).map((c) => c.id).sort()).toEqual(listed.map((c) => c.id).sort());
    expect(state(laptop.db)).toEqual(state(L.db));

    // Read-only once signed: the office's value cannot be taken here; keeping the signed one resolves it.
    const v = listed.find((c) => c.measureId === judged && c.field === 'verdict')!;
    expect(() => resolveConflict(L.db, L.supervisor.id, v.id, 'mine')).toThrow(/已签署.*修订版本/);
    for (const c of listed) resolveConflict(L.db, L.supervisor.id, c.id, 'theirs');
    await carry(office(), laptop);
    expect(listConflicts(laptop.db, { open: true })).toEqual([]);
    expect(state(laptop.db)).toEqual(state(L.db));
    for (const s of [office(), laptop]) expect((await verifyReview(s.db, s.dataDir, L.review.id)).ok).toBe(true);
    // Exchanging again changes nothing on either side.
    const still = state(L.db);
    expect(await carry(laptop, office())).toBe(0);
    expect(await carry(office(), laptop)).toBe(0);
    expect(state(L.db)).toEqual(still);
    expect(state(laptop.db)).toEqual(still);
  });

  it('a photo linked to a signed review elsewhere, before the signature was seen, is taken off again and verify holds on both', async () => {
    const judged = m('推进政务服务标准化');
    await attachInspectorPaths(laptop.db, laptop.dataDir, { reviewId: L.review.id, measureId: judged, userId: L.lead.id, paths: [photoFile(dir, '窗口照片.png')] });
    setVerdict(laptop.db, { reviewId: L.review.id, measureId: judged, verdict: '基本符合' }, L.lead.id);
    signReview(laptop.db, L.review.id, L.lead);
    // The office's colleague adds a photo to another measure of the same review, not knowing it is signed.
    const other = m('开展行政执法案卷评查');
    const photo = photoFile(dir, '补充照片.png');
    fs.appendFileSync(photo, 'office');
    await attachInspectorPaths(L.db, L.dataDir, { reviewId: L.review.id, measureId: other, userId: L.inspector.id, paths: [photo] });
    await carry(laptop, office());
    const files = (db: Db) => reviewDetail(db, L.review.id).items.filter((i) => i.inspectorFiles.length).map((i) => [i.measureId, i.inspectorFiles.map((f) => f.name)]);
    expect(files(L.db)).toEqual([[judged, ['窗口照片.png']]]);
    expect((await verifyReview(L.db, L.dataDir, L.review.id)).ok).toBe(true);
    await carry(office(), laptop);
    expect(files(laptop.db)).toEqual([[judged, ['窗口照片.png']]]);
    expect((await verifyReview(laptop.db, laptop.dataDir, L.review.id)).ok).toBe(true);
    // The office's file itself is kept in the evidence store: only its link to the signed review went.
    expect(L.db.prepare("SELECT count(*) FROM evidence WHERE name = '补充照片.png'").pluck().get()).toBe(1);
  });
});
