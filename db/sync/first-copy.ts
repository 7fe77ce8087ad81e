// Applying a whole log to a store that holds no ops yet: a new working copy of a ledger.
//
// The general merge asks the store, per op, whether it holds it, what won before and what wins
// now, and updates one column at a time: right for an exchange, but a new copy taking five
// thousand measures would pay all of that for nothing. Here every op is new and no earlier value
// exists, so the winners are found in memory and each row is written once with all its fields,
// as Actual Budget hands a new device a snapshot instead of replaying messages one by one.
import type { Db } from '../open';
import type { Op } from '../../shared/sync/types';
import { forgetBuilt, type EntityStamp } from './ops-store';
import { entityDef, isRegistered } from './registry';
import { Touched } from './record';

interface Group {
  entity: string;
  entityId: string;
  first: Op;
  last: Op;
  winners: Map<string, Op>;
}

/** Whether `applyOps` may take the first-copy path: nothing held yet. */
export function holdsNoOps(db: Db): boolean {
  return !db.prepare('SELECT 1 FROM ops LIMIT 1').get();
}

/**
 * Stores `ops` (clock order, already validated) and builds every entity once. Returns, per
 * entity kind, how many rows were made.
 */
export function applyToEmptyStore(db: Db, ops: readonly Op[]): Record<string, { new: number; changed: number }> {
  const hashes = new Set(ops.map((op) => `${op.replicaId}\u0000${op.hash}`));
  const groups = new Map<string, Group>();
  // A bulk load: the log's secondary indexes are built once at the end (sorted) instead of row by row.
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ops' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  const insert = db.prepare(
    `INSERT INTO ops (ledger_id, replica_id, hlc, author, entity, entity_id, field, value, measure_id, old_value, prev_hash, hash, gap_ok)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (replica_id, hlc) DO NOTHING`,
  );
  for (const op of ops) {
    // A predecessor missing from the log was left out by a slice: a gap, not a deletion.
    const gap = op.prevHash !== '' && !hashes.has(`${op.replicaId}\u0000${op.prevHash}`);
    insert.run(op.ledgerId, op.replicaId, op.hlc, op.author, op.entity, op.entityId, op.field, op.value, op.measureId, op.oldValue, op.prevHash, op.hash, gap ? 1 : 0);
    if (!isRegistered(op.entity)) continue;
    const k = `${op.entity}\u0000${op.entityId}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { entity: op.entity, entityId: op.entityId, first: op, last: op, winners: new Map() }));
    // Clock order: a later op of the same field wins (its clock already breaks ties by replica).
    g.winners.set(op.field, op);
    g.last = op;
  }
  for (const i of indexes) db.exec(i.sql);
  forgetBuilt(db);
  const touched = new Touched();
  const built = new Set<string>();
  const counts: Record<string, { new: number; changed: number }> = {};
  for (const [k, g] of groups) {
    const def = entityDef(g.entity);
    touched.add(g.entity, g.entityId);
    (counts[g.entity] ??= { new: 0, changed: 0 }).new++;
    if (def.build) {
      const fields = new Map([...g.winners].map(([f, op]) => [f, JSON.parse(op.value) as unknown]));
      def.build(db, g.entityId, fields, stampOf(g));
      built.add(k);
    } else {
      for (const op of g.winners.values()) def.apply(db, op.entityId, op.field, JSON.parse(op.value) as unknown);
    }
  }
  touched.finish(db, (def, id) => (built.has(`${def.name}\u0000${id}`) ? def.derive?.(db, id) : def.after?.(db, id)));
  return counts;
}

function stampOf(g: Group): EntityStamp {
  return { createdBy: g.first.author, createdAt: g.first.hlc.slice(0, 24), updatedBy: g.last.author, updatedAt: g.last.hlc.slice(0, 24) };
}
