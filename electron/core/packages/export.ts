// Writing a package: the operations the receiver lacks and the evidence files they need, to a temp name, fsynced, renamed.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../../db/open';
import { latestVersion } from '../../../db/migrate';
import { blobPath, blobSize, evidenceKey } from '../../../db/evidence-store/index';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../../../shared/ids';
import { APP_VERSION } from '../../services/version';
import { attachNewSnapshot, exportPlan, storeIdentity, storeVector } from './sync-port';
import { addPackage, getOrigin, getPeer } from './bookkeeping';
import { PackageWriter } from './container';
import { writeOpsFile, type OpsPart } from './ops-file';
import { PackageWriterThread } from './writer-thread';
import { encryptFile, type CryptOptions } from './crypto';
import { FORMAT_NAME, FORMAT_VERSION, FORMAT_WITHOUT_SNAPSHOT, type Manifest, type PackageKind, type PackageSlice, type ReceiptBody } from './manifest';
import { tmpName } from './open';
import { fsyncDirSync } from '../../../db/backup/files';

export interface ExportRequest {
  kind: Exclude<PackageKind, 'receipt'>;
  /** Slice packages: what the receiver is given (and may change). */
  slice?: PackageSlice | null | undefined;
  /** Return packages: the replica they go to (its known vector decides what is left out). */
  peerReplicaId?: string | null | undefined;
  /** Who it is for, for people: a department's name, 督察组… */
  label?: string | undefined;
  passphrase?: string | undefined;
}

export interface ExportResult {
  packageId: string;
  file: string;
  size: number;
  ops: number;
  blobs: number;
  blobBytes: number;
  encrypted: boolean;
}

export interface ExportOptions extends CryptOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((fraction: number | null, step: string) => void) | undefined;
}

