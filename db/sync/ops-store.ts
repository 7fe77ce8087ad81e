// The ops table: rows to Op and back, insertion with its audit hash, and the field lookups the merge needs.
import type { Db } from '../open';
import { stmt } from './stmt';
import { OP_FIELDS, type Op } from '../../shared/sync/types';

interface OpRow {
  seq: number;
  ledger_id: string;
  replica_id: string;
  hlc: string;
  author: string;
  entity: string;
  entity_id: string;
  field: string;
  value: string;
  measure_id: string | null;
  old_value: string | null;
  prev_hash: string;
  hash: string;
}

/** Each field of an op as it travels, with the log's column that holds it (ledgerId in ledger_id…), in the text's order. */
export const OP_FIELD_COLUMNS: readonly (readonly [field: string, column: string])[] = OP_FIELDS.map((f) => [f, f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)]);

export const OP_COLUMNS = `seq, ${OP_FIELD_COLUMNS.map(([, c]) => c).join(', ')}`;

export function toOp(r: OpRow): Op {
  return {
    ledgerId: r.ledger_id,
    replicaId: r.replica_id,
    hlc: r.hlc,
    author: r.author,
    entity: r.entity,
    entityId: r.entity_id,
    field: r.field,
    value: r.value,
    measureId: r.measure_id,
    oldValue: r.old_value,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export type { OpRow };

/** Stores an op; false when the store already had it (same replica and clock). */
export function insertOp(db: Db, op: Op, gapOk = false): boolean {
  const r = stmt(
    db,
    `INSERT INTO ops (ledger_id, replica_id, hlc, author, entity, entity_id, field, value, measure_id, old_value, prev_hash, hash, gap_ok)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (replica_id, hlc) DO NOTHING`,
  ).run(op.ledgerId, op.replicaId, op.hlc, op.author, op.entity, op.entityId, op.field, op.value, op.measureId, op.oldValue, op.prevHash, op.hash, gapOk ? 1 : 0);
  return r.changes > 0;
}

/** The op that currently decides a field (greatest HLC), or undefined when the field was never set. */
export function winningOp(db: Db, entity: string, entityId: string, field: string): { hlc: string; value: string; replicaId: string; author: string } | undefined {
  return stmt(db, 'SELECT hlc, value, replica_id AS replicaId, author FROM ops WHERE entity = ? AND entity_id = ? AND field = ? ORDER BY hlc DESC LIMIT 1')
    .get(entity, entityId, field) as { hlc: string; value: string; replicaId: string; author: string } | undefined;
}

/** Every field of an entity with its winning op's value (JSON text), one query for a whole group of changes. */
export function winningValues(db: Db, entity: string, entityId: string): Map<string, string> {
  const rows = stmt(db, 'SELECT field, value FROM ops WHERE entity = ? AND entity_id = ? ORDER BY hlc').all(entity, entityId) as { field: string; value: string }[];
  return new Map(rows.map((r) => [r.field, r.value]));
}

/** Every field of an entity with its winning value (parsed), as the ops say now. */
export function currentFields(db: Db, entity: string, entityId: string): Map<string, unknown> {
  const rows = stmt(db, 'SELECT field, value FROM ops WHERE entity = ? AND entity_id = ? ORDER BY hlc').all(entity, entityId) as { field: string; value: string }[];
  const out = new Map<string, unknown>();
  for (const r of rows) out.set(r.field, JSON.parse(r.value) as unknown);
  return out;
}

/** Who first and last changed an entity, and when (ISO times from the clocks): its created/updated stamps. */
export interface EntityStamp {
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export function entityStamp(db: Db, entity: string, entityId: string): EntityStamp | null {
  // SQLite takes a bare column from the row that min()/max() chose.
  const first = stmt(db, 'SELECT author, min(hlc) AS hlc FROM ops WHERE entity = ? AND entity_id = ?').get(entity, entityId) as { author: string; hlc: string | null };
  const last = stmt(db, 'SELECT author, max(hlc) AS hlc FROM ops WHERE entity = ? AND entity_id = ?').get(entity, entityId) as { author: string; hlc: string | null };
  if (!first.hlc || !last.hlc) return null;
  return { createdBy: first.author, createdAt: first.hlc.slice(0, 24), updatedBy: last.author, updatedAt: last.hlc.slice(0, 24) };
}

/** The newest HLC of the whole store: where the clock resumes when the store is opened. */
export function newestHlc(db: Db): string | null {
  return (stmt(db, 'SELECT max(hlc) AS h FROM ops').get() as { h: string | null }).h;
}

/** The last op of a replica's chain (by clock). */
export function chainHead(db: Db, replicaId: string): string {
  const r = stmt(db, 'SELECT hash FROM ops WHERE replica_id = ? ORDER BY hlc DESC LIMIT 1').get(replicaId) as { hash: string } | undefined;
  return r?.hash ?? '';
}

/**
 * The row a batch has just built from the whole log of its entity. Ops of a group are all
 * stored before any is applied, so the remaining field ops of that group are already in the
 * row; the applier skips them (a plan import would otherwise update each new row once per field).
 */
const built = new WeakMap<Db, string>();

export function markBuilt(db: Db, entity: string, entityId: string): void {
  built.set(db, `${entity}\u0000${entityId}`);
}

export function wasBuilt(db: Db, entity: string, entityId: string): boolean {
  return built.get(db) === `${entity}\u0000${entityId}`;
}

/** Called whenever ops may have been stored after the last build. */
export function forgetBuilt(db: Db): void {
  built.delete(db);
}
