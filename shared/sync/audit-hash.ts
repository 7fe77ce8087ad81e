// The audit chain: the canonical text of an op that its hash covers, and the checks of a chain (hashing is passed in, shared stays pure).
import type { Op } from './types';

export type HashFn = (text: string) => string;

/** Every field that travels, in a fixed order; the hash is hash(prevHash + '\n' + this). */
export function canonicalOp(op: Omit<Op, 'hash' | 'prevHash'>): string {
  return JSON.stringify([op.ledgerId, op.replicaId, op.hlc, op.author, op.entity, op.entityId, op.field, op.value, op.measureId, op.oldValue]);
}

export function opHash(hash: HashFn, prevHash: string, op: Omit<Op, 'hash' | 'prevHash'>): string {
  return chainHash(hash, prevHash, canonicalOp(op));
}

/** An op's hash from its canonical text (see opHash). */
function chainHash(hash: HashFn, prevHash: string, canonical: string): string {
  return hash(`${prevHash}\n${canonical}`);
}

export type ChainProblemKind = 'edited' | 'deleted' | 'reordered' | 'forked';

export interface ChainProblem {
  kind: ChainProblemKind;
  replicaId: string;
  hlc: string;
  /** Local row number when the problem was found in a store. */
  seq?: number | undefined;
  detail: string;
}

/**
 * Checks ops carried in a package (or any list). Rules:
 * - every op's hash must be hash(prevHash + canonical op) — else `edited`;
 * - within one replica, ops sorted by HLC: where an op's predecessor (the op whose hash is its
 *   prevHash) is in the list, it must be the op just before it — else `reordered` — and no two
 *   ops may name the same predecessor — else `forked`;
 * - a predecessor absent from the list is a gap, allowed: a slice leaves out the replica's ops on
 *   other measures, and a return package leaves out what the receiver already has. A gap is
 *   never allowed inside a run the sender marked complete; stores check their own chains fully
 *   (db/sync/audit.ts).
 */
export function verifyChain(ops: readonly Op[], hash: HashFn, seeCanonical?: (index: number, text: string) => void): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const byReplica = new Map<string, Op[]>();
  for (const [i, op] of ops.entries()) {
    const text = canonicalOp(op);
    // Made once here, so a caller checks what else it needs of it (a package, the length of each op's text) for free.
    seeCanonical?.(i, text);
    if (chainHash(hash, op.prevHash, text) !== op.hash) {
      problems.push({ kind: 'edited', replicaId: op.replicaId, hlc: op.hlc, detail: 'hash does not match content' });
    }
    const list = byReplica.get(op.replicaId) ?? [];
    list.push(op);
    byReplica.set(op.replicaId, list);
  }
  for (const [replicaId, list] of byReplica) {
    list.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
    const index = new Map(list.map((op, i) => [op.hash, i]));
    const named = new Set<string>();
    list.forEach((op, i) => {
      if (op.prevHash !== '' && named.has(op.prevHash)) problems.push({ kind: 'forked', replicaId, hlc: op.hlc, detail: 'two entries follow the same predecessor' });
      named.add(op.prevHash);
      const at = index.get(op.prevHash);
      if (at !== undefined && at !== i - 1) problems.push({ kind: 'reordered', replicaId, hlc: op.hlc, detail: `predecessor is entry ${at + 1}, not ${i}` });
    });
  }
  return problems;
}
