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
  version: string | null;
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
    version: r.version ?? '',
  };
}

// The version is the hybrid logical clock of the record's last op: what the exchange's merge orders by too.
const SELECT = `SELECT p.id, p.measure_id, p.period_id, p.status, p.narrative, p.updated_by, u.name AS updated_by_name, p.updated_at,
  (SELECT max(o.hlc) FROM ops o WHERE o.entity = 'progress' AND o.entity_id = p.id) AS version
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
  /**
   * The version of the record the edit was based on (`version`: the clock of its last op; null: there was
   * none). Given, a
   * save over a newer version is refused; absent (the command line), the save is unconditional.
   */
  baseVersion?: string | null | undefined;
}

function staleError(newer: ProgressRow | undefined): AppError {
  const who = newer?.updated_by_name ?? '他人';
  return new AppError('stale_version', `在您编辑期间,${who}已保存了这一季度较新的进展,您的修改尚未保存。请对照较新的内容合并后再保存。`);
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
    if (a.baseVersion !== undefined) {
      const old = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProgressRow | undefined;
      if ((old?.version ?? null) !== a.baseVersion) throw staleError(old);
    }
    const base = { entity: 'progress', entityId: id, measureId: a.measureId };
    record(db, a.userId, [
      { ...base, field: 'status', value: a.status },
      { ...base, field: 'narrative', value: a.narrative },
    ]);
    return toRecord(db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProgressRow);
  })();
}
