// The package transport's one door into the operations core (db/sync): identity, vectors, ops, preview, apply, audit.
// Everything the transport needs of the core passes here, so a later intranet transport can reuse the rest unchanged.
import type { Db } from '../../../db/open';
import { adoptLedger, applyOps, attachNewSnapshot, attachSnapshot, detachSnapshot, holdsNoLedgerRows, restoreSnapshot, snapshotProblem, strayOp, evidenceSince, identity, opsSince, copyOpTextsSince, previewApply, verifyChain, versionVector, type Op, type Slice } from '../../../db/sync/index';

export type { Op };
/** A whole ledger's tables for a new working copy, beside its ops (db/sync/snapshot.ts). */
export { attachNewSnapshot, attachSnapshot, detachSnapshot, holdsNoLedgerRows, restoreSnapshot, snapshotProblem };
/** An op that cannot belong to a ledger's log (another ledger's, a clock not its replica's). */
export { strayOp };

/** A progress status or narrative, or a review's verdict or finding, both sides changed since they last exchanged; the supervisor resolves it. */
export interface ConflictItem {
  id: string;
  measureId: string;
  periodId: string;
  field: string;
}

export interface RefusedItem {
  entity: string;
  entityId: string;
  field: string;
  reason: string;
}

export interface Preview {
  /** Operations new to this store. */
  apply: number;
  /** Operations this store already holds. */
  skip: number;
  conflicts: ConflictItem[];
  refused: RefusedItem[];
}

export function storeIdentity(db: Db): { ledgerId: string; replicaId: string } {
  const id = identity(db);
  return { ledgerId: id.ledgerId, replicaId: id.replicaId };
}

export function storeVector(db: Db): Record<string, string> {
  return versionVector(db);
}

/** A store that holds no operation yet: the first package it imports makes it a copy of that ledger. */
export function isEmptyStore(db: Db): boolean {
  return !db.prepare('SELECT 1 FROM ops LIMIT 1').get();
}

export function adopt(db: Db, ledgerId: string): void {
  adoptLedger(db, ledgerId);
}

export interface ExportPlan {
  /** Evidence rows and files the carried operations name. */
  evidence: { ids: Set<string>; hashes: Set<string> };
  /** Writes the carried operations, each as its JSON text, in clock order, into `table` (seq, body) of an attached database; returns how many. */
  writeOps(table: string): number;
}

/** What a package carries: what the receiver lacks, inside the slice when one is given. */
export function exportPlan(db: Db, receiverVector: Record<string, string>, slice: Slice | undefined): ExportPlan {
  if (!slice) return { evidence: evidenceSince(db, receiverVector), writeOps: (table) => copyOpTextsSince(db, receiverVector, table) };
  const ops = opsSince(db, receiverVector, slice);
  const ids = new Set<string>();
  const hashes = new Set<string>();
  for (const op of ops) {
    if (op.entity !== 'evidence') continue;
    ids.add(op.entityId);
    if (op.field !== 'sha256') continue;
    const v = JSON.parse(op.value) as unknown;
    if (typeof v === 'string') hashes.add(v);
  }
  const writeOps = (table: string) => {
    const put = db.prepare(`INSERT INTO ${table} (seq, body) VALUES (?, ?)`);
    ops.forEach((op, i) => put.run(i, JSON.stringify(op)));
    return ops.length;
  };
  return { evidence: { ids, hashes }, writeOps };
}

export function checkChain(ops: readonly Op[], seeCanonical?: (index: number, text: string) => void): { kind: string; detail: string }[] {
  return verifyChain(ops, seeCanonical);
}

interface ApplyOptions {
  senderVector: Record<string, string>;
  allowedSlice: Slice | null;
  clone: boolean;
}

function options(o: ApplyOptions): { senderVector: Record<string, string>; allowedSlice?: Slice; chainVerified: true } {
  // The package's ops were chain-checked when it was opened (readCheckedOps); the core need not hash them again.
  return { senderVector: o.senderVector, ...(o.allowedSlice ? { allowedSlice: o.allowedSlice } : {}), chainVerified: true };
}

export function preview(db: Db, ops: readonly Op[], o: ApplyOptions): Preview {
  // An empty store takes everything and can meet no conflict; the core's dry run would first need the ledger adopted.
  if (o.clone) return { apply: ops.length, skip: 0, conflicts: [], refused: [] };
  const p = previewApply(db, ops, options(o));
  return { apply: p.received, skip: p.skipped, conflicts: p.conflicts, refused: p.refused.map((r) => ({ entity: r.entity, entityId: r.entityId, field: r.field, reason: r.reason })) };
}

export function apply(db: Db, ops: readonly Op[], o: ApplyOptions & { author?: string | undefined }): { applied: number; skipped: number; refused: number; conflicts: number } {
  const r = applyOps(db, ops, { ...options(o), ...(o.author ? { author: o.author } : {}) });
  return { applied: r.received, skipped: r.skipped, refused: r.refused.length, conflicts: r.conflicts.length };
}
