// Conflicts: two PCs changed the same progress status or narrative without seeing each other's change. Found by the merge, resolved by a supervisor.
import type { Db } from '../open';
import type { Change, Op } from '../../shared/sync/types';
import type { ConflictItem, ConflictSide } from '../../shared/api/exchange';
import { hasSeen } from '../../shared/sync/merge';
import { hlcTime } from '../../shared/sync/hlc';
import { STATUSES } from '../../shared/model';
import { AppError } from '../../shared/errors';
import { sha256Hex } from './hash';
import { identity } from './identity';
import { currentFields, entityStamp } from './ops-store';
import { record } from './record';
import { registerEntity } from './registry';

/**
 * What can conflict: fields of an entity that people fill in by hand, where silently losing one
 * side would lose someone's judgement. Progress status/narrative are the core's own; inspection
 * verdicts and findings register theirs (db/queries/inspections/conflicts.ts).
 */
export interface ConflictKind {
  entity: string;
  fields: readonly string[];
  /** The measure and quarter the row belongs to, and the review for an inspection's row. */
  locate(db: Db, entityId: string): { measureId: string; periodId: string; reviewId?: string | undefined };
  /**
   * The value (op JSON text) a field must keep whatever the clocks say, or null: a signed review's
   * verdicts are what the lead inspector signed. When the clocks chose another value the kind's
   * merge check restores the pinned one and lists the conflict itself.
   */
  pinned?(db: Db, entityId: string, field: string): string | null;
  /** The changes that make a resolution's value the field's value; throws a Chinese message when it may not. */
  resolve(db: Db, author: string, entityId: string, field: string, value: string): Change[];
  /** Review name and revision, for the panel's label. */
  describe?(db: Db, entityId: string): { reviewId: string; reviewName: string | null; reviewRevision: number | null } | null;
}

const kinds = new Map<string, ConflictKind>();

export function registerConflictKind(kind: ConflictKind): void {
  kinds.set(kind.entity, kind);
}

registerConflictKind({
  entity: 'progress',
  fields: ['status', 'narrative'],
  locate: (_db, entityId) => {
    const [measureId = '', periodId = ''] = entityId.split('|');
    return { measureId, periodId };
  },
  resolve: (_db, _author, entityId, field, value) => {
    if (field === 'status' && !(STATUSES as readonly string[]).includes(value)) throw new AppError('validation', `状态只能是 ${STATUSES.join('、')} 之一。`);
    return [{ entity: 'progress', entityId, field, value, measureId: entityId.split('|')[0] ?? null }];
  },
});

export interface OpSide {
  value: string;
  author: string;
  hlc: string;
  replicaId: string;
}

/** The conflict's 'detected' value: sides ordered by clock, so every PC that finds it records the same thing. */
interface Detected {
  measureId: string;
  periodId: string;
  field: string;
  winner: OpSide;
  loser: OpSide;
  /** Absent in conflicts recorded before inspections could conflict: those are progress. */
  entity?: string;
  entityId?: string;
}

export interface ConflictSeen {
  id: string;
  measureId: string;
  periodId: string;
  field: string;
}

/** Deterministic from the two ops, whichever PC finds it. */
export function conflictId(a: { replicaId: string; hlc: string }, b: { replicaId: string; hlc: string }): string {
  return sha256Hex([`${a.replicaId}@${a.hlc}`, `${b.replicaId}@${b.hlc}`].sort().join('\n')).slice(0, 32);
}

/** Records a conflict as an op (so that it travels); `id` must be the same on every PC that finds it. */
export function recordConflict(db: Db, author: string, a: { id: string; entity: string; entityId: string; field: string; winner: OpSide; loser: OpSide }): ConflictSeen {
  const kind = kinds.get(a.entity);
  if (!kind) throw new AppError('internal', '程序内部错误:遇到未知的冲突类型。请升级法治台账后再试。', `conflict kind ${a.entity}`);
  const { measureId, periodId } = kind.locate(db, a.entityId);
  const detected: Detected = { measureId, periodId, field: a.field, winner: a.winner, loser: a.loser, entity: a.entity, entityId: a.entityId };
  record(db, author, [{ entity: 'conflict', entityId: a.id, field: 'detected', value: detected, measureId }]);
  return { id: a.id, measureId, periodId, field: a.field };
}

