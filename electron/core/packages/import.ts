// Reading a package into the store: every check first, then a preview, then evidence files and one transaction.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/open';
import { latestVersion } from '../../../db/migrate';
import { removeBlob } from '../../../db/evidence-store/sweep';
import { isUnused } from '../../../db/evidence-store/check';
import { systemUser } from '../../../db/queries/users';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../../../shared/ids';
import { addPackage, findPackage, getOrigin, getPeer, setOrigin, upsertPeer } from './bookkeeping';
import { damaged, type CryptOptions } from './crypto';
import { storePackageBlobs } from './blobs-in';
import type { PackageReader } from './container';
import type { Manifest, PackageSlice, ReceiptBody } from './manifest';
import { openPackage, type OpenedPackage } from './open';
import { adopt, apply, checkChain, isEmptyStore, preview, storeIdentity, storeVector, type Op, type Preview } from './sync-port';

export interface Inspection {
  manifest: Manifest;
  encrypted: boolean;
  /** The store is empty and becomes a working copy of the package's ledger. */
  clone: boolean;
  allowedSlice: PackageSlice | null;
  preview: Preview;
}

function refuse(message: string, detail?: string): AppError {
  return new AppError('validation', message, detail);
}

function checkManifest(db: Db, m: Manifest): { clone: boolean } {
  if (m.schemaVersion > latestVersion()) {
    throw refuse(`该交换包来自更新版本的法治台账(数据版本 ${m.schemaVersion},本程序支持到 ${latestVersion()})。请先升级法治台账,再导入。`);
  }
  const me = storeIdentity(db);
  const clone = isEmptyStore(db);
  if (!clone && m.ledgerId !== me.ledgerId) {
    throw refuse(`该交换包属于另一本台账(“${m.ledgerTitle || m.ledgerId}”),不能导入本台账。请确认U盘上的文件是发给本单位的。`, `ledger ${m.ledgerId} vs ${me.ledgerId}`);
  }
  if (m.senderReplicaId === me.replicaId) throw refuse('这是本机自己导出的交换包,无需导入。');
  if (findPackage(db, m.packageId)?.direction === 'received') {
    throw new AppError('duplicate_import', '该交换包此前已导入过,本次未作任何修改。');
  }
  if (!clone && !knownSender(db, m)) {
    throw refuse('该交换包来自本机不认识的台账副本(既不是本机发出的包所建立的副本,也未曾与本机交换过)。请确认来源,或先由台账所在单位向对方发包。', `sender ${m.senderReplicaId}`);
  }
  return { clone };
}

/** A sender is known when we exchanged with it, hold its changes, set it up, or were set up by it. */
function knownSender(db: Db, m: Manifest): boolean {
  if (getPeer(db, m.senderReplicaId)) return true;
  if (storeVector(db)[m.senderReplicaId]) return true;
  if (m.origin && findPackage(db, m.origin.packageId)?.direction === 'sent') return true;
  return getOrigin(db)?.senderReplicaId === m.senderReplicaId;
}

/** What a sender may change: the slice we gave it (by peer record or by the package it was set up from); null is anything. */
function allowedSliceFor(db: Db, m: Manifest): PackageSlice | null {
  const peer = getPeer(db, m.senderReplicaId);
  if (peer?.slice) return peer.slice;
  const given = m.origin ? findPackage(db, m.origin.packageId) : null;
  if (given?.direction === 'sent' && given.slice) return given.slice;
  return null;
}

function readCheckedOps(reader: PackageReader): Op[] {
  const m = reader.manifest;
  const ops = reader.readOps<Op>();
  if (ops.some((op) => op.ledgerId !== m.ledgerId)) throw damaged('op of another ledger');
  const problems = checkChain(ops);
  if (problems.length > 0) {
    throw new AppError('validation', `交换包中的修改记录未通过审计链校验(${problems[0]!.detail}),可能被删改或调换过顺序,未导入任何内容。请向发送方重新索取。`, JSON.stringify(problems.slice(0, 5)));
  }
  return ops;
}

