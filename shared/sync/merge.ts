// Who wins a field: the operation with the greater clock; equal clocks are told apart by replica id (part of the HLC).
import type { Op } from './types';

/** Positive when `a` beats `b`. HLCs embed the replica id, so text order is the whole rule. */
export function compareOps(a: Pick<Op, 'hlc'>, b: Pick<Op, 'hlc'>): number {
  return a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0;
}

export function wins(candidate: Pick<Op, 'hlc'>, current: Pick<Op, 'hlc'> | null | undefined): boolean {
  return !current || compareOps(candidate, current) > 0;
}

/** The value each field ends with, whatever order the ops came in: key `entity\u0000id\u0000field`. */
export function mergeFields(ops: readonly Op[]): Map<string, Op> {
  const out = new Map<string, Op>();
  for (const op of ops) {
    const key = `${op.entity}\u0000${op.entityId}\u0000${op.field}`;
    if (wins(op, out.get(key))) out.set(key, op);
  }
  return out;
}

/** Whether a vector shows the replica had seen this op (its newest clock from that replica is at least this one). */
export function hasSeen(vector: Readonly<Record<string, string>>, op: Pick<Op, 'replicaId' | 'hlc'>): boolean {
  const seen = vector[op.replicaId];
  return seen !== undefined && seen >= op.hlc;
}
