// Compares a table with its op log: a row edited, added or removed in SQL without an op shows here.
import type { Db } from '../open';
import { entityDef } from './registry';

export interface RowMismatch {
  entityId: string;
  /** changed — columns differ from the winning values; unrecorded — no op made the row; missing — the log says the row exists. */
  kind: 'changed' | 'unrecorded' | 'missing';
  /** The columns that differ (changed only). */
  columns: string[];
  /** The row as stored (absent for missing). */
  row: Record<string, unknown> | null;
}

/** SQLite hands back numbers and text; the log's values pass through the same toDb, so plain equality holds for honest rows. */
function same(a: unknown, b: unknown): boolean {
  return a === b || (a == null && b == null);
}

/**
 * Checks every row of `table` (rows named by `idColumn`) against the log of `entity`, and every
 * entity the log says exists against the table. Entities without `expected` are not checked.
 */
export function checkRows(db: Db, entity: string, table: string, idColumn = 'id'): RowMismatch[] {
  const def = entityDef(entity);
  if (!def.expected) return [];
  const out: RowMismatch[] = [];
  const held = new Set<string>();
  for (const row of db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]) {
    const id = String(row[idColumn]);
    held.add(id);
    const want = def.expected(db, id);
    if (!want) {
      out.push({ entityId: id, kind: 'unrecorded', columns: [], row });
      continue;
    }
    const columns = Object.keys(want).filter((c) => !same(row[c], want[c]));
    if (columns.length) out.push({ entityId: id, kind: 'changed', columns, row });
  }
  const ids = db.prepare('SELECT DISTINCT entity_id AS id FROM ops WHERE entity = ?').all(entity) as { id: string }[];
  for (const { id } of ids) if (!held.has(id) && def.expected(db, id)) out.push({ entityId: id, kind: 'missing', columns: [], row: null });
  return out;
}
