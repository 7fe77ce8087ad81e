// Calls of the exchange (交换) screen's package transport: export and import packages as jobs, import receipts, the packages' ledger.
import { z } from 'zod';
import { call } from './define';
import type { JobStatus } from './jobs';

const id = z.string().min(1).max(200);
const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, '季度应写成 2024-Q3 这样的形式');
/** A passphrase as typed; empty means none. */
const passphrase = z.string().max(1000, '口令不能超过 1000 个字符').optional();

/** A package file: uploaded to the loopback host (its id), or a path the Electron shell gave. */
const source = z
  .object({ uploadId: z.string().regex(/^[0-9a-f-]{36}$/).optional(), path: z.string().min(1).max(4000).optional() })
  .strict()
  .refine((s) => !!s.uploadId !== !!s.path, '请选择一个交换包文件');

export const exportArgs = z
  .object({
    kind: z.enum(['ledger', 'slice', 'return']),
    planIds: z.array(id).max(1000).optional(),
    departments: z.array(z.string().min(1).max(200)).max(1000).optional(),
    periods: z.array(quarter).max(400).optional(),
    peerReplicaId: id.optional(),
    label: z.string().trim().max(200).optional(),
    passphrase,
  })
  .strict();

export interface ExchangePackage {
  id: string;
  direction: 'sent' | 'received';
  kind: 'ledger' | 'slice' | 'return' | 'receipt';
  peerReplicaId: string | null;
  label: string;
  fileName: string;
  size: number;
  ops: number;
  blobs: number;
  at: string;
  applied: Record<string, number> | null;
  receipts: { receiverReplicaId: string; importedAt: string; applied: Record<string, number> }[];
}

export interface ExchangePeer {
  replicaId: string;
  label: string;
  hasSlice: boolean;
}

export interface ExchangeOverview {
  ledgerId: string;
  replicaId: string;
  packages: ExchangePackage[];
  peers: ExchangePeer[];
  /** Departments sent a slice with nothing received from them since. */
  owed: { label: string; sentAt: string; packageId: string }[];
}

export interface ExportDone {
  packageId: string;
  fileName: string;
  size: number;
  ops: number;
  blobs: number;
  encrypted: boolean;
  /** GET /exports/<id> serves the file (a download in the browser, a save dialog in Electron). */
  downloadUrl: string;
}

export interface PackagePreview {
  packageId: string;
  kind: 'ledger' | 'slice' | 'return';
  label: string;
  ledgerTitle: string;
  senderReplicaId: string;
  createdAt: string;
  encrypted: boolean;
  clone: boolean;
  counts: { ops: number; blobs: number; blobBytes: number };
  apply: number;
  skip: number;
  conflicts: { id: string; measureId: string; periodId: string; field: string }[];
  refused: { entity: string; entityId: string; field: string; reason: string }[];
}

export interface ImportDone {
  packageId: string;
  clone: boolean;
  applied: number;
  skipped: number;
  refused: number;
  conflicts: number;
  blobs: number;
  receiptFileName: string;
  receiptUrl: string;
}

export interface ReceiptDone {
  packageId: string;
  receiverReplicaId: string;
  new: boolean;
}

export const packageCalls = {
  'exchange.overview': call<ExchangeOverview>()(z.object({}).strict()),
  'exchange.export': call<JobStatus>()(exportArgs),
  'exchange.inspect': call<JobStatus>()(z.object({ source, passphrase }).strict()),
  'exchange.import': call<JobStatus>()(z.object({ source, passphrase }).strict()),
  'exchange.importReceipt': call<ReceiptDone>()(z.object({ source }).strict()),
};
