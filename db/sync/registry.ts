// The entities ops can change, each with how its ops are applied to the tables.
import type { Db } from '../open';
import { AppError } from '../../shared/errors';
import type { EntityStamp } from './ops-store';
import type { Op } from '../../shared/sync/types';

export interface EntityDef {
  name: string;
  /**
   * Applies the winning value of one field. Must be idempotent and must not depend on the order
   * fields arrive in: create the row with defaults when it is missing (the op log is the truth),
   * and never resurrect a row whose `deleted` field says it is gone.
   */
  apply(db: Db, entityId: string, field: string, value: unknown): void;
  /** The measure an entity belongs to, for history and slices (when the change does not say). */
  measureOf?(db: Db, entityId: string): string | null;
  /** Once per entity touched by a batch, after its ops are applied: stamps from the ops, derived data (search text). */
  after?(db: Db, entityId: string): void;
  /**
   * Makes the row of an entity the store has never held from the winning values of all its
   * fields at once, stamps included (a new copy taking a whole ledger builds each row once
   * instead of once per field). Entities without it are applied field by field.
   */
  build?(db: Db, entityId: string, fields: ReadonlyMap<string, unknown>, stamp: EntityStamp): void;
  /** Derived data only (no stamps), once per built entity after every row of the batch exists. */
  derive?(db: Db, entityId: string): void;
  /**
   * The row the winning values of the log make now (key columns, fields and stamps), or null when
   * the log says there is none: what `verify` compares a stored row against, so a row edited
   * without an op (re-pointed, renamed, back-dated in SQL) shows.
   */
  expected?(db: Db, entityId: string): Record<string, unknown> | null;
}

const entities = new Map<string, EntityDef>();

/** Registers (or replaces, for tests and reloads) how an entity's ops are applied. */
export function registerEntity(def: EntityDef): void {
  entities.set(def.name, def);
}

export function entityDef(name: string): EntityDef {
  const def = entities.get(name);
  if (!def) throw new AppError('internal', '程序内部错误:遇到未知的数据类型。请升级法治台账后再试。', `unregistered entity ${name}`);
  return def;
}

export function isRegistered(name: string): boolean {
  return entities.has(name);
}

/**
 * Runs once per merged batch, after its ops are applied and plain conflicts found: a domain puts
 * back what the clocks may not decide alone (a signed review's contents) and returns the conflicts
 * it recorded. Must be deterministic, so that every PC ends with the same values.
 */
export type MergeCheck = (db: Db, fresh: readonly Op[], author: string) => { id: string; measureId: string; periodId: string; field: string }[];

const mergeChecks = new Map<string, MergeCheck>();

export function registerMergeCheck(name: string, check: MergeCheck): void {
  mergeChecks.set(name, check);
}

export function runMergeChecks(db: Db, fresh: readonly Op[], author: string): { id: string; measureId: string; periodId: string; field: string }[] {
  return [...mergeChecks.values()].flatMap((check) => check(db, fresh, author));
}