/** The evidence files the carried operations refer to: rows named by evidence ops, and hashes set by them. */
function neededBlobs(db: Db, dataDir: string, evidence: { ids: Set<string>; hashes: Set<string> }): { sha256: string; size: number }[] {
  const hashes = new Set(evidence.hashes);
  const rows = db.prepare('SELECT DISTINCT sha256 FROM evidence WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify([...evidence.ids])) as string[];
  for (const r of rows) hashes.add(r);
  const out: { sha256: string; size: number }[] = [];
  for (const sha256 of [...hashes].sort()) {
    // Packages carry plaintext (encrypted as a whole with the package passphrase when one is given).
    const size = blobSize(blobPath(dataDir, sha256), evidenceKey(dataDir));
    if (size === null) throw new AppError('not_found', '本机存储中缺少要打包的佐证材料文件。请先在“佐证材料”中运行完整性检查,补齐后再导出。', `missing blob ${sha256}`);
    out.push({ sha256, size });
  }
  return out;
}

/** Writes a new file at `dest` only once it is complete: temp name beside it, fsync, rename. */
function tempBeside(dest: string): string {
  return path.join(path.dirname(dest), `.${path.basename(dest)}.${randomBytes(6).toString('hex')}.part`);
}

function baseManifest(db: Db, kind: PackageKind, extra: Partial<Manifest>): Manifest {
  const id = storeIdentity(db);
  const title = (db.prepare('SELECT title FROM plans ORDER BY imported_at LIMIT 1').pluck().get() as string | undefined) ?? '';
  return {
    format: FORMAT_NAME,
    formatVersion: FORMAT_WITHOUT_SNAPSHOT,
    appVersion: APP_VERSION,
    schemaVersion: latestVersion(),
    packageId: randomUUID(),
    kind,
    createdAt: nowIso(),
    ledgerId: id.ledgerId,
    ledgerTitle: title,
    senderReplicaId: id.replicaId,
    origin: getOrigin(db),
    receiverReplicaId: null,
    label: '',
    slice: null,
    receiverVector: {},
    senderVector: storeVector(db),
    counts: { ops: 0, blobs: 0, blobBytes: 0 },
    parts: { ops: { sha256: '', count: 0 }, blobs: [] },
    receipt: null,
    ...extra,
  };
}

/** Exports a package to `dest`. Cancel leaves nothing behind; the file appears only when complete. */
export async function exportPackage(db: Db, dataDir: string, req: ExportRequest, dest: string, o: ExportOptions = {}): Promise<ExportResult> {
  let receiverVector: Record<string, string> = {};
  let slice = req.kind === 'ledger' ? null : (req.slice ?? null);
  let label = req.label ?? '';
  let peerReplicaId: string | null = null;
  if (req.kind === 'return') {
    const peer = req.peerReplicaId ? getPeer(db, req.peerReplicaId) : null;
    if (!peer) throw new AppError('not_found', '还没有收到过对方的交换包,不知道对方已有哪些内容。请先导出“整本台账”或“部分台账”给对方。');
    receiverVector = peer.knownVector;
    slice = peer.slice;
    peerReplicaId = peer.replicaId;
    label = label || peer.label;
  }
  if (req.kind === 'slice' && !slice) throw new AppError('validation', '请选择要导出的范围(方案、部门或季度)。');
  o.onProgress?.(null, '正在整理要导出的内容');
  const plan = exportPlan(db, receiverVector, slice ?? undefined);
  const blobs = neededBlobs(db, dataDir, plan.evidence);
  const blobBytes = blobs.reduce((a, b) => a + b.size, 0);
  const encrypted = !!req.passphrase;
  const plain = encrypted ? tmpName(dataDir, '.fzpkg') : tempBeside(dest);
  const final = encrypted ? tempBeside(dest) : plain;
  let done = 0;
  const total = blobBytes * (encrypted ? 2 : 1);
  // The evidence is copied by the writer's thread from now on, while this thread has SQLite write out the operations.
  const opsFile = tmpName(dataDir, '.ops');
  // A whole ledger also carries its tables, which an empty store takes in whole (see db/sync/snapshot.ts).
  const snapFile = req.kind === 'ledger' ? tmpName(dataDir, '.snap') : null;
  const writer = PackageWriterThread.start(plain, dataDir, blobs, {
    signal: o.signal,
    onBytes: (n) => o.onProgress?.(total ? (done += n) / total : null, '正在打包佐证材料'),
  });
  try {
    // One moment of the store, nothing awaited in between: the operations carried, the tables they built and the
    // vector that names them.
    const snap = snapFile ? attachNewSnapshot(db, snapFile) : null;
    let opsPart: OpsPart;
    try {
      opsPart = writeOpsFile(db, opsFile, (table) => {
        plan.writeOps(table);
        snap?.fill();
      });
    } finally {
      snap?.detach();
    }
    const senderVector = storeVector(db);
    writer.addOps(opsPart, snapFile);
    const written = await writer.ready();
    const snapshot = written.snapshot ? { ...written.snapshot, schemaVersion: latestVersion() } : null;
    const manifest = baseManifest(db, req.kind, {
      receiverReplicaId: peerReplicaId,
      label,
      slice,
      receiverVector,
      senderVector,
      counts: { ops: opsPart.count, blobs: blobs.length, blobBytes },
      formatVersion: snapshot ? FORMAT_VERSION : FORMAT_WITHOUT_SNAPSHOT,
      parts: { ops: written.opsPart, blobs: written.blobs, ...(snapshot ? { snapshot } : {}) },
    });
    await writer.finish(manifest);
    if (encrypted) {
      o.onProgress?.(total ? done / total : null, '正在加密');
      await encryptFile(plain, final, req.passphrase!, { ...o, onBytes: (n) => o.onProgress?.(total ? Math.min(1, (done += n) / total) : null, '正在加密') });
      fs.rmSync(plain, { force: true });
    }
    if (o.signal?.aborted) throw new AppError('cancelled', '操作已取消,未保存任何内容。');
    fs.renameSync(final, dest);
    fsyncDirSync(path.dirname(dest));
    const size = fs.statSync(dest).size;
    addPackage(db, manifest, { direction: 'sent', peerReplicaId, fileName: path.basename(dest), size, at: manifest.createdAt });
    return { packageId: manifest.packageId, file: dest, size, ops: manifest.counts.ops, blobs: blobs.length, blobBytes, encrypted };
  } catch (e) {
    await writer.abort();
    fs.rmSync(plain, { force: true });
    fs.rmSync(final, { force: true });
    throw e;
  } finally {
    fs.rmSync(opsFile, { force: true });
    if (snapFile) fs.rmSync(snapFile, { force: true });
  }
}

/** Writes the receipt of an imported package: a package of kind 'receipt' carrying no ledger data. */
export function writeReceipt(db: Db, receipt: ReceiptBody, originalSender: string, dest: string): { file: string; size: number } {
  const tmp = tempBeside(dest);
  const writer = new PackageWriter(tmp);
  try {
    const manifest = baseManifest(db, 'receipt', { receiverReplicaId: originalSender, label: '回执', receipt, parts: { ops: writer.opsPart(), blobs: [] } });
    writer.finish(manifest);
    fs.renameSync(tmp, dest);
    fsyncDirSync(path.dirname(dest));
    return { file: dest, size: fs.statSync(dest).size };
  } catch (e) {
    writer.abort();
    throw e;
  }
}