/** Opens and checks a package and says what importing it would do; changes nothing. The caller disposes `opened`. */
export async function inspectPackage(
  db: Db,
  dataDir: string,
  file: string,
  passphrase: string | undefined,
  o: CryptOptions & { preview?: boolean } = {},
): Promise<{ opened: OpenedPackage; inspection: Inspection; ops: Op[] }> {
  const opened = await openPackage(file, dataDir, passphrase, o);
  try {
    const m = opened.reader.manifest;
    if (m.kind === 'receipt') throw refuse('这是一份回执,不是交换包。请在“交换”中选择“导入回执”。');
    const { clone } = checkManifest(db, m);
    const ops = readCheckedOps(opened.reader);
    const allowedSlice = clone ? null : allowedSliceFor(db, m);
    // The dry run costs as much as the merge itself: only the screen's preview asks for it.
    const p = o.preview === false ? { apply: ops.length, skip: 0, conflicts: [], refused: [] } : preview(db, ops, { senderVector: m.senderVector, allowedSlice, clone });
    return { opened, ops, inspection: { manifest: m, encrypted: opened.encrypted, clone, allowedSlice, preview: p } };
  } catch (e) {
    opened.dispose();
    throw e;
  }
}

export interface ImportResult {
  packageId: string;
  senderReplicaId: string;
  kind: Manifest['kind'];
  clone: boolean;
  applied: number;
  skipped: number;
  refused: number;
  conflicts: number;
  blobs: number;
  receipt: ReceiptBody;
}

export interface ImportOptions extends CryptOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((fraction: number | null, step: string) => void) | undefined;
}

async function undoBlobs(db: Db, dataDir: string, created: readonly string[]): Promise<void> {
  for (const sha of created) if (isUnused(db, sha)) await removeBlob(dataDir, sha).catch(() => undefined);
}

/** Imports a package: checks, evidence files, then one transaction for the operations and this replica's bookkeeping. */
export async function importPackage(db: Db, dataDir: string, file: string, passphrase: string | undefined, o: ImportOptions = {}): Promise<ImportResult> {
  o.onProgress?.(null, '正在校验交换包');
  const { opened, ops, inspection } = await inspectPackage(db, dataDir, file, passphrase, { ...o, preview: false });
  try {
    const m = inspection.manifest;
    const total = m.counts.blobBytes;
    let done = 0;
    const stored = await storePackageBlobs(dataDir, opened.reader, {
      signal: o.signal,
      onBytes: (n) => o.onProgress?.(total ? (done += n) / total : null, '正在写入佐证材料'),
    });
    if (o.signal?.aborted) {
      stored.release();
      await undoBlobs(db, dataDir, stored.created);
      throw new AppError('cancelled', '操作已取消,未导入任何内容。');
    }
    o.onProgress?.(1, '正在合并修改');
    const at = nowIso();
    let counts: { applied: number; skipped: number; refused: number; conflicts: number };
    try {
      counts = db.transaction(() => {
        if (inspection.clone) {
          adopt(db, m.ledgerId);
          setOrigin(db, m.packageId, m.senderReplicaId);
          upsertPeer(db, { replicaId: m.senderReplicaId, label: '台账发出方', vector: m.senderVector, at });
        }
        const c = apply(db, ops, { senderVector: m.senderVector, allowedSlice: inspection.allowedSlice, clone: inspection.clone });
        // A working copy needs someone to act as at the command line.
        if (inspection.clone) systemUser(db);
        const given = m.origin ? findPackage(db, m.origin.packageId) : null;
        upsertPeer(db, {
          replicaId: m.senderReplicaId,
          vector: m.senderVector,
          ...(given?.direction === 'sent' && !getPeer(db, m.senderReplicaId) ? { label: given.label, slice: given.slice, originPackageId: m.origin!.packageId } : {}),
          at,
        });
        // Received packages are listed under the name we know the sender by (its slice's department), not the label it wrote.
        const label = getPeer(db, m.senderReplicaId)?.label || m.label;
        addPackage(db, m, { direction: 'received', peerReplicaId: m.senderReplicaId, label, fileName: path.basename(file), size: fs.statSync(file).size, at, applied: { ...c, blobs: m.counts.blobs } });
        return c;
      })();
    } catch (e) {
      stored.release();
      await undoBlobs(db, dataDir, stored.created);
      throw e;
    }
    stored.release();
    const me = storeIdentity(db);
    const receipt: ReceiptBody = { packageId: m.packageId, receiverReplicaId: me.replicaId, importedAt: at, ...counts, blobs: m.counts.blobs };
    return { packageId: m.packageId, senderReplicaId: m.senderReplicaId, kind: m.kind, clone: inspection.clone, ...counts, blobs: m.counts.blobs, receipt };
  } finally {
    opened.dispose();
  }
}
