// Reviews: verdicts kept apart from the clerks' status, signed reviews read-only, revisions keeping the old, verification.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { listMeasures } from '../../../db/queries/measures';
import { blobPath } from '../../../db/evidence-store/index';
import { attachInspectorPaths, getReview, reviewDetail, reviseReview, setVerdict, signReview, verifyReview } from '../../../db/queries/inspections/index';
import { inspectionEntities } from '../../../db/queries/inspections/entities';
import { inspectionLedger, photoFile, type InspectionLedger } from './helpers';
import { tempDir, removeDir } from '../../helpers/temp';

let L: InspectionLedger;
beforeEach(() => {
  L = inspectionLedger();
});
afterEach(() => L.close());

const m = (title: string) => L.ids.get(title)!;

describe('verdicts', () => {
  it('never touch the workflow status, the progress records or the measures', () => {
    const snapshot = () => ({
      progress: L.db.prepare('SELECT * FROM progress ORDER BY id').all(),
      measures: L.db.prepare('SELECT id, updated_at FROM measures ORDER BY id').all(),
      statuses: listMeasures(L.db, { periodId: '2024-Q3' }).map((r) => [r.id, r.status]),
    });
    const before = snapshot();
    for (const [title, verdict] of [['推进政务服务标准化', '不符合'], ['开展行政执法案卷评查', '符合'], ['落实重大行政决策程序规定', '基本符合']] as const) {
      setVerdict(L.db, { reviewId: L.review.id, measureId: m(title), verdict, finding: `${title}的问题`, rectification: verdict === '不符合' ? { requirement: '补齐台账', departmentId: null, departmentName: '区政务服务中心', dueOn: '2024-12-31' } : undefined }, L.lead.id);
    }
    expect(snapshot()).toEqual(before);
    const d = reviewDetail(L.db, L.review.id);
    expect(d.items.find((i) => i.measureId === m('推进政务服务标准化'))).toMatchObject({ verdict: '不符合', status: '推进中', narrative: '完成标准化事项评估。' });
    expect(d.counts).toMatchObject({ 符合: 1, 基本符合: 1, 不符合: 1, 未检查: 4, total: 7 });
  });

  it('refuses measures outside the review scope', () => {
    expect(() => setVerdict(L.db, { reviewId: L.review.id, measureId: m('提高行政复议办案质量'), verdict: '符合' }, L.lead.id)).toThrow(/不在本次督察范围/);
  });
});

