// Actual figures per quarter for a measure's quantitative targets, and the measures below target.
import type { Db } from '../open';
import { AppError } from '../../shared/errors';
import { meetsTarget } from '../../shared/target-figures';
import { ensurePeriod } from './periods';
import { record } from '../sync/index';

export interface TargetFigure {
  index: number;
  target: string;
  /** The figure recorded for the quarter; '' when none. */
  actual: string;
  /** null: no figure yet, or one that cannot be compared. */
  met: boolean | null;
  updatedAt: string | null;
}

export interface BelowTarget {
  measureId: string;
  planId: string;
  planTitle: string;
  number: string;
  title: string;
  target: string;
  actual: string;
}

function targetsOf(db: Db, measureId: string): string[] {
  const row = db.prepare('SELECT targets FROM measures WHERE id = ?').get(measureId) as { targets: string } | undefined;
  if (!row) throw new AppError('not_found', '找不到这项措施,无法记录指标完成情况。请刷新后重试。');
  return JSON.parse(row.targets) as string[];
}

export function targetFigures(db: Db, measureId: string, periodId: string): TargetFigure[] {
  const actuals = new Map(
    (db.prepare('SELECT target_index, actual, updated_at FROM target_actuals WHERE measure_id = ? AND period_id = ?').all(measureId, periodId) as {
      target_index: number;
      actual: string;
      updated_at: string;
    }[]).map((r) => [r.target_index, r]),
  );
  return targetsOf(db, measureId).map((target, index) => {
    const a = actuals.get(index);
    const actual = a?.actual ?? '';
    return { index, target, actual, met: meetsTarget(target, actual), updatedAt: a?.updated_at ?? null };
  });
}

/** The id of a target's figure for a quarter: the same on every PC, so figures recorded apart merge into one. */
export function targetActualId(measureId: string, periodId: string, targetIndex: number): string {
  return `${measureId}|${periodId}|${targetIndex}`;
}

/** Records (or clears, with '') the actual figure of one target for a quarter; logged in the measure's history. */
export function setTargetActual(db: Db, a: { measureId: string; periodId: string; targetIndex: number; actual: string; userId: string }): TargetFigure {
  return db.transaction((): TargetFigure => {
    const targets = targetsOf(db, a.measureId);
    const target = targets[a.targetIndex];
    if (target === undefined) throw new AppError('validation', '这项措施没有该指标。请刷新后重试。');
    ensurePeriod(db, a.periodId);
    record(db, a.userId, [{ entity: 'target_actual', entityId: targetActualId(a.measureId, a.periodId, a.targetIndex), measureId: a.measureId, field: 'actual', value: a.actual.trim() }]);
    return targetFigures(db, a.measureId, a.periodId)[a.targetIndex]!;
  })();
}

/** Every recorded figure of the quarter that falls short of its target, in live plans, in outline order. */
export function belowTarget(db: Db, a: { periodId: string; planId?: string | undefined }): BelowTarget[] {
  const rows = db
    .prepare(
      `SELECT t.measure_id, t.target_index, t.actual, m.targets, m.plan_id, p.title AS plan_title, m.number, m.title
       FROM target_actuals t JOIN measures m ON m.id = t.measure_id JOIN plans p ON p.id = m.plan_id
       WHERE t.period_id = @periodId AND p.deleted = 0 AND t.actual <> '' ${a.planId ? 'AND m.plan_id = @planId' : ''}
       ORDER BY p.imported_at, m.ord, t.target_index`,
    )
    .all({ periodId: a.periodId, ...(a.planId ? { planId: a.planId } : {}) }) as {
    measure_id: string;
    target_index: number;
    actual: string;
    targets: string;
    plan_id: string;
    plan_title: string;
    number: string;
    title: string;
  }[];
  const out: BelowTarget[] = [];
  for (const r of rows) {
    const target = (JSON.parse(r.targets) as string[])[r.target_index];
    if (target === undefined || meetsTarget(target, r.actual) !== false) continue;
    out.push({ measureId: r.measure_id, planId: r.plan_id, planTitle: r.plan_title, number: r.number, title: r.title, target, actual: r.actual });
  }
  return out;
}
