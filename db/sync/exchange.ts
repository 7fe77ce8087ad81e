// Moving ops between replicas: what this store has seen, what the other side lacks, and applying what arrives (merge).
//
// Why version vectors and not Actual's merkle trie: Actual syncs live with a server and walks the
// trie back and forth to find where two logs diverge. A package is one-shot — there is no
// conversation — so the sender must decide alone what to put in it. Each replica stamps its own
// ops in clock order, so "the newest clock I have from replica R" says exactly which of R's ops
// I hold (within the slices I was given). The sender keeps the receiver's last-known vector
// (from its previous package or receipt) and sends every op newer than it; the receiver gets
// the sender's vector too, which is what tells a conflict (an edit the sender had not seen)
// from an ordinary overwrite. Re-sending something already held is harmless: ops are unique by
// (replica, clock) and applying is idempotent.
import type { Db } from '../open';
import type { Op, Slice, VersionVector } from '../../shared/sync/types';
import { verifyChain } from '../../shared/sync/audit-hash';
import { parseHlc, ClockDriftError } from '../../shared/sync/hlc';
import { hasSeen } from '../../shared/sync/merge';
import { AppError } from '../../shared/errors';
import { sha256Hex } from './hash';
import { identity, observe } from './identity';
import { OP_COLUMNS, OP_FIELD_COLUMNS, forgetBuilt, insertOp, toOp, winningOp, type OpRow } from './ops-store';
import { entityDef, isRegistered, runMergeChecks } from './registry';
import { Touched } from './record';
import { inSlice, sliceSets } from './slice';
import { detectConflict, type ConflictSeen } from './conflicts';
import { applyToEmptyStore, holdsNoOps } from './first-copy';

/** Newest clock held per replica. */
export function versionVector(db: Db): VersionVector {
  const rows = db.prepare('SELECT replica_id, max(hlc) AS hlc FROM ops GROUP BY replica_id').all() as { replica_id: string; hlc: string }[];
  return Object.fromEntries(rows.map((r) => [r.replica_id, r.hlc]));
}

