// Reading a package into the store: every check first, then a preview, then evidence files and one transaction.
import fs from 'node:fs';
import path from 'node:path';
import { rollbackJournalWhileFilling, type Db } from '../../../db/open';
import { latestVersion } from '../../../db/migrate';
import { removeBlob } from '../../../db/evidence-store/sweep';
import { isUnused } from '../../../db/evidence-store/check';
import { systemUser } from '../../../db/queries/users';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../../../shared/ids';
import { addPackage, findPackage, getOrigin, getPeer, setOrigin, upsertPeer } from './bookkeeping';
import { damaged, type CryptOptions } from './crypto';
import { CHAIN_THREAD_FROM, ChainCheck } from './chain-check';
import { EvidenceCopy } from './evidence-copy';
import { checkedOps } from './ops-check';
import type { Manifest, PackageSlice, ReceiptBody } from './manifest';
import { openPackage, tmpName, type OpenedPackage } from './open';
import { attachCheckedSnapshot, attachOpsPart } from './snapshot-check';
import {
  adopt,
  apply,
  detachSnapshot,
  holdsNoLedgerRows,
  isEmptyStore,
  preview,
  restoreSnapshot,
  storeIdentity,
  storeVector,
  type Op,
  type Preview,
} from './sync-port';

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

/** Opens a package and checks its manifest against this store; the caller disposes `opened`. */
async function openChecked(db: Db, dataDir: string, file: string, passphrase: string | undefined, o: CryptOptions): Promise<{ opened: OpenedPackage; clone: boolean }> {
  const opened = await openPackage(file, dataDir, passphrase, o);
  try {
    const m = opened.reader.manifest;
    if (m.kind === 'receipt') throw refuse('这是一份回执,不是交换包。请在“交换”中选择“导入回执”。');
    return { opened, ...checkManifest(db, m) };
  } catch (e) {
    opened.dispose();
    throw e;
  }
}

