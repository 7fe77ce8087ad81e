// Reviews (督察): creating one with its scope, reading it with its progress by verdict, new revisions of a signed one.
import type { Db } from '../../open';
import { newId, nowIso } from '../../../shared/ids';
import { AppError } from '../../../shared/errors';
import { canonicalKey, cleanUnitName } from '../../../shared/departments';
import { isQuarterId } from '../../../shared/periods';
import { emptyVerdictCounts, type Review, type ReviewScope, type ReviewStatus, type Verdict, type VerdictCounts } from '../../../shared/inspections/types';
import { ENTITY } from './entities';
import { fields, recordChanges } from './write';
import { getMeasureRow, listMeasures, listSections } from '../measures';
import type { MeasureRow } from '../../../shared/model';

interface ReviewRow {
  id: string;
  name: string;
  plan_id: string | null;
  section_ids: string;
  department_ids: string;
  period_id: string;
  starts_on: string | null;
  ends_on: string | null;
  reviewer_ids: string;
  lead_id: string | null;
  status: ReviewStatus;
  root_id: string;
  revision: number;
  previous_id: string | null;
  created_at: string;
  superseded: number;
  signer_id: string | null;
  signer_name: string | null;
  signed_at: string | null;
  sha256: string | null;
}

const SELECT = `SELECT r.*, EXISTS (SELECT 1 FROM reviews n WHERE n.previous_id = r.id AND n.deleted = 0) AS superseded,
  s.signer_id, s.signer_name, s.signed_at, s.sha256
  FROM reviews r LEFT JOIN review_signatures s ON s.id = r.id AND s.sha256 <> ''`;