/** The ops the other side lacks given its vector, optionally only those inside a slice; in clock order. */
export function opsSince(db: Db, theirVector: VersionVector, slice?: Slice): Op[] {
  const out: Op[] = [];
  const q = db.prepare(`SELECT ${OP_COLUMNS} FROM ops WHERE replica_id = ? AND hlc > ? ORDER BY hlc`);
  for (const replica of Object.keys(versionVector(db))) {
    for (const r of q.all(replica, theirVector[replica] ?? '') as OpRow[]) out.push(toOp(r));
  }
  out.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  if (!slice) return out;
  const sets = sliceSets(db, slice);
  const inside = out.filter((op) => op.entity !== 'user' && inSlice(db, sets, op));
  // Users go along when they wrote something inside, or belong to a chosen department.
  const authors = new Set(inside.map((op) => op.author));
  const users = out.filter((op) => op.entity === 'user' && inSlice(db, sets, op, authors));
  // A user row refers to its department: the receiver could not hold a user whose department stayed behind.
  const theirDepartments = new Set(users.filter((op) => op.field === 'department_id').map((op) => JSON.parse(op.value) as unknown));
  const departments = out.filter((op) => op.entity === 'department' && !sets.departments.has(op.entityId) && theirDepartments.has(op.entityId));
  return [...users, ...departments, ...inside].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

// The JSON text of an op as SQLite writes it: the same keys in the same order as JSON.stringify(toOp(row)).
const OP_JSON = `json_object(${OP_FIELD_COLUMNS.map(([f, c]) => `'${f}', ops.${c}`).join(', ')})`;
const SINCE = "FROM ops LEFT JOIN json_each(@vector) AS v ON v.key = ops.replica_id WHERE ops.hlc > coalesce(v.value, '')";

/**
 * What opsSince gives without a slice, as JSON text in clock order, written by SQLite into `table` (seq from 0, body) of
 * a database attached to this connection: a whole ledger's hundred thousand ops never become JavaScript objects or
 * strings. Returns how many.
 */
export function copyOpTextsSince(db: Db, theirVector: VersionVector, table: string): number {
  const sql = `INSERT INTO ${table} (seq, body) SELECT row_number() OVER (ORDER BY ops.hlc) - 1, ${OP_JSON} ${SINCE} ORDER BY ops.hlc`;
  return db.prepare(sql).run({ vector: JSON.stringify(theirVector) }).changes;
}

/** The evidence rows the ops since `theirVector` name, and the files they set. */
export function evidenceSince(db: Db, theirVector: VersionVector): { ids: Set<string>; hashes: Set<string> } {
  const ids = new Set<string>();
  const hashes = new Set<string>();
  const rows = db.prepare(`SELECT ops.entity_id AS id, ops.field, ops.value ${SINCE} AND ops.entity = 'evidence'`).all({ vector: JSON.stringify(theirVector) }) as { id: string; field: string; value: string }[];
  for (const r of rows) {
    ids.add(r.id);
    if (r.field !== 'sha256') continue;
    const v = JSON.parse(r.value) as unknown;
    if (typeof v === 'string') hashes.add(v);
  }
  return { ids, hashes };
}

export interface ApplyOptions {
  /** The sender's vector when it made the package: what it had seen. */
  senderVector: VersionVector;
  /** When the sender was given a slice: its ops outside that slice are refused. */
  allowedSlice?: Slice | undefined;
  /** Who imports (recorded as the author of conflicts found). */
  author?: string | undefined;
  /** The transport has already checked these ops' hash chain (a package is checked before its preview). */
  chainVerified?: boolean | undefined;
}

export interface EntityCounts {
  new: number;
  changed: number;
}

export interface ApplyResult {
  /** Ops stored (new to this store). */
  received: number;
  /** Ops this store already had. */
  skipped: number;
  /** Per entity: rows that did not exist before, rows whose fields changed. */
  entities: Record<string, EntityCounts>;
  conflicts: ConflictSeen[];
  refused: { replicaId: string; hlc: string; entity: string; entityId: string; field: string; reason: string }[];
}

/** Checks the ops as a whole before anything is written: same ledger, well-formed clocks, intact hashes. */
function validate(db: Db, ops: readonly Op[]): void {
  validateLedger(db, ops);
  const problems = verifyChain(ops, sha256Hex);
  if (problems.length) {
    throw new AppError('validation', '交换数据的审计链校验未通过,内容可能被改动过。未导入任何数据,请让对方重新导出。', JSON.stringify(problems.slice(0, 5)));
  }
}

/** The first op that cannot belong to `ledgerId`'s log: another ledger's, or a clock that is not its replica's. */
export function strayOp(ops: readonly Op[], ledgerId: string): { kind: 'ledger' | 'clock'; op: Op } | null {
  const foreign = ops.find((op) => op.ledgerId !== ledgerId);
  if (foreign) return { kind: 'ledger', op: foreign };
  const bad = ops.find((op) => parseHlc(op.hlc)?.node !== op.replicaId);
  return bad ? { kind: 'clock', op: bad } : null;
}

function validateLedger(db: Db, ops: readonly Op[]): void {
  const { ledgerId } = identity(db);
  const stray = strayOp(ops, ledgerId);
  if (stray?.kind === 'ledger') throw new AppError('validation', '这些数据属于另一本台账,不能合并到本台账。请确认选择的交换包。', `ledger ${stray.op.ledgerId} ≠ ${ledgerId}`);
  if (stray) throw new AppError('validation', '交换数据中的时间戳格式不对,数据可能已损坏。请让对方重新导出。', `bad hlc ${stray.op.hlc}`);
}

/** Moves this store's clock past a received one; a sender's clock far ahead of ours is refused in words. */
export function observeNewest(db: Db, hlc: string): void {
  try {
    observe(db, hlc);
  } catch (e) {
    if (!(e instanceof ClockDriftError)) throw e;
    const days = Math.round(e.aheadMs / 86_400_000);
    throw new AppError('validation', `对方电脑的时钟比本机快了约 ${days} 天,无法合并它的数据。请对方校准电脑时间后重新导出。`, e.message);
  }
}

function observeAll(db: Db, ops: readonly Op[]): void {
  for (const op of ops) observeNewest(db, op.hlc);
}

/** Packages carry their ops in clock order already; a copy and a sort of a whole ledger's are then not needed. */
function inClockOrder(ops: readonly Op[]): boolean {
  for (let i = 1; i < ops.length; i++) if (ops[i - 1]!.hlc > ops[i]!.hlc) return false;
  return true;
}

function applyInside(db: Db, ops: readonly Op[], opts: ApplyOptions): ApplyResult {
  if (!opts.chainVerified) validate(db, ops);
  else validateLedger(db, ops);
  db.pragma('defer_foreign_keys = ON');
  const result: ApplyResult = { received: 0, skipped: 0, entities: {}, conflicts: [], refused: [] };
  const sets = opts.allowedSlice ? sliceSets(db, opts.allowedSlice) : null;
  const sorted = inClockOrder(ops) ? ops : [...ops].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  if (!sets && holdsNoOps(db)) {
    // Nothing held, nothing to refuse, no earlier value to conflict with. The clock only moves to the greatest one seen.
    observeAll(db, sorted.slice(-1));
    result.entities = applyToEmptyStore(db, sorted);
    result.received = sorted.length;
    return result;
  }
  const authors = new Set(sorted.filter((op) => op.entity !== 'user').map((op) => op.author));
  const held = db.prepare('SELECT 1 FROM ops WHERE replica_id = ? AND hlc = ?');
  const hasHash = db.prepare('SELECT 1 FROM ops WHERE replica_id = ? AND hash = ?');
  const fresh: Op[] = [];
  const before = new Map<string, ReturnType<typeof winningOp>>();
  const existed = new Map<string, boolean>();
  for (const op of sorted) {
    if (held.get(op.replicaId, op.hlc)) {
      result.skipped++;
      continue;
    }
    if (sets && !inSlice(db, sets, op, authors)) {
      result.refused.push({ replicaId: op.replicaId, hlc: op.hlc, entity: op.entity, entityId: op.entityId, field: op.field, reason: '超出发给对方的范围' });
      continue;
    }
    observeAll(db, [op]);
    const fk = `${op.entity}\u0000${op.entityId}\u0000${op.field}`;
    if (!before.has(fk)) before.set(fk, winningOp(db, op.entity, op.entityId, op.field));
    const ek = `${op.entity}\u0000${op.entityId}`;
    if (!existed.has(ek)) existed.set(ek, db.prepare('SELECT 1 FROM ops WHERE entity = ? AND entity_id = ? LIMIT 1').get(op.entity, op.entityId) !== undefined);
    fresh.push(op);
  }
  const batchHashes = new Set(fresh.map((op) => `${op.replicaId}\u0000${op.hash}`));
  for (const op of fresh) {
    // A predecessor neither held nor in the batch was left out by a slice: a gap, not a deletion.
    const gap = op.prevHash !== '' && !batchHashes.has(`${op.replicaId}\u0000${op.prevHash}`) && !hasHash.get(op.replicaId, op.prevHash);
    insertOp(db, op, gap);
    result.received++;
  }
  forgetBuilt(db);
  const touched = new Touched();
  const changed = new Set<string>();
  const newest = new Map<string, Op>();
  for (const op of fresh) {
    const fk = `${op.entity}\u0000${op.entityId}\u0000${op.field}`;
    newest.set(fk, op);
    // An entity this version does not know stays in the log, to be applied by a newer one.
    if (!isRegistered(op.entity)) continue;
    // Even an op that loses its field may be the entity's first or last (its stamps): after() runs for it.
    touched.add(op.entity, op.entityId);
    const win = winningOp(db, op.entity, op.entityId, op.field);
    if (!win || win.hlc !== op.hlc || win.replicaId !== op.replicaId) continue;
    entityDef(op.entity).apply(db, op.entityId, op.field, JSON.parse(op.value) as unknown);
    changed.add(`${op.entity}\u0000${op.entityId}`);
  }
  // Per field: the newest op that came in against the value this store held before (fresh is in clock order).
  for (const [fk, op] of newest) {
    const conflict = detectConflict(db, op, before.get(fk), opts);
    if (conflict) result.conflicts.push(conflict);
  }
  const seen = new Set(result.conflicts.map((c) => c.id));
  for (const c of runMergeChecks(db, fresh, opts.author ?? '')) if (!seen.has(c.id)) result.conflicts.push(c);
  touched.finish(db);
  for (const key of changed) {
    const [entity] = key.split('\u0000') as [string];
    const c = (result.entities[entity] ??= { new: 0, changed: 0 });
    if (existed.get(key)) c.changed++;
    else c.new++;
  }
  return result;
}

/** Applies received ops in one transaction: idempotent (held ops are skipped), in any order, refusing ops outside the allowed slice. */
export function applyOps(db: Db, ops: readonly Op[], opts: ApplyOptions): ApplyResult {
  return db.transaction(() => applyInside(db, ops, opts))();
}

const ROLLBACK = Symbol('preview');

/** What applyOps would do, without changing the store: the same work in a transaction that is rolled back. */
export function previewApply(db: Db, ops: readonly Op[], opts: ApplyOptions): ApplyResult {
  let out: ApplyResult | undefined;
  try {
    db.transaction(() => {
      out = applyInside(db, ops, opts);
      throw ROLLBACK;
    })();
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
  return out!;
}

export { hasSeen };
