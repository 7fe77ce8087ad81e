// Inspection results travel as operations: a verdict, finding, rectification and signature made on the inspector's laptop arrive
// at the office by opsSince/applyOps, and a verdict edited on both at once resolves by the rule (newest clock wins per field) on both.
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, closeStore, type Db } from '../../../db/open';
import { createUser } from '../../../db/queries/users';
import { adoptLedger, applyOps, identity, opsSince, versionVector } from '../../../db/sync/index';
import { createReview, listRectifications, reviewDetail, setVerdict, signReview, verifyReview } from '../../../db/queries/inspections/index';
import { buildLedger } from '../reports/fixture';
import { tempDir } from '../../helpers/temp';
import { removeStoreDir } from '../evidence/helpers';

const dirs: string[] = [];
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) closeStore(db);
  for (const d of dirs.splice(0)) removeStoreDir(d);
});

function store(): { db: Db; dir: string } {
  const dir = tempDir('fazhi-insp-x-');
  dirs.push(dir);
  const db = openStore(dir);
  open.push(db);
  return { db, dir };
}

/** Everything `from` has that `to` lacks, as a package would carry it. */
function send(from: Db, to: Db) {
  return applyOps(to, opsSince(from, versionVector(to)), { senderVector: versionVector(from) });
}

function twoReplicas() {
  const office = store();
  const { ids, planA } = buildLedger(office.db);
  const lead = createUser(office.db, { name: '王组长', role: 'inspector', departmentId: null });
  const review = createReview(office.db, { name: '季度督察', planId: planA, periodId: '2024-Q3', reviewerIds: [lead.id] }, lead.id);
  const laptop = store();
  adoptLedger(laptop.db, identity(office.db).ledgerId);
  send(office.db, laptop.db);
  return { office, laptop, ids, lead, review };
}

describe('inspections over the exchange', () => {
  it('a verdict, finding, rectification and signature made on the laptop arrive at the office', async () => {
    const { office, laptop, ids, lead, review } = twoReplicas();
    expect(identity(laptop.db).replicaId).not.toBe(identity(office.db).replicaId);
    const m = ids.get('推进政务服务标准化')!;
    expect(reviewDetail(laptop.db, review.id).items).toHaveLength(7);
    setVerdict(laptop.db, { reviewId: review.id, measureId: m, verdict: '不符合', finding: '办事指南未更新', rectification: { requirement: '更新办事指南', departmentId: null, departmentName: '区政务服务中心', dueOn: '2024-12-31' } }, lead.id);
    const signed = signReview(laptop.db, review.id, lead);

    const r = send(laptop.db, office.db);
    expect(r.received).toBeGreaterThan(0);
    expect(r.conflicts).toEqual([]);
    const atOffice = reviewDetail(office.db, review.id);
    expect(atOffice.status).toBe('已签署');
    expect(atOffice.signature?.sha256).toBe(signed.signature!.sha256);
    expect(atOffice.items.find((i) => i.measureId === m)).toMatchObject({ verdict: '不符合', finding: '办事指南未更新', rectification: { requirement: '更新办事指南' } });
    expect(listRectifications(office.db, { measureId: m })).toEqual([expect.objectContaining({ status: '待整改', departmentName: '区政务服务中心' })]);
    expect((await verifyReview(office.db, office.dir, review.id)).ok).toBe(true);
    // The ops name the measure, so the verdict shows in the measure's history at the office.
    expect(office.db.prepare("SELECT count(*) FROM ops WHERE entity = 'review_verdict' AND measure_id = ?").pluck().get(m)).toBeGreaterThan(0);
  });

  it('a verdict edited on both replicas at once ends the same on both: the newer clock wins each field', () => {
    const { office, laptop, ids, lead, review } = twoReplicas();
    const m = ids.get('开展行政执法案卷评查')!;
    setVerdict(office.db, { reviewId: review.id, measureId: m, verdict: '基本符合', finding: '办公室的意见' }, lead.id);
    setVerdict(laptop.db, { reviewId: review.id, measureId: m, verdict: '不符合', finding: '现场的意见' }, lead.id);
    send(laptop.db, office.db);
    send(office.db, laptop.db);
    // The rule, computed from the ops themselves: per field, the value of the op with the newest clock.
    const newest = (field: string) =>
      JSON.parse(office.db.prepare("SELECT value FROM ops WHERE entity = 'review_verdict' AND entity_id = ? AND field = ? ORDER BY hlc DESC LIMIT 1").pluck().get(`${review.id}|${m}`, field) as string) as string;
    expect(office.db.prepare("SELECT count(DISTINCT replica_id) FROM ops WHERE entity = 'review_verdict' AND entity_id = ? AND field = 'verdict'").pluck().get(`${review.id}|${m}`)).toBe(2);
    const want = { verdict: newest('verdict'), finding: newest('finding') };
    for (const db of [office.db, laptop.db]) expect(reviewDetail(db, review.id).items.find((i) => i.measureId === m)).toMatchObject(want);
    expect(versionVector(office.db)).toEqual(versionVector(laptop.db));
  });
});
