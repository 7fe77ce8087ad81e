// Rectification tasks (整改) on measures: those of each review's latest signed revision; the department answers, a supervisor closes.
import type { Db } from '../../open';
import { nowIso } from '../../../shared/ids';
import { AppError } from '../../../shared/errors';
import { localIsoDate } from '../../../shared/periods';
import type { InspectionFile, Rectification, RectificationStatus } from '../../../shared/inspections/types';
import { ENTITY } from './entities';
import { fields, recordChanges } from './write';

/** Rectifications in force: not withdrawn, of a signed revision that no later signed revision replaces. */
const FROM = 'FROM rectifications x JOIN reviews r ON r.id = x.review_id';
const IN_FORCE = `x.deleted = 0 AND r.deleted = 0 AND r.status = '已签署'
    AND r.revision = (SELECT max(r2.revision) FROM reviews r2 WHERE r2.root_id = r.root_id AND r2.status = '已签署' AND r2.deleted = 0)`;
export const EFFECTIVE = `${FROM} WHERE ${IN_FORCE}`;

interface RectRow {
  id: string;
  review_id: string;
  review_name: string;
  measure_id: string;
  number: string | null;
  title: string | null;
  requirement: string;
  department_id: string | null;
  department_name: string;
  due_on: string;
  status: RectificationStatus;
  response: string;
  responded_by_name: string | null;
  responded_at: string | null;
  closed_by_name: string | null;
  closed_at: string | null;
}

export interface RectificationFilter {
  open?: boolean | undefined;
  overdue?: boolean | undefined;
  measureId?: string | undefined;
  departmentId?: string | undefined;
  /** The day overdue is judged against; today when absent. */
  asOf?: string | undefined;
}

function filesOf(db: Db, ids: string[]): Map<string, InspectionFile[]> {
  const out = new Map<string, InspectionFile[]>();
  if (!ids.length) return out;
  const rows = db
    .prepare(
      `SELECT x.owner_id, e.id AS evidenceId, e.name, e.sha256, e.mime, e.size FROM inspection_evidence x JOIN evidence e ON e.id = x.evidence_id
       WHERE x.owner_kind = 'rectification' AND x.deleted = 0 AND x.owner_id IN (SELECT value FROM json_each(?)) ORDER BY e.added_at`,
    )
    .all(JSON.stringify(ids)) as (InspectionFile & { owner_id: string })[];
  for (const { owner_id, ...f } of rows) out.set(owner_id, [...(out.get(owner_id) ?? []), f]);
  return out;
}

export function listRectifications(db: Db, f: RectificationFilter = {}): Rectification[] {
  const asOf = f.asOf ?? localIsoDate(new Date());
  const where: string[] = [];
  const params: Record<string, unknown> = { asOf };
  if (f.open || f.overdue) where.push("x.status <> '已销号'");
  if (f.overdue) where.push('x.due_on < @asOf');
  if (f.measureId) {
    where.push('x.measure_id = @measureId');
    params.measureId = f.measureId;
  }
  if (f.departmentId) {
    where.push('x.department_id = @departmentId');
    params.departmentId = f.departmentId;
  }
  const rows = db
    .prepare(
      `SELECT x.id, x.review_id, r.name AS review_name, x.measure_id, m.number, m.title, x.requirement, x.department_id, x.department_name, x.due_on,
         x.status, x.response, ur.name AS responded_by_name, x.responded_at, uc.name AS closed_by_name, x.closed_at
       ${FROM} LEFT JOIN measures m ON m.id = x.measure_id LEFT JOIN users ur ON ur.id = x.responded_by LEFT JOIN users uc ON uc.id = x.closed_by
       WHERE ${IN_FORCE} ${where.map((w) => `AND ${w}`).join(' ')}
       ORDER BY x.due_on, m.plan_id, m.ord`,
    )
    .all(params) as RectRow[];
  const files = filesOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    reviewId: r.review_id,
    reviewName: r.review_name,
    measureId: r.measure_id,
    measureNumber: r.number ?? '',
    measureTitle: r.title ?? '',
    requirement: r.requirement,
    departmentId: r.department_id,
    departmentName: r.department_name,
    dueOn: r.due_on,
    status: r.status,
    response: r.response,
    respondedByName: r.responded_by_name,
    respondedAt: r.responded_at,
    closedByName: r.closed_by_name,
    closedAt: r.closed_at,
    overdue: r.status !== '已销号' && r.due_on < asOf,
    evidence: files.get(r.id) ?? [],
  }));
}

/** Open and overdue rectifications in force: the dashboard's figures. */
export function rectificationCounts(db: Db, asOf: string = localIsoDate(new Date())): { open: number; overdue: number } {
  const r = db.prepare(`SELECT count(*) FILTER (WHERE x.status <> '已销号') AS open, count(*) FILTER (WHERE x.status <> '已销号' AND x.due_on < ?) AS overdue ${EFFECTIVE}`).get(asOf) as {
    open: number;
    overdue: number;
  };
  return { open: r.open, overdue: r.overdue };
}

function rectification(db: Db, id: string): { status: RectificationStatus; measure_id: string } {
  const r = db.prepare(`SELECT x.status, x.measure_id ${EFFECTIVE} AND x.id = ?`).get(id) as { status: RectificationStatus; measure_id: string } | undefined;
  if (!r) throw new AppError('not_found', '找不到这项整改任务,或所属督察尚未签署。请刷新后重试。');
  return r;
}

/** The department says what it did, optionally with evidence rows already in the store. */
export function respondRectification(db: Db, a: { id: string; response: string; evidenceIds?: string[] | undefined }, userId: string): void {
  db.transaction(() => {
    const r = rectification(db, a.id);
    if (r.status === '已销号') throw new AppError('conflict', '这项整改已销号,不能再修改。如需补充,请联系督察组。');
    if (!a.response.trim()) throw new AppError('validation', '请填写整改落实情况。');
    recordChanges(db, userId, [
      ...fields(ENTITY.rectification, a.id, { response: a.response.trim(), status: '已反馈', respondedBy: userId, respondedAt: nowIso() }, r.measure_id),
      ...(a.evidenceIds ?? []).flatMap((e) =>
        fields(ENTITY.file, `${e}|${a.id}`, { ownerKind: 'rectification', ownerId: a.id, reviewId: a.id.split('|')[0], measureId: r.measure_id, evidenceId: e, deleted: false }, r.measure_id),
      ),
    ]);
  })();
}

/** A supervisor closes (销号) a rectification the department has answered. */
export function closeRectification(db: Db, id: string, user: { id: string; role: string }): void {
  db.transaction(() => {
    if (user.role !== 'supervisor') throw new AppError('forbidden', '只有法治机构(督办)人员可以将整改销号。请切换用户后再操作。');
    const r = rectification(db, id);
    if (r.status === '已销号') return;
    if (r.status !== '已反馈') throw new AppError('conflict', '责任单位尚未反馈整改落实情况,暂不能销号。');
    recordChanges(db, user.id, fields(ENTITY.rectification, id, { status: '已销号', closedBy: user.id, closedAt: nowIso() }, r.measure_id));
  })();
}
