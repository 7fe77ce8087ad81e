// Progress records: one per measure per quarter, every change logged and indexed for search.
import type { Db } from '../open';
import { newId, nowIso } from '../../shared/ids';
import type { ProgressRecord, Status } from '../../shared/model';
import { AppError } from '../../shared/errors';
import { ensurePeriod } from './periods';
import { logChange } from './changelog';
import { indexText } from './search';
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
  /**
   * The version of the record the edit was based on (its updatedAt; null: there was no record). Given, a
   * save over a newer version is refused; absent (the command line), the save is unconditional.
   */
  baseVersion?: string | null | undefined;
}

/** updated_at is the record's version: every save moves it forward, even two within one millisecond. */
function after(now: string, previous: string | undefined): string {
  return previous && now <= previous ? new Date(Date.parse(previous) + 1).toISOString() : now;
}

function staleError(newer: ProgressRow | undefined): AppError {
  const who = newer?.updated_by_name ?? '他人';
  return new AppError('stale_version', `在您编辑期间,${who}已保存了这一季度较新的进展,您的修改尚未保存。请对照较新的内容合并后再保存。`);
}

/** Creates or updates the record for the quarter; logs each changed field. */
export function setProgress(db: Db, a: SetProgressArgs): ProgressRecord {
  return db.transaction((): ProgressRecord => {
    if (!measureExists(db, a.measureId)) throw new AppError('not_found', '找不到这项措施,无法记录进展。请刷新后重试。');
    ensurePeriod(db, a.periodId);
    const old = db.prepare(`${SELECT} WHERE p.measure_id = ? AND p.period_id = ?`).get(a.measureId, a.periodId) as ProgressRow | undefined;
    const now = after(nowIso(), old?.updated_at);
    if (a.baseVersion !== undefined && (old?.updated_at ?? null) !== a.baseVersion) throw staleError(old);
    const id = old?.id ?? newId();
    if (old) {
      if (old.status === a.status && old.narrative === a.narrative) return toRecord(old);
      db.prepare('UPDATE progress SET status = ?, narrative = ?, updated_by = ?, updated_at = ? WHERE id = ?').run(a.status, a.narrative, a.userId, now, id);
    } else {
      db.prepare('INSERT INTO progress (id, measure_id, period_id, status, narrative, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, a.measureId, a.periodId, a.status, a.narrative, a.userId, now);
    }
    const base = { userId: a.userId, entity: 'progress', entityId: id, measureId: a.measureId };
    if (!old || old.status !== a.status) {
      logChange(db, { ...base, action: old ? 'update' : 'create', field: `status:${a.periodId}`, oldValue: old?.status ?? null, newValue: a.status }, now);
    }
    if ((old?.narrative ?? '') !== a.narrative) {
      logChange(db, { ...base, action: old ? 'update' : 'create', field: `narrative:${a.periodId}`, oldValue: old?.narrative ?? null, newValue: a.narrative }, now);
    }
    db.prepare('UPDATE measures SET updated_at = ? WHERE id = ?').run(now, a.measureId);
    indexText(db, `progress:${id}`, a.measureId, a.narrative);
    return toRecord(db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProgressRow);
  })();
}