/**
 * Called by the merge with the op that came in and the op this store held for the same field
 * before the batch. A conflict when the field is one a kind lists, the two ops come from
 * different replicas, the sender had not seen the local one (its clock is newer than the
 * sender's vector for that replica) and the values differ. The later clock has already won; the
 * conflict is recorded as an op so that it travels and every PC lists it.
 */
export function detectConflict(
  db: Db,
  incoming: Op,
  local: { hlc: string; value: string; replicaId: string; author: string } | undefined,
  opts: { senderVector: Readonly<Record<string, string>>; author?: string | undefined },
): ConflictSeen | null {
  const kind = kinds.get(incoming.entity);
  if (!kind || !kind.fields.includes(incoming.field) || !local) return null;
  if (local.replicaId === incoming.replicaId || local.value === incoming.value) return null;
  if (hasSeen(opts.senderVector, local)) return null;
  const a: OpSide = { value: incoming.value, author: incoming.author, hlc: incoming.hlc, replicaId: incoming.replicaId };
  const b: OpSide = { value: local.value, author: local.author, hlc: local.hlc, replicaId: local.replicaId };
  const [winner, loser] = a.hlc > b.hlc ? [a, b] : [b, a];
  // The clocks chose a value the field may not keep: the kind's merge check puts the pinned one back and lists it.
  const pinned = kind.pinned?.(db, incoming.entityId, incoming.field) ?? null;
  if (pinned !== null && pinned !== winner.value) return null;
  return recordConflict(db, opts.author ?? '', { id: conflictId(a, b), entity: incoming.entity, entityId: incoming.entityId, field: incoming.field, winner, loser });
}

/** A conflict row is rebuilt from its ops each time (they are few): the order they arrive in does not matter. */
function rebuild(db: Db, id: string): void {
  const f = currentFields(db, 'conflict', id);
  const d = f.get('detected') as Detected | undefined;
  if (!d) return;
  const r = (f.get('resolution') as { choice: string; value: string } | undefined) ?? null;
  const s = entityStamp(db, 'conflict', id)!;
  db.prepare(
    `INSERT INTO conflicts (id, measure_id, period_id, field, winner_value, winner_author, winner_hlc, loser_value, loser_author, loser_hlc,
       detected_at, resolution, resolved_by, resolved_at) VALUES (@id, @measureId, @periodId, @field, @wv, @wa, @wh, @lv, @la, @lh, @at, @res, @by, @rat)
     ON CONFLICT (id) DO UPDATE SET detected_at = excluded.detected_at, resolution = excluded.resolution, resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at`,
  ).run({
    id, measureId: d.measureId, periodId: d.periodId, field: d.field, wv: d.winner.value, wa: d.winner.author, wh: d.winner.hlc,
    lv: d.loser.value, la: d.loser.author, lh: d.loser.hlc, at: s.createdAt,
    res: r ? JSON.stringify(r) : null, by: r ? s.updatedBy : null, rat: r ? s.updatedAt : null,
  });
}

export function registerConflictEntity(): void {
  registerEntity({ name: 'conflict', apply: rebuild, after: rebuild, measureOf: (db, id) => (db.prepare('SELECT measure_id AS m FROM conflicts WHERE id = ?').get(id) as { m: string } | undefined)?.m ?? null });
}

interface ConflictRow {
  id: string;
  measure_id: string;
  period_id: string;
  field: string;
  winner_value: string;
  winner_author: string;
  winner_hlc: string;
  loser_value: string;
  loser_author: string;
  loser_hlc: string;
  detected_at: string;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  number: string | null;
  title: string | null;
}

const replicaOf = (hlc: string): string => hlc.slice(-16);