describe('sign-off', () => {
  it('makes the review read-only, and only the lead inspector signs', () => {
    setVerdict(L.db, { reviewId: L.review.id, measureId: m('推进政务服务标准化'), verdict: '不符合', finding: '台账缺少会议记录' }, L.lead.id);
    expect(() => signReview(L.db, L.review.id, L.inspector)).toThrow(/组长/);
    const signed = signReview(L.db, L.review.id, L.lead);
    expect(signed.status).toBe('已签署');
    expect(signed.signature).toMatchObject({ signerName: '王组长' });
    expect(signed.signature!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(() => setVerdict(L.db, { reviewId: L.review.id, measureId: m('推进政务服务标准化'), verdict: '符合' }, L.lead.id)).toThrow(/已签署/);
    expect(() => setVerdict(L.db, { reviewId: L.review.id, measureId: m('推进政务服务标准化'), finding: '改了' }, L.lead.id)).toThrow(/已签署/);
    expect(() => signReview(L.db, L.review.id, L.lead)).toThrow(/已签署/);
    expect(reviewDetail(L.db, L.review.id).items.find((i) => i.measureId === m('推进政务服务标准化'))).toMatchObject({ verdict: '不符合', finding: '台账缺少会议记录' });
  });

  it('a revision keeps the old one as signed and carries the judgements over', async () => {
    setVerdict(L.db, { reviewId: L.review.id, measureId: m('推进政务服务标准化'), verdict: '不符合', finding: '台账缺少会议记录' }, L.lead.id);
    const first = signReview(L.db, L.review.id, L.lead);
    const second = reviseReview(L.db, L.review.id, L.lead.id);
    expect(second).toMatchObject({ revision: 2, previousId: first.id, rootId: first.id, status: '进行中' });
    setVerdict(L.db, { reviewId: second.id, measureId: m('推进政务服务标准化'), verdict: '基本符合', finding: '已补会议记录,仍缺照片' }, L.lead.id);
    const old = reviewDetail(L.db, first.id);
    expect(old).toMatchObject({ status: '已签署', superseded: true });
    expect(old.items.find((i) => i.measureId === m('推进政务服务标准化'))).toMatchObject({ verdict: '不符合', finding: '台账缺少会议记录' });
    expect((await verifyReview(L.db, L.dataDir, first.id)).ok).toBe(true);
    expect(reviewDetail(L.db, second.id).items.find((i) => i.measureId === m('推进政务服务标准化'))).toMatchObject({ verdict: '基本符合' });
    expect(() => reviseReview(L.db, first.id, L.lead.id)).toThrow(/已有修订版本/);
    expect(() => setVerdict(L.db, { reviewId: first.id, measureId: m('推进政务服务标准化'), verdict: '符合' }, L.lead.id)).toThrow(/已签署/);
  });
});

describe('verify', () => {
  /** A change that arrives as an exchange operation (or by hand in the file) bypasses the editor's refusal. */
  const applyOp = (entity: string, id: string, field: string, value: unknown) => inspectionEntities.find((e) => e.name === entity)!.apply(L.db, id, field, value);

  it('says nothing changed right after signing, and names the measure whose verdict or finding changed', async () => {
    const target = m('推进政务服务标准化');
    setVerdict(L.db, { reviewId: L.review.id, measureId: target, verdict: '不符合', finding: '台账缺少会议记录' }, L.lead.id);
    signReview(L.db, L.review.id, L.lead);
    expect(await verifyReview(L.db, L.dataDir, L.review.id)).toMatchObject({ ok: true, changedMeasures: [] });

    applyOp('review_verdict', `${L.review.id}|${target}`, 'verdict', '符合');
    expect(await verifyReview(L.db, L.dataDir, L.review.id)).toMatchObject({ ok: false, changedMeasures: [target] });
    applyOp('review_verdict', `${L.review.id}|${target}`, 'verdict', '不符合');
    expect((await verifyReview(L.db, L.dataDir, L.review.id)).ok).toBe(true);

    applyOp('review_verdict', `${L.review.id}|${target}`, 'finding', '台账齐全');
    expect(await verifyReview(L.db, L.dataDir, L.review.id)).toMatchObject({ ok: false, changedMeasures: [target] });
  });

  it('detects an inspectors\' file changed on disk', async () => {
    const dir = tempDir();
    const target = m('开展行政执法案卷评查');
    await attachInspectorPaths(L.db, L.dataDir, { reviewId: L.review.id, measureId: target, userId: L.lead.id, paths: [photoFile(dir)] });
    removeDir(dir);
    const files = reviewDetail(L.db, L.review.id).items.find((i) => i.measureId === target)!.inspectorFiles;
    expect(files).toHaveLength(1);
    signReview(L.db, L.review.id, L.lead);
    expect((await verifyReview(L.db, L.dataDir, L.review.id)).ok).toBe(true);
    const blob = blobPath(L.dataDir, files[0]!.sha256);
    fs.chmodSync(blob, 0o644);
    fs.appendFileSync(blob, 'x');
    const r = await verifyReview(L.db, L.dataDir, L.review.id);
    expect(r.ok).toBe(false);
    expect(r.damagedFiles).toEqual([{ name: '现场照片.png', sha256: files[0]!.sha256, state: 'changed' }]);
  });

  it('an unsigned review does not verify', async () => {
    expect(await verifyReview(L.db, L.dataDir, L.review.id)).toMatchObject({ signed: false, ok: false });
    expect(getReview(L.db, L.review.id).signature).toBeNull();
  });
});
