// A plan's life after import: the outline it duplicates, deleting it (a tombstone), restoring it.
import type { Db } from '../open';
import { nowIso } from '../../shared/ids';
import { AppError } from '../../shared/errors';
import type { ParsedDocument } from '../../shared/outline/types';
import { documentShape, shapeOf, similarity, SAME_OUTLINE } from '../../shared/outline/fingerprint';
import type { User } from '../../shared/model';
import { mayDeletePlan } from '../../shared/api/roles';
import { record } from '../sync/index';

export interface SimilarPlan {
  planId: string;
  title: string;
  importedAt: string;
  /** 0–1, see `similarity`. */
  score: number;
}

/** The live plan whose measures are those of `doc` (the same outline in another format), if any. */
export function findSimilarPlan(db: Db, doc: Pick<ParsedDocument, 'items'>): SimilarPlan | null {
  const shape = documentShape(doc);
  const plans = db.prepare('SELECT id, title, imported_at FROM plans WHERE deleted = 0 ORDER BY imported_at').all() as { id: string; title: string; imported_at: string }[];
  const measures = db.prepare('SELECT title, text FROM measures WHERE plan_id = ? ORDER BY ord');
  let best: SimilarPlan | null = null;
  for (const p of plans) {
    const score = similarity(shape, shapeOf(measures.all(p.id) as { title: string; text: string }[]));
    if (score >= SAME_OUTLINE && (!best || score > best.score)) best = { planId: p.id, title: p.title, importedAt: p.imported_at, score };
  }
  return best;
}

interface PlanState {
  deleted: number;
  imported_by: string;
  imported_at: string;
}

function planState(db: Db, planId: string): PlanState {
  const p = db.prepare('SELECT deleted, imported_by, imported_at FROM plans WHERE id = ?').get(planId) as PlanState | undefined;
  if (!p) throw new AppError('not_found', '找不到该方案。请刷新后重试。');
  return p;
}

/** A plan's tombstone, as ops that travel to other PCs (the op log is its history: who, when, back again). */
function writeDeleted(db: Db, planId: string, deleted: boolean, userId: string, at: string): void {
  const base = { entity: 'plan', entityId: planId, measureId: null };
  record(db, userId, [
    { ...base, field: 'deleted', value: deleted },
    { ...base, field: 'deleted_at', value: deleted ? at : null },
    { ...base, field: 'deleted_by', value: deleted ? userId : null },
  ]);
}

/**
 * Hides a plan with all it holds (measures, records, evidence stay in the store, untouched).
 * Supervisors may delete any plan; others only one they imported themselves (a wrong import undone).
 */
export function deletePlan(db: Db, planId: string, user: User): void {
  db.transaction(() => {
    const p = planState(db, planId);
    if (p.deleted) return;
    if (!mayDeletePlan(user, p.imported_by)) {
      throw new AppError('forbidden', '只有管理员或导入该方案的人可以删除它。请联系法治办的管理员。');
    }
    const at = nowIso();
    writeDeleted(db, planId, true, user.id, at);
  })();
}

/** Brings a deleted plan back exactly as it was; supervisors only. */
export function restorePlan(db: Db, planId: string, user: User): void {
  db.transaction(() => {
    const p = planState(db, planId);
    if (!p.deleted) return;
    if (user.role !== 'supervisor') throw new AppError('forbidden', '只有管理员可以恢复已删除的方案。请联系法治办的管理员。');
    const at = nowIso();
    writeDeleted(db, planId, false, user.id, at);
  })();
}

export interface DeletedPlan {
  id: string;
  title: string;
  measureCount: number;
  deletedAt: string;
  deletedByName: string | null;
}

export function listDeletedPlans(db: Db): DeletedPlan[] {
  return db
    .prepare(
      `SELECT p.id, p.title, p.deleted_at AS deletedAt, u.name AS deletedByName,
         (SELECT count(*) FROM measures m WHERE m.plan_id = p.id) AS measureCount
       FROM plans p LEFT JOIN users u ON u.id = p.deleted_by WHERE p.deleted = 1 ORDER BY p.deleted_at DESC`,
    )
    .all() as DeletedPlan[];
}