function toItem(db: Db, r: ConflictRow): ConflictItem {
  const name = (u: string | null): string | null => (u ? ((db.prepare('SELECT name FROM users WHERE id = ?').get(u) as { name: string } | undefined)?.name ?? null) : null);
  const side = (value: string, author: string, hlc: string): ConflictSide => ({
    value: JSON.parse(value) as string, author, authorName: name(author), at: hlcTime(hlc), hlc, replicaId: replicaOf(hlc),
  });
  const winner = side(r.winner_value, r.winner_author, r.winner_hlc);
  const loser = side(r.loser_value, r.loser_author, r.loser_hlc);
  // Mine is the side this PC (or this data folder under an earlier id) recorded; on a third PC, what it shows now.
  const me = identity(db);
  const ours = (s: ConflictSide) => s.replicaId === me.replicaId || me.formerReplicaIds.includes(s.replicaId);
  const loserIsMine = ours(loser) && !ours(winner);
  const d = currentFields(db, 'conflict', r.id).get('detected') as Detected | undefined;
  const entity = d?.entity ?? 'progress';
  const review = d?.entityId ? (kinds.get(entity)?.describe?.(db, d.entityId) ?? null) : null;
  return {
    id: r.id,
    entity,
    reviewId: review?.reviewId ?? null,
    reviewName: review?.reviewName ?? null,
    reviewRevision: review?.reviewRevision ?? null,
    measureId: r.measure_id,
    measureNumber: r.number,
    measureTitle: r.title,
    periodId: r.period_id,
    field: r.field as ConflictItem['field'],
    mine: loserIsMine ? loser : winner,
    theirs: loserIsMine ? winner : loser,
    kept: loserIsMine ? 'theirs' : 'mine',
    detectedAt: r.detected_at,
    resolution: r.resolution ? (JSON.parse(r.resolution) as ConflictItem['resolution']) : null,
    resolvedBy: r.resolved_by,
    resolvedByName: name(r.resolved_by),
    resolvedAt: r.resolved_at,
  };
}

const SELECT = `SELECT c.*, m.number, m.title FROM conflicts c LEFT JOIN measures m ON m.id = c.measure_id`;

/** Conflicts, newest first; `open` for the unresolved ones only. */
export function listConflicts(db: Db, opts: { open?: boolean | undefined } = {}): ConflictItem[] {
  const rows = db.prepare(`${SELECT} ${opts.open ? 'WHERE c.resolved_at IS NULL' : ''} ORDER BY c.detected_at DESC, c.id`).all() as ConflictRow[];
  return rows.map((r) => toItem(db, r));
}

export function getConflict(db: Db, id: string): ConflictItem {
  const r = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ConflictRow | undefined;
  if (!r) throw new AppError('not_found', '找不到这条冲突记录,它可能已被处理。请刷新后重试。');
  return toItem(db, r);
}

/**
 * Resolves a conflict: keep mine, take theirs, or an edited value. Both the chosen value (the
 * field's op, skipped when it is already the value) and the resolution are ops, so the decision
 * reaches every PC.
 */
export function resolveConflict(db: Db, author: string, id: string, choice: 'mine' | 'theirs' | { value: string }): ConflictItem {
  return db.transaction(() => {
    const c = getConflict(db, id);
    const d = currentFields(db, 'conflict', id).get('detected') as Detected;
    const entity = d.entity ?? 'progress';
    const entityId = d.entityId ?? `${c.measureId}|${c.periodId}`;
    const kind = kinds.get(entity);
    if (!kind) throw new AppError('conflict', '这条冲突属于本版本不认识的数据,无法在这里处理。请升级法治台账后再试。');
    const value = choice === 'mine' ? c.mine.value : choice === 'theirs' ? c.theirs.value : choice.value;
    record(db, author, [
      ...kind.resolve(db, author, entityId, c.field, value),
      { entity: 'conflict', entityId: id, field: 'resolution', value: { choice: typeof choice === 'string' ? choice : 'edit', value }, measureId: c.measureId },
    ]);
    return getConflict(db, id);
  })();
}
