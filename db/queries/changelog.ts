// The change log: one row for every change, who made it, when, and the old and new values.
import type { Db } from '../open';
import { newId, nowIso } from '../../shared/ids';
import type { ChangeEntry } from '../../shared/model';

export interface ChangeInput {
  userId: string;
  action: 'create' | 'update' | 'delete' | 'import';
  entity: string;
  entityId: string;
  measureId?: string | null;
  field?: string | null;
  oldValue?: string | null;
  newValue?: string | null;
}

export function logChange(db: Db, c: ChangeInput, at: string = nowIso()): void {
  db.prepare(
    `INSERT INTO change_log (id, at, user_id, action, entity, entity_id, measure_id, field, old_value, new_value)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    newId(),
    at,
    c.userId,
    c.action,
    c.entity,
    c.entityId,
    c.measureId ?? null,
    c.field ?? null,
    c.oldValue ?? null,
    c.newValue ?? null,
  );
}

interface ChangeRow {
  id: string;
  at: string;
  user_id: string | null;
  user_name: string | null;
  action: string;
  entity: string;
  entity_id: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
}

export function measureHistory(db: Db, measureId: string): ChangeEntry[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.at, c.user_id, u.name AS user_name, c.action, c.entity, c.entity_id, c.field, c.old_value, c.new_value
       FROM change_log c LEFT JOIN users u ON u.id = c.user_id
       WHERE c.measure_id = ? ORDER BY c.at DESC, c.rowid DESC`,
    )
    .all(measureId) as ChangeRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
  }));
}
