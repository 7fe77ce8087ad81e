// Progress records: one per measure per quarter (id `measure|quarter`), written as ops, indexed for search by the applier.
import type { Db } from '../open';
import type { ProgressRecord, Status } from '../../shared/model';
import { AppError } from '../../shared/errors';
import { ensurePeriod } from './periods';
import { record } from '../sync/index';
import { measureExists } from './measures';

interface ProgressRow {
  id: string;
  measure_id: string;
  period_id: string;
  status: Status;
  narrative: string;
  updated_by: string;
  updated_by_name: string | null;
  updated_at: string;
}

function toRecord(r: ProgressRow): ProgressRecord {
  return {
    id: r.id,
    measureId: r.measure_id,
    periodId: r.period_id,
    status: r.status,
    narrative: r.narrative,
    updatedBy: r.updated_by,
    updatedByName: r.updated_by_name,
    updatedAt: r.updated_at,
  };
}

const SELECT = `SELECT p.id, p.measure_id, p.period_id, p.status, p.narrative, p.updated_by, u.name AS updated_by_name, p.updated_at
  FROM progress p LEFT JOIN users u ON u.id = p.updated_by`;

export function progressOf(db: Db, measureId: string): ProgressRecord[] {
  return (db.prepare(`${SELECT} WHERE p.measure_id = ? ORDER BY p.period_id DESC`).all(measureId) as ProgressRow[]).map(toRecord);
}

export interface SetProgressArgs {
  measureId: string;
  periodId: string;
  status: Status;
  narrative: string;
  userId: string;
}

/** The id of a measure's record for a quarter: the same on every PC, so records made apart merge. */
export function progressId(measureId: string, periodId: string): string {
  return `${measureId}|${periodId}`;
}

/** Creates or updates the record for the quarter; each changed field is one op (unchanged ones record nothing). */
export function setProgress(db: Db, a: SetProgressArgs): ProgressRecord {
  return db.transaction((): ProgressRecord => {
    if (!measureExists(db, a.measureId)) throw new AppError('not_found', '找不到这项措施,无法记录进展。请刷新后重试。');
    ensurePeriod(db, a.periodId);
    const id = progressId(a.measureId, a.periodId);
    const base = { entity: 'progress', entityId: id, measureId: a.measureId };
    record(db, a.userId, [
      { ...base, field: 'status', value: a.status },
      { ...base, field: 'narrative', value: a.narrative },
    ]);
    return toRecord(db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProgressRow);
  })();
}