function userNames(db: Db, ids: string[]): Map<string, string> {
  if (!ids.length) return new Map();
  const rows = db.prepare('SELECT id, name FROM users WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function verdictCounts(db: Db, review: { id: string; scopeIds: string[] }): VerdictCounts {
  const c = emptyVerdictCounts();
  const judged = new Map(
    (db.prepare("SELECT measure_id, verdict FROM review_verdicts WHERE review_id = ?").all(review.id) as { measure_id: string; verdict: Verdict }[]).map((r) => [r.measure_id, r.verdict]),
  );
  for (const id of review.scopeIds) {
    c[judged.get(id) ?? '未检查']++;
    c.total++;
  }
  return c;
}

function toReview(db: Db, r: ReviewRow, counts?: VerdictCounts): Review {
  const reviewerIds = JSON.parse(r.reviewer_ids) as string[];
  const names = userNames(db, [...reviewerIds, ...(r.lead_id ? [r.lead_id] : [])]);
  const scope: ReviewScope = { planId: r.plan_id, sectionIds: JSON.parse(r.section_ids) as string[], departmentIds: JSON.parse(r.department_ids) as string[], periodId: r.period_id };
  return {
    id: r.id,
    name: r.name,
    scope,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    reviewerIds,
    reviewerNames: reviewerIds.map((id) => names.get(id) ?? id),
    leadId: r.lead_id,
    leadName: r.lead_id ? (names.get(r.lead_id) ?? null) : null,
    status: r.status,
    rootId: r.root_id || r.id,
    revision: r.revision,
    previousId: r.previous_id,
    superseded: r.superseded === 1,
    createdAt: r.created_at,
    signature: r.sha256 ? { signerId: r.signer_id, signerName: r.signer_name ?? '', signedAt: r.signed_at ?? '', sha256: r.sha256 } : null,
    counts: counts ?? verdictCounts(db, { id: r.id, scopeIds: scopeMeasures(db, scope).map((m) => m.id) }),
  };
}

function reviewRow(db: Db, id: string): ReviewRow {
  const r = db.prepare(`${SELECT} WHERE r.id = ? AND r.deleted = 0`).get(id) as ReviewRow | undefined;
  if (!r) throw new AppError('not_found', '找不到这次督察,它可能已被删除。请刷新后重试。');
  return r;
}

/** A review; counts are computed from its scope unless the caller already has them. */
export function getReview(db: Db, id: string, counts?: VerdictCounts): Review {
  return toReview(db, reviewRow(db, id), counts);
}

export function listReviews(db: Db): Review[] {
  return (db.prepare(`${SELECT} WHERE r.deleted = 0 ORDER BY r.created_at DESC, r.revision DESC`).all() as ReviewRow[]).map((r) => toReview(db, r));
}

/** The measures a scope covers, in outline order, with their status at the scope's quarter. */
export function scopeMeasures(db: Db, scope: ReviewScope): MeasureRow[] {
  let rows = listMeasures(db, { periodId: scope.periodId, planId: scope.planId ?? undefined });
  if (scope.sectionIds.length) {
    const sections = listSections(db, scope.planId ?? undefined);
    const wanted = new Set(scope.sectionIds);
    const parent = new Map(sections.map((s) => [s.id, s.parentId]));
    const inScope = (id: string | null): boolean => {
      for (let at = id; at; at = parent.get(at) ?? null) if (wanted.has(at)) return true;
      return false;
    };
    rows = rows.filter((m) => inScope(m.sectionId));
  }
  if (scope.departmentIds.length) {
    const wanted = new Set(scope.departmentIds);
    rows = rows.filter((m) => [...m.lead, ...m.responsible].some((u) => wanted.has(u.departmentId)));
  }
  return rows;
}

/** A department known to the ledger under this spelling, or null. */
export function findDepartment(db: Db, name: string): { id: string; name: string } | null {
  const clean = cleanUnitName(name);
  const r = (db.prepare('SELECT d.id, d.name FROM department_aliases a JOIN departments d ON d.id = a.department_id WHERE a.alias = ?').get(clean) ??
    db.prepare('SELECT id, name FROM departments WHERE canonical_key = ?').get(canonicalKey(clean))) as { id: string; name: string } | undefined;
  return r ?? null;
}

export interface NewReview {
  name: string;
  planId?: string | null | undefined;
  sectionIds?: string[] | undefined;
  departmentIds?: string[] | undefined;
  periodId: string;
  startsOn?: string | null | undefined;
  endsOn?: string | null | undefined;
  /** Users with the inspector role; the first is the lead inspector. */
  reviewerIds?: string[] | undefined;
}

function checkReviewers(db: Db, ids: string[]): void {
  for (const id of ids) {
    const u = db.prepare('SELECT role FROM users WHERE id = ?').get(id) as { role: string } | undefined;
    if (!u) throw new AppError('not_found', '所选督察人员不存在。请刷新后重新选择。');
    if (u.role !== 'inspector') throw new AppError('validation', '督察人员须为“督察组”角色的用户。请重新选择。');
  }
}

export function createReview(db: Db, a: NewReview, userId: string): Review {
  if (!a.name.trim()) throw new AppError('validation', '请填写督察名称。');
  if (!isQuarterId(a.periodId)) throw new AppError('validation', `督察所查季度“${a.periodId}”格式不对,应写成 2024-Q3 这样的形式。`);
  return db.transaction(() => {
    const reviewerIds = a.reviewerIds ?? [];
    checkReviewers(db, reviewerIds);
    if (a.planId && !db.prepare('SELECT 1 FROM plans WHERE id = ?').get(a.planId)) throw new AppError('not_found', '所选实施方案不存在。请刷新后重新选择。');
    const id = newId();
    const scope: ReviewScope = { planId: a.planId ?? null, sectionIds: a.sectionIds ?? [], departmentIds: a.departmentIds ?? [], periodId: a.periodId };
    if (!scopeMeasures(db, scope).length) throw new AppError('no_measures', '所选范围内没有措施,无法建立督察。请放宽范围或先导入实施方案。');
    recordChanges(
      db,
      userId,
      fields(ENTITY.review, id, {
        name: a.name.trim(),
        planId: scope.planId,
        sectionIds: scope.sectionIds,
        departmentIds: scope.departmentIds,
        periodId: scope.periodId,
        startsOn: a.startsOn ?? null,
        endsOn: a.endsOn ?? null,
        reviewerIds,
        leadId: reviewerIds[0] ?? userId,
        status: '进行中',
        rootId: id,
        revision: 1,
        createdBy: userId,
        createdAt: nowIso(),
      }),
    );
    return getReview(db, id);
  })();
}

/** The review's row without its counts: what a write needs to check. */
export function reviewHead(db: Db, id: string): Pick<Review, 'id' | 'name' | 'status' | 'revision' | 'superseded' | 'scope' | 'leadId' | 'leadName'> {
  const r = reviewRow(db, id);
  const scope: ReviewScope = { planId: r.plan_id, sectionIds: JSON.parse(r.section_ids) as string[], departmentIds: JSON.parse(r.department_ids) as string[], periodId: r.period_id };
  const leadName = r.lead_id ? ((db.prepare('SELECT name FROM users WHERE id = ?').pluck().get(r.lead_id) as string | undefined) ?? null) : null;
  return { id: r.id, name: r.name, status: r.status, revision: r.revision, superseded: r.superseded === 1, scope, leadId: r.lead_id, leadName };
}

/** Whether one measure falls in a scope, without listing the others. */
export function measureInScope(db: Db, scope: ReviewScope, measureId: string): boolean {
  const m = getMeasureRow(db, measureId, scope.periodId);
  if (!m || (scope.planId && m.planId !== scope.planId)) return false;
  if (scope.sectionIds.length) {
    const wanted = new Set(scope.sectionIds);
    let found = false;
    for (let at = m.sectionId; at && !found; at = db.prepare('SELECT parent_id FROM sections WHERE id = ?').pluck().get(at) as string | null) found = wanted.has(at);
    if (!found) return false;
  }
  return !scope.departmentIds.length || [...m.lead, ...m.responsible].some((u) => scope.departmentIds.includes(u.departmentId));
}

/** Refuses any change to a signed or superseded revision. */
export function requireEditable(db: Db, reviewId: string): ReturnType<typeof reviewHead> {
  const r = reviewHead(db, reviewId);
  if (r.status === '已签署') throw new AppError('conflict', `督察“${r.name}”(第${r.revision}版)已签署,不能再修改。如需更改,请建立新的修订版本。`);
  if (r.superseded) throw new AppError('conflict', `督察“${r.name}”第${r.revision}版已有更新的修订版本。请在最新版本中修改。`);
  return r;
}

/** A new revision of a signed review: verdicts, findings, rectifications and files are carried over; the signed one stays as it was. */
export function reviseReview(db: Db, reviewId: string, userId: string): Review {
  return db.transaction(() => {
    const old = getReview(db, reviewId);
    if (old.status !== '已签署') throw new AppError('conflict', '只有已签署的督察才需要建立修订版本;未签署的可直接修改。');
    if (old.superseded) throw new AppError('conflict', '这一版本已有修订版本。请在最新版本上修订。');
    const id = newId();
    const changes = fields(ENTITY.review, id, {
      name: old.name,
      planId: old.scope.planId,
      sectionIds: old.scope.sectionIds,
      departmentIds: old.scope.departmentIds,
      periodId: old.scope.periodId,
      startsOn: old.startsOn,
      endsOn: old.endsOn,
      reviewerIds: old.reviewerIds,
      leadId: old.leadId,
      status: '进行中',
      rootId: old.rootId,
      revision: old.revision + 1,
      previousId: old.id,
      createdBy: userId,
      createdAt: nowIso(),
    });
    const verdicts = db.prepare('SELECT measure_id, verdict, finding, updated_by, updated_at FROM review_verdicts WHERE review_id = ?').all(old.id) as {
      measure_id: string;
      verdict: string;
      finding: string;
      updated_by: string | null;
      updated_at: string;
    }[];
    for (const v of verdicts) {
      changes.push(...fields(ENTITY.verdict, `${id}|${v.measure_id}`, { reviewId: id, measureId: v.measure_id, verdict: v.verdict, finding: v.finding, updatedBy: v.updated_by, updatedAt: v.updated_at }, v.measure_id));
    }
    const rects = db.prepare('SELECT * FROM rectifications WHERE review_id = ? AND deleted = 0').all(old.id) as Record<string, string | null>[];
    for (const r of rects) {
      const m = r.measure_id!;
      changes.push(
        ...fields(
          ENTITY.rectification,
          `${id}|${m}`,
          {
            reviewId: id,
            measureId: m,
            requirement: r.requirement,
            departmentId: r.department_id,
            departmentName: r.department_name,
            dueOn: r.due_on,
            status: r.status,
            response: r.response,
            respondedBy: r.responded_by,
            respondedAt: r.responded_at,
            closedBy: r.closed_by,
            closedAt: r.closed_at,
          },
          m,
        ),
      );
    }
    const files = db.prepare("SELECT measure_id, evidence_id FROM inspection_evidence WHERE review_id = ? AND owner_kind = 'review' AND deleted = 0").all(old.id) as { measure_id: string; evidence_id: string }[];
    for (const f of files) {
      changes.push(...fields(ENTITY.file, `${f.evidence_id}|${id}`, { ownerKind: 'review', ownerId: id, reviewId: id, measureId: f.measure_id, evidenceId: f.evidence_id }, f.measure_id));
    }
    recordChanges(db, userId, changes);
    return getReview(db, id);
  })();
}
