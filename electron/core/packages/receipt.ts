// Receipts (回执): the receiver's word that a package arrived, what it applied, and what the receiver now holds.
import type { Db } from '../../../db/open';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../../../shared/ids';
import { addReceipt, findPackage, getPeer, upsertPeer } from './bookkeeping';
import { openPackage } from './open';
import { storeIdentity } from './sync-port';

export interface ReceiptImportResult {
  packageId: string;
  receiverReplicaId: string;
  importedAt: string;
  applied: number;
  conflicts: number;
  refused: number;
  /** False when this receipt had been imported before (nothing changed). */
  new: boolean;
}

export async function importReceipt(db: Db, dataDir: string, file: string): Promise<ReceiptImportResult> {
  const opened = await openPackage(file, dataDir, undefined);
  try {
    const m = opened.reader.manifest;
    const r = m.receipt;
    if (m.kind !== 'receipt' || !r) throw new AppError('validation', '这是一个交换包,不是回执。请在“交换”中选择“导入交换包”。');
    opened.reader.readOps();
    const me = storeIdentity(db);
    if (m.ledgerId !== me.ledgerId) throw new AppError('validation', '该回执属于另一本台账,与本台账无关。请确认文件来源。');
    if (r.receiverReplicaId !== m.senderReplicaId) throw new AppError('validation', '回执内容前后不一致,可能已损坏。请让对方重新导出回执。');
    const sent = findPackage(db, r.packageId);
    if (sent?.direction !== 'sent') throw new AppError('not_found', '该回执对应的交换包不是本机发出的,无法登记。请确认回执是否发错了单位。');
    const isNew = db.transaction(() => {
      const added = addReceipt(db, r, nowIso());
      // The same receipt again changes nothing, not even when we last heard from the receiver.
      if (!added) return false;
      const fresh = !getPeer(db, r.receiverReplicaId);
      upsertPeer(db, {
        replicaId: r.receiverReplicaId,
        vector: m.senderVector,
        ...(fresh ? { label: sent.label, slice: sent.slice, originPackageId: r.packageId } : {}),
        at: nowIso(),
      });
      return added;
    })();
    return { packageId: r.packageId, receiverReplicaId: r.receiverReplicaId, importedAt: r.importedAt, applied: r.applied, conflicts: r.conflicts, refused: r.refused, new: isNew };
  } finally {
    opened.dispose();
  }
}
