// An entity stored as one table row: field ops become column updates; a missing row is built from the op log.
import type { Db } from '../../open';
import { stmt } from '../stmt';
import type { EntityDef } from '../registry';
import { currentFields, entityStamp, markBuilt, wasBuilt, type EntityStamp } from '../ops-store';

export interface Column {
  column: string;
  /** Used until the field's op arrives. */
  fallback: unknown;
  toDb?: ((v: unknown) => unknown) | undefined;
}

export const bool = (v: unknown): number => (v === true ? 1 : 0);
export const jsonText = (v: unknown): string => JSON.stringify(v ?? []);

export interface TableSpec {
  name: string;
  table: string;
  /** The key columns of the row an entity id names (an id column, or the parts of a composite id). */
  key(entityId: string): Record<string, string>;
  fields: Record<string, Column>;
  /**
   * How a delete shows: 'row' — `deleted: true` removes the row and nothing brings it back but
   * `deleted: false`; 'column' — a `deleted` column the readers filter; 'none' — never deleted.
   */
  tombstone: 'row' | 'column' | 'none';
  /** Columns stamped from the ops (who made it, when): set when the row is made and after every batch. */
  stamp?: ((s: EntityStamp, db: Db, key: Record<string, string>) => Record<string, unknown>) | undefined;
  measureOf?: ((db: Db, entityId: string) => string | null) | undefined;
  /** Derived data to refresh after a batch (search text). */
  derive?: ((db: Db, entityId: string) => void) | undefined;
}

function where(key: Record<string, string>): string {
  return Object.keys(key).map((k) => `${k} = @${k}`).join(' AND ');
}

function dbValue(c: Column, v: unknown): unknown {
  return c.toDb ? c.toDb(v) : v;
}

export function tableEntity(spec: TableSpec): EntityDef {
  // Placeholders for NOT NULL stamp columns: the batch's after() sets the real ones.
  const noStamp: EntityStamp = { createdBy: '', createdAt: '', updatedBy: '', updatedAt: '' };
  const columns = Object.entries(spec.fields);
  const rowOf = (db: Db, entityId: string, fields: ReadonlyMap<string, unknown>, stamp: EntityStamp): Record<string, unknown> | null => {
    if (spec.tombstone === 'row' && fields.get('deleted') === true) return null;
    const key = spec.key(entityId);
    const row: Record<string, unknown> = { ...key };
    for (const [field, c] of columns) row[c.column] = dbValue(c, fields.has(field) ? fields.get(field) : c.fallback);
    if (spec.stamp) Object.assign(row, spec.stamp(stamp, db, key));
    return row;
  };
  // The INSERT for the last column list seen (a table's rows nearly always have the same columns): a new working copy
  // inserts tens of thousands of rows, and building and looking up the statement's text each time costs as much as the insert.
  let lastCols = '';
  let lastSql = '';
  const insertRow = (db: Db, entityId: string, fields: ReadonlyMap<string, unknown>, stamp: EntityStamp): void => {
    const row = rowOf(db, entityId, fields, stamp);
    if (!row) return;
    const names = Object.keys(row);
    const cols = names.join(', ');
    if (cols !== lastCols) [lastCols, lastSql] = [cols, `INSERT INTO ${spec.table} (${cols}) VALUES (${names.map(() => '?').join(', ')})`];
    stmt(db, lastSql).run(Object.values(row));
  };
  const materialise = (db: Db, entityId: string): void => {
    insertRow(db, entityId, currentFields(db, spec.name, entityId), noStamp);
    markBuilt(db, spec.name, entityId);
  };
  return {
    name: spec.name,
    measureOf: spec.measureOf,
    apply(db, entityId, field, value) {
      if (wasBuilt(db, spec.name, entityId)) return;
      const key = spec.key(entityId);
      const exists = stmt(db, `SELECT 1 FROM ${spec.table} WHERE ${where(key)}`).get(key) !== undefined;
      if (spec.tombstone === 'row' && field === 'deleted') {
        if (value === true) stmt(db, `DELETE FROM ${spec.table} WHERE ${where(key)}`).run(key);
        else if (!exists) materialise(db, entityId);
        return;
      }
      const c = spec.fields[field];
      // A field this version does not know (from a newer app) stays in the log only.
      if (!c) return;
      if (!exists) return materialise(db, entityId);
      stmt(db, `UPDATE ${spec.table} SET ${c.column} = @v WHERE ${where(key)}`).run({ ...key, v: dbValue(c, value) });
    },
    after(db, entityId) {
      const key = spec.key(entityId);
      if (spec.stamp) {
        const s = entityStamp(db, spec.name, entityId);
        const set = s ? spec.stamp(s, db, key) : {};
        const cols = Object.keys(set);
        if (cols.length) stmt(db, `UPDATE ${spec.table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE ${where(key)}`).run({ ...set, ...key });
      }
      spec.derive?.(db, entityId);
    },
    build: insertRow,
    derive: spec.derive,
    expected(db, entityId) {
      const stamp = entityStamp(db, spec.name, entityId);
      return stamp ? rowOf(db, entityId, currentFields(db, spec.name, entityId), stamp) : null;
    },
  };
}

/** Splits a composite id `a|b|c` into its parts (ids and hashes never contain '|'). */
export function parts(entityId: string, n: number): string[] {
  const p = entityId.split('|');
  if (p.length !== n) throw new Error(`entity id ${entityId} should have ${n} parts`);
  return p;
}
