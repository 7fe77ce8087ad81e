// The package manifest: what a package says about itself, checked with zod before anything in it is trusted.
import { z } from 'zod';

/**
 * Version of the package file layout; a reader refuses any greater one. 2: a whole ledger carries a snapshot of its
 * tables; 3: that snapshot leaves the log out (the receiver writes it from the ops part), which a reader of 2 would take
 * for a damaged snapshot. A reader of 3 still takes 2's snapshots, ignoring the log in them.
 */
export const FORMAT_VERSION = 3;
/** Packages without a snapshot keep the first layout, so that a PC not yet updated still reads them. */
export const FORMAT_WITHOUT_SNAPSHOT = 1;
export const FORMAT_NAME = 'fazhi-ledger-package';

const id = z.string().min(1).max(200);
const vector = z.record(z.string().min(1).max(200), z.string().min(1).max(200));

export const sliceSchema = z
  .object({
    planIds: z.array(id).max(10_000).optional(),
    sectionIds: z.array(id).max(100_000).optional(),
    departments: z.array(z.string().min(1).max(200)).max(1_000).optional(),
    periods: z.array(z.string().regex(/^\d{4}-Q[1-4]$/)).max(400).optional(),
  })
  .strict();
export type PackageSlice = z.infer<typeof sliceSchema>;

export const PACKAGE_KINDS = ['ledger', 'slice', 'return', 'receipt'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

const sha = z.string().regex(/^[0-9a-f]{64}$/);

export const receiptSchema = z
  .object({
    /** The package this receipt acknowledges. */
    packageId: id,
    /** Where it was applied. */
    receiverReplicaId: id,
    importedAt: z.string().max(40),
    applied: z.number().int().min(0),
    skipped: z.number().int().min(0),
    refused: z.number().int().min(0),
    conflicts: z.number().int().min(0),
    blobs: z.number().int().min(0),
  })
  .strict();
export type ReceiptBody = z.infer<typeof receiptSchema>;

export const manifestSchema = z
  .object({
    format: z.literal(FORMAT_NAME),
    formatVersion: z.number().int().min(1),
    appVersion: z.string().max(40),
    schemaVersion: z.number().int().min(0),
    packageId: id,
    kind: z.enum(PACKAGE_KINDS),
    createdAt: z.string().max(40),
    ledgerId: id,
    ledgerTitle: z.string().max(500),
    senderReplicaId: id,
    /** The package of ours the sender was set up from, when it is a working copy; lets the receiver know it. */
    origin: z.object({ packageId: id, senderReplicaId: id }).strict().nullable(),
    receiverReplicaId: id.nullable(),
    /** Who it is for, as the sender wrote it (a department's name, 督察组…), for people only. */
    label: z.string().max(500),
    slice: sliceSchema.nullable(),
    /** What the sender believed the receiver holds; the ops are everything after it. */
    receiverVector: vector,
    senderVector: vector,
    counts: z.object({ ops: z.number().int().min(0), blobs: z.number().int().min(0), blobBytes: z.number().int().min(0) }).strict(),
    parts: z
      .object({
        ops: z.object({ sha256: sha, count: z.number().int().min(0) }).strict(),
        blobs: z.array(z.object({ sha256: sha, size: z.number().int().min(0) }).strict()).max(10_000_000),
        /** Whole-ledger packages (format 2 and up): the ledger's tables, for an empty store of the same schema (db/sync/snapshot.ts). */
        snapshot: z.object({ sha256: sha, size: z.number().int().min(0), schemaVersion: z.number().int().min(0) }).strict().optional(),
      })
      .strict(),
    receipt: receiptSchema.nullable(),
  })
  .strict();
export type Manifest = z.infer<typeof manifestSchema>;
