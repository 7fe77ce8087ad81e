// Judging one measure of a review: verdict, findings and the rectification demanded, written as one set of field changes.
import type { Db } from '../../open';
import { nowIso } from '../../../shared/ids';
import { AppError } from '../../../shared/errors';
import type { RectificationDemand, Verdict } from '../../../shared/inspections/types';
import { ENTITY } from './entities';
import { fields, recordChanges, type Change } from './write';
import { measureInScope, requireEditable } from './reviews';

export interface VerdictInput {
  reviewId: string;
  measureId: string;
  verdict?: Verdict | undefined;
  finding?: string | undefined;
  /** A demand to set, null to withdraw it, absent to leave it. */
  rectification?: RectificationDemand | null | undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDemand(d: RectificationDemand): void {
  if (!d.requirement.trim()) throw new AppError('validation', '请填写整改要求的内容。');
  if (!d.departmentName.trim()) throw new AppError('validation', '请填写负责整改的单位。');
  if (!DATE.test(d.dueOn) || Number.isNaN(Date.parse(d.dueOn))) throw new AppError('validation', '整改期限应写成 2025-03-31 这样的日期。');
}

/**
 * Sets what the inspectors say about one measure. Only the review's own rows change: the clerks' progress and status
 * are never touched. Ids are review|measure so that the same judgement made on two laptops is one row.
 */
export function setVerdict(db: Db, a: VerdictInput, userId: string): void {
  db.transaction(() => {
    const review = requireEditable(db, a.reviewId);
    if (!measureInScope(db, review.scope, a.measureId)) throw new AppError('not_found', '这项措施不在本次督察范围内。请刷新后重试。');
    const id = `${a.reviewId}|${a.measureId}`;
    const old = db.prepare('SELECT verdict, finding FROM review_verdicts WHERE id = ?').get(id) as { verdict: Verdict; finding: string } | undefined;
    const now = nowIso();
    const changes: Change[] = [];
    const v: Record<string, unknown> = {};
    if (!old) Object.assign(v, { reviewId: a.reviewId, measureId: a.measureId });
    if (a.verdict !== undefined && a.verdict !== old?.verdict) v.verdict = a.verdict;
    if (a.finding !== undefined && a.finding !== (old?.finding ?? '')) v.finding = a.finding;
    if (Object.keys(v).some((k) => k === 'verdict' || k === 'finding')) changes.push(...fields(ENTITY.verdict, id, { ...v, updatedBy: userId, updatedAt: now }, a.measureId));
    if (a.rectification !== undefined) changes.push(...demandChanges(db, id, a));
    if (changes.length) recordChanges(db, userId, changes);
  })();
}

function demandChanges(db: Db, id: string, a: VerdictInput): Change[] {
  const old = db.prepare('SELECT requirement, department_id, department_name, due_on, deleted FROM rectifications WHERE id = ?').get(id) as
    | { requirement: string; department_id: string | null; department_name: string; due_on: string; deleted: number }
    | undefined;
  const d = a.rectification;
  if (d === null || d === undefined) return old && !old.deleted ? fields(ENTITY.rectification, id, { deleted: true }, a.measureId) : [];
  checkDemand(d);
  const next: Record<string, unknown> = { requirement: d.requirement.trim(), departmentId: d.departmentId, departmentName: d.departmentName.trim(), dueOn: d.dueOn };
  if (!old || old.deleted) return fields(ENTITY.rectification, id, { reviewId: a.reviewId, measureId: a.measureId, ...next, status: '待整改', deleted: false, response: '', respondedAt: null, closedAt: null }, a.measureId);
  const was: Record<string, unknown> = { requirement: old.requirement, departmentId: old.department_id, departmentName: old.department_name, dueOn: old.due_on };
  return fields(ENTITY.rectification, id, Object.fromEntries(Object.entries(next).filter(([k, val]) => was[k] !== val)), a.measureId);
}

/** Marks evidence rows (already in the store) as the inspectors' own files for a measure of the review. */
export function linkInspectorFiles(db: Db, a: { reviewId: string; measureId: string; evidenceIds: string[] }, userId: string): void {
  db.transaction(() => {
    requireEditable(db, a.reviewId);
    const changes = a.evidenceIds.flatMap((e) => fields(ENTITY.file, `${e}|${a.reviewId}`, { ownerKind: 'review', ownerId: a.reviewId, reviewId: a.reviewId, measureId: a.measureId, evidenceId: e, deleted: false }, a.measureId));
    recordChanges(db, userId, changes);
  })();
}

/** Takes an inspectors' file off the review (the evidence row and its bytes stay in the store). */
export function unlinkInspectorFile(db: Db, a: { reviewId: string; evidenceId: string }, userId: string): void {
  db.transaction(() => {
    requireEditable(db, a.reviewId);
    const id = `${a.evidenceId}|${a.reviewId}`;
    const r = db.prepare('SELECT measure_id FROM inspection_evidence WHERE id = ? AND deleted = 0').get(id) as { measure_id: string } | undefined;
    if (!r) throw new AppError('not_found', '找不到这份督察材料。请刷新后重试。');
    recordChanges(db, userId, fields(ENTITY.file, id, { deleted: true }, r.measure_id));
  })();
}
