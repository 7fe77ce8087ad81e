// This replica's own account of its exchanges: packages sent and received, receipts, peers, its origin.
// Local bookkeeping, not ledger data: nothing here travels or is recorded as operations.
import type { Db } from '../../../db/open';
import type { Manifest, PackageKind, PackageSlice, ReceiptBody } from './manifest';

export type Vector = Record<string, string>;

export interface PackageEntry {
  id: string;
  direction: 'sent' | 'received';
  kind: PackageKind;
  peerReplicaId: string | null;
  label: string;
  slice: PackageSlice | null;
  fileName: string;
  size: number;
  ops: number;
  blobs: number;
  at: string;
  applied: Record<string, number> | null;
  receipts: { receiverReplicaId: string; importedAt: string; applied: Record<string, number> }[];
}

interface PackageRow {
  id: string;
  direction: 'sent' | 'received';
  kind: PackageKind;
  peer_replica_id: string | null;
  label: string;
  slice: string | null;
  file_name: string;
  size: number;
  ops: number;
  blobs: number;
  at: string;
  applied: string | null;
}

export function addPackage(
  db: Db,
  m: Manifest,
  e: { direction: 'sent' | 'received'; peerReplicaId: string | null; fileName: string; size: number; at: string; applied?: Record<string, number>; label?: string },
): void {
  db.prepare(
    `INSERT INTO exchange_packages (id, direction, kind, peer_replica_id, label, slice, file_name, size, ops, blobs, at, applied)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(m.packageId, e.direction, m.kind, e.peerReplicaId, e.label ?? m.label, m.slice ? JSON.stringify(m.slice) : null, e.fileName, e.size, m.counts.ops, m.counts.blobs, e.at, e.applied ? JSON.stringify(e.applied) : null);
}

export function findPackage(db: Db, id: string): { direction: string; slice: PackageSlice | null; kind: PackageKind; label: string; at: string } | null {
  const r = db.prepare('SELECT direction, slice, kind, label, at FROM exchange_packages WHERE id = ?').get(id) as
    | { direction: string; slice: string | null; kind: PackageKind; label: string; at: string }
    | undefined;
  return r ? { ...r, slice: r.slice ? (JSON.parse(r.slice) as PackageSlice) : null } : null;
}

export function listPackages(db: Db): PackageEntry[] {
  const receipts = db.prepare('SELECT package_id, receiver_replica_id, imported_at, applied FROM exchange_receipts ORDER BY imported_at').all() as {
    package_id: string;
    receiver_replica_id: string;
    imported_at: string;
    applied: string;
  }[];
  const byPackage = new Map<string, PackageEntry['receipts']>();
  for (const r of receipts) {
    const list = byPackage.get(r.package_id) ?? [];
    list.push({ receiverReplicaId: r.receiver_replica_id, importedAt: r.imported_at, applied: JSON.parse(r.applied) as Record<string, number> });
    byPackage.set(r.package_id, list);
  }
  return (db.prepare('SELECT * FROM exchange_packages ORDER BY at DESC, id').all() as PackageRow[]).map((r) => ({
    id: r.id,
    direction: r.direction,
    kind: r.kind,
    peerReplicaId: r.peer_replica_id,
    label: r.label,
    slice: r.slice ? (JSON.parse(r.slice) as PackageSlice) : null,
    fileName: r.file_name,
    size: r.size,
    ops: r.ops,
    blobs: r.blobs,
    at: r.at,
    applied: r.applied ? (JSON.parse(r.applied) as Record<string, number>) : null,
    receipts: byPackage.get(r.id) ?? [],
  }));
}

export function addReceipt(db: Db, r: ReceiptBody, receivedAt: string): boolean {
  const applied = { applied: r.applied, skipped: r.skipped, refused: r.refused, conflicts: r.conflicts, blobs: r.blobs };
  return (
    db
      .prepare('INSERT OR IGNORE INTO exchange_receipts (package_id, receiver_replica_id, imported_at, applied, received_at) VALUES (?, ?, ?, ?, ?)')
      .run(r.packageId, r.receiverReplicaId, r.importedAt, JSON.stringify(applied), receivedAt).changes > 0
  );
}

export interface Peer {
  replicaId: string;
  label: string;
  slice: PackageSlice | null;
  originPackageId: string | null;
  knownVector: Vector;
}

export function getPeer(db: Db, replicaId: string): Peer | null {
  const r = db.prepare('SELECT * FROM exchange_peers WHERE replica_id = ?').get(replicaId) as
    | { replica_id: string; label: string; slice: string | null; origin_package_id: string | null; known_vector: string }
    | undefined;
  if (!r) return null;
  return {
    replicaId: r.replica_id,
    label: r.label,
    slice: r.slice ? (JSON.parse(r.slice) as PackageSlice) : null,
    originPackageId: r.origin_package_id,
    knownVector: JSON.parse(r.known_vector) as Vector,
  };
}

export function listPeers(db: Db): Peer[] {
  return (db.prepare('SELECT replica_id FROM exchange_peers ORDER BY label, replica_id').pluck().all() as string[]).map((id) => getPeer(db, id)!);
}

/** The greater clock per replica of two vectors (clocks compare as strings, as the sync core writes them). */
export function mergeVectors(a: Vector, b: Vector): Vector {
  const out: Vector = { ...a };
  for (const [k, v] of Object.entries(b)) if (!out[k] || out[k] < v) out[k] = v;
  return out;
}

/** Notes a peer or what we learned of it; the known vector only grows. */
export function upsertPeer(db: Db, p: { replicaId: string; label?: string; slice?: PackageSlice | null; originPackageId?: string | null; vector?: Vector; at: string }): void {
  const old = getPeer(db, p.replicaId);
  const known = mergeVectors(old?.knownVector ?? {}, p.vector ?? {});
  db.prepare(
    `INSERT INTO exchange_peers (replica_id, label, slice, origin_package_id, known_vector, last_heard_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (replica_id) DO UPDATE SET label = excluded.label, slice = excluded.slice, origin_package_id = excluded.origin_package_id,
       known_vector = excluded.known_vector, last_heard_at = excluded.last_heard_at`,
  ).run(
    p.replicaId,
    p.label ?? old?.label ?? '',
    p.slice !== undefined ? (p.slice ? JSON.stringify(p.slice) : null) : old?.slice ? JSON.stringify(old.slice) : null,
    p.originPackageId !== undefined ? p.originPackageId : (old?.originPackageId ?? null),
    JSON.stringify(known),
    p.at,
  );
}

export function getOrigin(db: Db): { packageId: string; senderReplicaId: string } | null {
  const r = db.prepare('SELECT package_id, sender_replica_id FROM exchange_origin').get() as { package_id: string; sender_replica_id: string } | undefined;
  return r ? { packageId: r.package_id, senderReplicaId: r.sender_replica_id } : null;
}

export function setOrigin(db: Db, packageId: string, senderReplicaId: string): void {
  db.prepare('INSERT OR REPLACE INTO exchange_origin (one, package_id, sender_replica_id) VALUES (1, ?, ?)').run(packageId, senderReplicaId);
}

/**
 * Who still owes a return: for each department sent a slice, the latest such package, and whether any package has come
 * back since from a replica set up from (or given) that slice.
 */
export function owedReturns(db: Db): { label: string; sentAt: string; packageId: string }[] {
  const sent = listPackages(db).filter((p) => p.direction === 'sent' && p.kind !== 'receipt' && p.slice?.departments?.length);
  const latest = new Map<string, PackageEntry>();
  for (const p of sent) {
    const key = p.label;
    const cur = latest.get(key);
    if (!cur || cur.at < p.at) latest.set(key, p);
  }
  const peers = listPeers(db);
  const out: { label: string; sentAt: string; packageId: string }[] = [];
  for (const [label, p] of latest) {
    const replicas = peers.filter((x) => x.label === label || x.originPackageId === p.id).map((x) => x.replicaId);
    const back = db
      .prepare(`SELECT 1 FROM exchange_packages WHERE direction = 'received' AND at > ? AND peer_replica_id IN (SELECT value FROM json_each(?)) LIMIT 1`)
      .get(p.at, JSON.stringify(replicas));
    if (!back) out.push({ label, sentAt: p.at, packageId: p.id });
  }
  return out.sort((a, b) => a.label.localeCompare(b.label, 'zh'));
}