/** Opens and checks a package and says what importing it would do; changes nothing. The caller disposes `opened`. */
export async function inspectPackage(
  db: Db,
  dataDir: string,
  file: string,
  passphrase: string | undefined,
  o: CryptOptions = {},
): Promise<{ opened: OpenedPackage; inspection: Inspection; ops: Op[] }> {
  const { opened, clone } = await openChecked(db, dataDir, file, passphrase, o);
  try {
    const m = opened.reader.manifest;
    const ops = checkedOps(opened.reader);
    const allowedSlice = clone ? null : allowedSliceFor(db, m);
    const p = preview(db, ops, { senderVector: m.senderVector, allowedSlice, clone });
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
  /** A new working copy that took the ledger's tables in whole (db/sync/snapshot.ts) instead of replaying the operations. */
  fromSnapshot: boolean;
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
  /** From how many operations the audit chain is checked on a thread of its own (tests lower it to try that path). */
  chainThreadFrom?: number | undefined;
  /** From how many bytes of evidence to copy two threads share the files (tests lower it to try that path). */
  sharedCopyFrom?: number | undefined;
  /** false: evidence is written through the page cache even where it could go past it (tests try that path). */
  unbufferedCopy?: boolean | undefined;
  /** false: a new working copy replays the operations even when the package carries the ledger's tables (tests compare the two). */
  snapshot?: boolean | undefined;
}

/** A new working copy takes a whole-ledger package's tables in whole when they were made by this schema into an empty store. */
function takesSnapshot(db: Db, m: Manifest, clone: boolean, o: ImportOptions): boolean {
  return clone && o.snapshot !== false && m.parts.snapshot?.schemaVersion === latestVersion() && holdsNoLedgerRows(db);
}

async function undoBlobs(db: Db, dataDir: string, created: readonly string[]): Promise<void> {
  for (const sha of created) if (isUnused(db, sha)) await removeBlob(dataDir, sha).catch(() => undefined);
}

/**
 * About how long merging keeps this thread busy, from how long reading took on this PC: the operations for a merge, the
 * snapshot for a new copy taking it. Measured for a whole ledger of 120,000 operations: the merge 2.4–3.5 s, reading the
 * operations 0.7–1.1 s; restoring the snapshot 1.2–2.3 s, bringing it out of the package 0.1–0.14 s. A fixed pace per
 * operation would be wrong on PCs faster or slower than ours, and starting the merge too late leaves this thread idle
 * while the copy runs.
 */
function mergeEstimateMs(readMs: number, snapshot: boolean): number {
  return (snapshot ? 12 : 3.5) * readMs;
}

/**
 * restoreSnapshot, with what stops it (ops out of clock order, one op twice) named as a damaged package; the chain's
 * verdict first, as it says in better words what was done to the ops.
 */
function restored(db: Db, opTexts: string, chain: ChainCheck | null): number {
  try {
    return restoreSnapshot(db, opTexts);
  } catch (e) {
    if (e instanceof AppError) throw e;
    chain?.waitSync();
    throw damaged(`restoring the snapshot: ${String(e)}`);
  }
}

/** Stores with an import under way. */
const importing = new WeakSet<Db>();

/**
 * Imports a package: checks, then one transaction for the operations, the evidence files and this replica's bookkeeping.
 * From the moment the manifest is accepted a worker copies and checks the evidence (see evidence-copy.ts) while this
 * thread checks and merges the operations (a big package's audit chain is checked by another, see chain-check.ts); the
 * transaction commits only once the chain is good and every file is good and in place.
 */
export async function importPackage(db: Db, dataDir: string, file: string, passphrase: string | undefined, o: ImportOptions = {}): Promise<ImportResult> {
  // Two imports at once (a second window, a double click) would both pass the checks before either records its package,
  // and a new copy's snapshot can be attached once only.
  if (importing.has(db)) throw new AppError('conflict', '另一个交换包正在导入本台账。请等它完成后再导入。');
  importing.add(db);
  try {
    return await importOne(db, dataDir, file, passphrase, o);
  } finally {
    importing.delete(db);
  }
}


async function importOne(db: Db, dataDir: string, file: string, passphrase: string | undefined, o: ImportOptions): Promise<ImportResult> {
  o.onProgress?.(null, '正在校验交换包');
  const { opened, clone } = await openChecked(db, dataDir, file, passphrase, o);
  const m = opened.reader.manifest;
  let copy: EvidenceCopy;
  try {
    copy = EvidenceCopy.start(dataDir, opened.reader.file, m.parts, { sharedFrom: o.sharedCopyFrom, unbuffered: o.unbufferedCopy });
  } catch (e) {
    opened.dispose();
    throw e;
  }
  let chain: ChainCheck | null = null;
  const snapFile = takesSnapshot(db, m, clone, o) ? tmpName(dataDir, '.snap') : null;
  let snapAttached = false;
  let opsPart: { table: string; detach(): void } | null = null;
  const letGoOfSnapshot = () => {
    if (snapAttached) detachSnapshot(db);
    snapAttached = false;
    opsPart?.detach();
    opsPart = null;
  };
  try {
    if (m.parts.ops.count >= (o.chainThreadFrom ?? CHAIN_THREAD_FROM)) chain = ChainCheck.start(opened.reader.file);
    const readStart = performance.now();
    // The ops part is checked here unless its chain has a thread of its own; then a new copy taking the snapshot needs
    // nothing else of it on this thread: SQLite writes the log from the part's texts, which that thread checks.
    const ops = snapFile && chain ? [] : checkedOps(opened.reader, { chain: chain === null });
    if (snapFile) {
      opened.reader.extractSnapshot(snapFile);
      attachCheckedSnapshot(db, snapFile);
      snapAttached = true;
      opsPart = attachOpsPart(db, opened.reader);
    }
    const readMs = performance.now() - readStart;
    const allowedSlice = clone ? null : allowedSliceFor(db, m);
    const total = m.counts.blobBytes;
    await copy.nearlyDone(mergeEstimateMs(readMs, snapFile !== null), {
      signal: o.signal,
      onBytes: (copied) => o.onProgress?.(total ? (copy.presentBytes + copied) / total : null, '正在写入佐证材料'),
    });
    o.onProgress?.(1, '正在合并修改');
    const at = nowIso();
    let counts: { applied: number; skipped: number; refused: number; conflicts: number };
    // A new working copy writes the whole ledger into an empty store: once, not to the log and then again.
    const backToWal = clone ? rollbackJournalWhileFilling(db) : null;
    try {
      counts = db.transaction(() => {
        if (clone) {
          adopt(db, m.ledgerId);
          setOrigin(db, m.packageId, m.senderReplicaId);
          upsertPeer(db, { replicaId: m.senderReplicaId, label: '台账发出方', vector: m.senderVector, at });
        }
        const c = opsPart ? { applied: restored(db, opsPart.table, chain), skipped: 0, refused: 0, conflicts: 0 } : apply(db, ops, { senderVector: m.senderVector, allowedSlice, clone });
        // A working copy needs someone to act as at the command line.
        if (clone) systemUser(db);
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
        // The chain's verdict, and the rest of the evidence copy (about as long as this merge took): anything wrong rolls
        // everything back.
        chain?.waitSync();
        copy.waitSync();
        return c;
      })();
    } finally {
      // Detached first: going back to WAL applies to every attached database.
      letGoOfSnapshot();
      backToWal?.();
    }
    copy.release();
    await Promise.all([copy.ended(), chain?.ended()]);
    const me = storeIdentity(db);
    const receipt: ReceiptBody = { packageId: m.packageId, receiverReplicaId: me.replicaId, importedAt: at, ...counts, blobs: m.counts.blobs };
    return { packageId: m.packageId, senderReplicaId: m.senderReplicaId, kind: m.kind, clone, fromSnapshot: snapFile !== null, ...counts, blobs: m.counts.blobs, receipt };
  } catch (e) {
    await Promise.all([copy.discard(), chain?.discard()]);
    // Files the worker may already have placed go again unless a row refers to them; released first, as a held file counts as in use.
    const placed = [...copy.blobs];
    copy.release();
    await undoBlobs(db, dataDir, placed);
    if (o.signal?.aborted) throw new AppError('cancelled', '操作已取消,未导入任何内容。', String(e));
    throw e;
  } finally {
    letGoOfSnapshot();
    if (snapFile) fs.rmSync(snapFile, { force: true });
    opened.dispose();
  }
}
