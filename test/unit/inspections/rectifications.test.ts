// Rectifications: tasks once the review is signed, answered by the department, closed by a supervisor; counted as SQL counts them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertEvidence } from '../../../db/queries/evidence';
import { closeRectification, listRectifications, rectificationCounts, respondRectification, reviseReview, setVerdict, signReview } from '../../../db/queries/inspections/index';
import { reportData } from '../../../electron/services/reports/produce';
import { buildReport } from '../../../shared/report/model';
import { fullWidthPunctuation } from '../../../shared/zh-punctuation';
import { inspectionLedger, type InspectionLedger } from './helpers';

let L: InspectionLedger;
beforeEach(() => {
  L = inspectionLedger();
});
afterEach(() => L.close());

const m = (title: string) => L.ids.get(title)!;
const demand = (dueOn: string, departmentName = '区政务服务中心') => ({ requirement: '补齐会议记录和现场照片', departmentId: null, departmentName, dueOn });

/** Three demands: one overdue at 2024-12-01, two due later; then signed. */
function demandThree(): void {
  setVerdict(L.db, { reviewId: L.review.id, measureId: m('推进政务服务标准化'), verdict: '不符合', finding: '缺少会议记录', rectification: demand('2024-10-31') }, L.lead.id);
  setVerdict(L.db, { reviewId: L.review.id, measureId: m('落实重大行政决策程序规定'), verdict: '基本符合', rectification: demand('2025-03-31', '区政府办公室') }, L.lead.id);
  setVerdict(L.db, { reviewId: L.review.id, measureId: m('推行行政执法三项制度'), verdict: '不符合', rectification: demand('2025-06-30', '区司法局') }, L.lead.id);
  setVerdict(L.db, { reviewId: L.review.id, measureId: m('开展行政执法案卷评查'), verdict: '符合' }, L.lead.id);
}

describe('rectification lifecycle', () => {
  it('appears on its measure once signed; the department answers with evidence; a supervisor closes it', () => {
    demandThree();
    expect(listRectifications(L.db)).toEqual([]);
    signReview(L.db, L.review.id, L.lead);
    const onMeasure = listRectifications(L.db, { measureId: m('推进政务服务标准化') });
    expect(onMeasure).toHaveLength(1);
    const task = onMeasure[0]!;
    expect(task).toMatchObject({ status: '待整改', departmentName: '区政务服务中心', dueOn: '2024-10-31', requirement: '补齐会议记录和现场照片' });

    expect(() => closeRectification(L.db, task.id, L.supervisor)).toThrow(/尚未反馈/);
    const { items } = insertEvidence(L.db, [{ measureId: task.measureId, periodId: '2024-Q4', sha256: 'c'.repeat(64), name: '整改会议纪要.pdf', size: 10, mime: 'application/pdf' }], L.clerk.id);
    respondRectification(L.db, { id: task.id, response: '已补充会议纪要并归档', evidenceIds: [items[0]!.id] }, L.clerk.id);
    const answered = listRectifications(L.db, { measureId: task.measureId })[0]!;
    expect(answered).toMatchObject({ status: '已反馈', response: '已补充会议纪要并归档', respondedByName: '钱办事员' });
    expect(answered.evidence.map((e) => e.name)).toEqual(['整改会议纪要.pdf']);

    expect(() => closeRectification(L.db, task.id, L.clerk)).toThrow(/只有法治机构/);
    closeRectification(L.db, task.id, L.supervisor);
    expect(listRectifications(L.db, { measureId: task.measureId })[0]).toMatchObject({ status: '已销号', closedByName: '赵科长' });
    expect(listRectifications(L.db, { open: true }).map((r) => r.measureId)).not.toContain(task.measureId);
    expect(() => respondRectification(L.db, { id: task.id, response: '再补充' }, L.clerk.id)).toThrow(/已销号/);
  });

  it('a new signed revision replaces the old one\'s tasks; withdrawing a demand removes its task', () => {
    demandThree();
    signReview(L.db, L.review.id, L.lead);
    const rev = reviseReview(L.db, L.review.id, L.lead.id);
    setVerdict(L.db, { reviewId: rev.id, measureId: m('推行行政执法三项制度'), verdict: '基本符合', rectification: null }, L.lead.id);
    // Until the revision is signed, the signed one's tasks stand.
    expect(listRectifications(L.db)).toHaveLength(3);
    signReview(L.db, rev.id, L.lead);
    const now = listRectifications(L.db);
    expect(now.map((r) => r.reviewId)).toEqual([rev.id, rev.id]);
    expect(now.map((r) => r.measureId)).not.toContain(m('推行行政执法三项制度'));
  });
});

describe('counts', () => {
  /** Written here on purpose, apart from the query under test. */
  const SQL = `SELECT count(*) FILTER (WHERE x.status <> '已销号') AS open, count(*) FILTER (WHERE x.status <> '已销号' AND x.due_on < @asOf) AS overdue
    FROM rectifications x JOIN reviews r ON r.id = x.review_id
    WHERE x.deleted = 0 AND r.status = '已签署' AND r.deleted = 0 AND NOT EXISTS (SELECT 1 FROM reviews n WHERE n.root_id = r.root_id AND n.status = '已签署' AND n.revision > r.revision)`;

  it('the dashboard and the quarterly report count what SQL counts', () => {
    demandThree();
    signReview(L.db, L.review.id, L.lead);
    const first = listRectifications(L.db, { measureId: m('落实重大行政决策程序规定') })[0]!;
    respondRectification(L.db, { id: first.id, response: '已整改' }, L.clerk.id);
    closeRectification(L.db, first.id, L.supervisor);
    const asOf = '2024-12-01';
    const expected = L.db.prepare(SQL).get({ asOf }) as { open: number; overdue: number };
    expect(expected).toEqual({ open: 2, overdue: 1 });
    expect(rectificationCounts(L.db, asOf)).toEqual(expected);

    const data = reportData(L.db, { period: '2024-Q4', asOf });
    expect(data.rectifications).toHaveLength(expected.open);
    expect(data.rectifications!.filter((r) => r.overdue)).toHaveLength(expected.overdue);
    const doc = buildReport(data, { kind: 'quarterly', issuer: '某区人民政府', date: '2024-12-15' });
    const h2 = doc.blocks.filter((b) => b.type === 'h2').map((b) => (b as { text: string }).text);
    expect(h2).toContain(fullWidthPunctuation(`(三)督察提出尚未整改销号的事项(${expected.open}项,其中逾期${expected.overdue}项)`));
    const table = doc.blocks[doc.blocks.findIndex((b) => b.type === 'h2' && b.text.includes('督察提出')) + 1]!;
    expect(table.type === 'table' && table.rows.map((r) => r[0])).toEqual(['2', '6']);
  });
});
