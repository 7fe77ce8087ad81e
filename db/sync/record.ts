// record(): the one way ledger data changes. Stamps each change with the clock, chains its audit hash, stores and applies it.
import type { Db } from '../open';
import { canonicalJson, type Change, type Op } from '../../shared/sync/types';
import { opHash } from '../../shared/sync/audit-hash';
import { entityDef, type EntityDef } from './registry';
import { identity, tick } from './identity';
import { chainHead, forgetBuilt, insertOp, winningValues } from './ops-store';
import { sha256Hex } from './hash';

/** Entities touched by a batch, in first-touch order: their after() hooks run once each at the end. */
export class Touched {
  private readonly seen = new Map<string, [string, string]>();
  add(entity: string, entityId: string): void {
    const k = `${entity}\u0000${entityId}`;
    if (!this.seen.has(k)) this.seen.set(k, [entity, entityId]);
  }
  has(entity: string, entityId: string): boolean {
    return this.seen.has(`${entity}\u0000${entityId}`);
  }
  /** Runs each touched entity's after() hook, or `hook` instead (a bulk build derives without re-stamping). */
  finish(db: Db, hook: (def: EntityDef, entityId: string) => void = (def, id) => def.after?.(db, id)): void {
    finishing.set(db, this);
    try {
      for (const [entity, id] of this.seen.values()) hook(entityDef(entity), id);
    } finally {
      finishing.delete(db);
    }
  }
}

const finishing = new WeakMap<Db, Touched>();

/** While a batch's after() hooks run: whether the batch also touched this entity (so derived data is made once). */
export function touchedInBatch(db: Db, entity: string, entityId: string): boolean {
  return finishing.get(db)?.has(entity, entityId) ?? false;
}

/**
 * Records changes made by `author` (a user id). Runs inside the caller's transaction (or its
 * own). A change whose value equals the field's current value is skipped, so saving an
 * unchanged form records nothing. Returns the ops recorded.
 */
export function record(db: Db, author: string, changes: readonly Change[]): Op[] {
  if (changes.length === 0) return [];
  return db.transaction((): Op[] => {
    // Rows may name rows created later in the same batch (a section's parent, a user's department).
    db.pragma('defer_foreign_keys = ON');
    const { ledgerId, replicaId } = identity(db);
    let prev = chainHead(db, replicaId);
    const touched = new Touched();
    const ops: Op[] = [];
    // Consecutive changes of one entity form a group: stored first, then applied (see markBuilt).
    for (let start = 0; start < changes.length; ) {
      const first = changes[start]!;
      let end = start + 1;
      while (end < changes.length && changes[end]!.entity === first.entity && changes[end]!.entityId === first.entityId) end++;
      const def = entityDef(first.entity);
      const group: Op[] = [];
      const current = winningValues(db, first.entity, first.entityId);
      for (const c of changes.slice(start, end)) {
        const value = canonicalJson(c.value);
        const old = current.get(c.field);
        if (old === value) continue;
        current.set(c.field, value);
        const body = {
          ledgerId,
          replicaId,
          hlc: tick(db),
          author,
          entity: c.entity,
          entityId: c.entityId,
          field: c.field,
          value,
          measureId: c.measureId !== undefined ? c.measureId : (def.measureOf?.(db, c.entityId) ?? null),
          oldValue: old ?? null,
        };
        const op: Op = { ...body, prevHash: prev, hash: opHash(sha256Hex, prev, body) };
        insertOp(db, op);
        prev = op.hash;
        group.push(op);
      }
      forgetBuilt(db);
      for (const op of group) def.apply(db, op.entityId, op.field, JSON.parse(op.value) as unknown);
      if (group.length) touched.add(first.entity, first.entityId);
      ops.push(...group);
      start = end;
    }
    touched.finish(db);
    return ops;
  })();
}
