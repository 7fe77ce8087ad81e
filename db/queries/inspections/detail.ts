// A review with every measure in scope and what the inspectors see beside the verdict form; and what a signature covers.
import type { Db } from '../../open';
import { emptyVerdictCounts } from '../../../shared/inspections/types';
import type { Covered, InspectionFile, RectificationStatus, ReviewDetail, ReviewItem, Verdict } from '../../../shared/inspections/types';
import { getReview, reviewHead, scopeMeasures } from './reviews';
import { getMeasureRow } from '../measures';
import { CURRENT_EVIDENCE } from '../evidence';
import { AppError } from '../../../shared/errors';
import type { MeasureRow } from '../../../shared/model';
import type { Review } from '../../../shared/inspections/types';

interface FileRow extends InspectionFile {
  measureId: string;
}

function groupBy<T extends { measureId: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.measureId);
    if (list) list.push(r);
    else m.set(r.measureId, [r]);
  }
  return m;
}

const file = ({ measureId: _m, ...f }: FileRow): InspectionFile => f;

/** The inspectors' own files of a review (owner review), by measure. */
export function inspectorFiles(db: Db, reviewId: string): Map<string, FileRow[]> {
  return groupBy(
    db
      .prepare(
        `SELECT x.measure_id AS measureId, e.id AS evidenceId, e.name, e.sha256, e.mime, e.size FROM inspection_evidence x JOIN evidence e ON e.id = x.evidence_id
         WHERE x.owner_id = ? AND x.owner_kind = 'review' AND x.deleted = 0 ORDER BY e.added_at`,
      )
      .all(reviewId) as FileRow[],
  );
}

interface VerdictRow {
  measure_id: string;
  verdict: Verdict;
  finding: string;
}

interface RectRow {
  id: string;
  measure_id: string;
  requirement: string;
  department_id: string | null;
  department_name: string;
  due_on: string;
  status: RectificationStatus;
}

function reviewRows(db: Db, reviewId: string) {
  const verdicts = new Map((db.prepare('SELECT measure_id, verdict, finding FROM review_verdicts WHERE review_id = ?').all(reviewId) as VerdictRow[]).map((v) => [v.measure_id, v]));
  const rects = new Map(
    (db.prepare('SELECT id, measure_id, requirement, department_id, department_name, due_on, status FROM rectifications WHERE review_id = ? AND deleted = 0').all(reviewId) as RectRow[]).map((r) => [r.measure_id, r]),
  );
  return { verdicts, rects, files: inspectorFiles(db, reviewId) };
}

function itemsFor(db: Db, reviewId: string, period: string, measures: MeasureRow[]): ReviewItem[] {
  const one = measures.length === 1 ? measures[0]!.id : null;
  const { verdicts, rects, files } = reviewRows(db, reviewId);
  const only = one ? ' AND measure_id = @one' : '';
  const narratives = new Map((db.prepare(`SELECT measure_id, narrative FROM progress WHERE period_id = @period${only}`).all({ period, one }) as { measure_id: string; narrative: string }[]).map((r) => [r.measure_id, r.narrative]));
  const extra = new Map(
    (db.prepare(`SELECT m.id, m.targets, s.heading FROM measures m LEFT JOIN sections s ON s.id = m.section_id${one ? ' WHERE m.id = @one' : ''}`).all({ one }) as { id: string; targets: string; heading: string | null }[]).map((r) => [r.id, r]),
  );
  // The department's current files for the quarter (earlier versions are history); the inspectors' own are listed apart.
  const own = new Set(db.prepare('SELECT evidence_id FROM inspection_evidence WHERE deleted = 0').pluck().all() as string[]);
  const evidence = groupBy(
    (db.prepare(`SELECT measure_id AS measureId, id AS evidenceId, name, sha256, mime, size FROM evidence e WHERE period_id = @period AND ${CURRENT_EVIDENCE}${only} ORDER BY added_at`).all({ period, one }) as FileRow[]).filter((f) => !own.has(f.evidenceId)),
  );
  return measures.map((m) => {
    const v = verdicts.get(m.id);
    const r = rects.get(m.id);
    const x = extra.get(m.id);
    return {
      measureId: m.id,
      number: m.number,
      title: m.title,
      sectionHeading: x?.heading ?? null,
      lead: m.lead.map((u) => u.name),
      responsible: m.responsible.map((u) => u.name),
      deadline: m.deadline,
      status: m.status,
      narrative: narratives.get(m.id) ?? '',
      targets: x ? (JSON.parse(x.targets) as string[]) : [],
      verdict: v?.verdict ?? '未检查',
      finding: v?.finding ?? '',
      rectification: r ? { id: r.id, requirement: r.requirement, departmentId: r.department_id, departmentName: r.department_name, dueOn: r.due_on, status: r.status } : null,
      evidence: (evidence.get(m.id) ?? []).map(file),
      inspectorFiles: (files.get(m.id) ?? []).map(file),
    };
  });
}

export function reviewDetail(db: Db, reviewId: string): ReviewDetail {
  const head = reviewHead(db, reviewId);
  const items = itemsFor(db, reviewId, head.scope.periodId, scopeMeasures(db, head.scope));
  const counts = emptyVerdictCounts();
  for (const i of items) {
    counts[i.verdict]++;
    counts.total++;
  }
  return { ...getReview(db, reviewId, counts), items };
}

/** One measure of a review, as the screen shows it after a change. */
export function reviewItem(db: Db, reviewId: string, measureId: string): ReviewItem {
  const head = reviewHead(db, reviewId);
  const m = getMeasureRow(db, measureId, head.scope.periodId);
  if (!m) throw new AppError('not_found', '找不到这项措施,它可能已被删除。请刷新后重试。');
  return itemsFor(db, reviewId, head.scope.periodId, [m])[0]!;
}

/** Everything the review's signature covers, as it stands now. */
export function coveredNow(db: Db, review: Review): Covered {
  const { verdicts, rects, files } = reviewRows(db, review.id);
  const items = scopeMeasures(db, review.scope).map((m) => {
    const v = verdicts.get(m.id);
    const r = rects.get(m.id);
    return {
      measureId: m.id,
      verdict: v?.verdict ?? '未检查',
      finding: v?.finding ?? '',
      rectification: r ? { requirement: r.requirement, departmentId: r.department_id, departmentName: r.department_name, dueOn: r.due_on } : null,
      evidence: (files.get(m.id) ?? []).map((f) => f.sha256),
    };
  });
  return {
    review: { id: review.id, name: review.name, scope: review.scope, startsOn: review.startsOn, endsOn: review.endsOn, reviewerIds: review.reviewerIds, revision: review.revision },
    items,
  };
}
