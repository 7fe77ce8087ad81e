// Handlers of the exchange calls: export and import run as jobs (progress, cancel); receipts and the overview answer at once.
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../dispatch';
import { currentUser, type AppContext } from '../context';
import { startJob } from '../jobs';
import { newExport } from '../reports/exports';
import { sourceFile } from '../exchange/files';
import { exportPackage, writeReceipt } from '../../core/packages/export';
import { importPackage, inspectPackage } from '../../core/packages/import';
import { importReceipt } from '../../core/packages/receipt';
import { listPackages, listPeers, owedReturns } from '../../core/packages/bookkeeping';
import { isEmptyStore, storeIdentity } from '../../core/packages/sync-port';
import type { PackagePreview } from '../../../shared/api/packages';

type PackageHandlers = Pick<Handlers, 'exchange.overview' | 'exchange.export' | 'exchange.inspect' | 'exchange.import' | 'exchange.importReceipt'>;

function stamp(): string {
  return new Date().toISOString().slice(0, 10).replace(/-/g, '');
}

/** Changing the ledger needs a chosen user; exporting is reading, but the screen asks the same. */
function requireUser(ctx: AppContext): void {
  currentUser(ctx);
}

/** A PC with no ledger yet may become a working copy before anyone has a user there (users come with the ledger). */
function requireUserUnlessEmpty(ctx: AppContext): void {
  if (!isEmptyStore(ctx.db)) currentUser(ctx);
}

export const packageHandlers: PackageHandlers = {
  'exchange.overview': (ctx) => {
    const id = storeIdentity(ctx.db);
    return {
      ledgerId: id.ledgerId,
      replicaId: id.replicaId,
      packages: listPackages(ctx.db),
      peers: listPeers(ctx.db).map((p) => ({ replicaId: p.replicaId, label: p.label, hasSlice: !!p.slice })),
      owed: owedReturns(ctx.db),
    };
  },
  'exchange.export': (ctx, a) => {
    requireUser(ctx);
    const slice = { ...(a.planIds?.length ? { planIds: a.planIds } : {}), ...(a.departments?.length ? { departments: a.departments } : {}), ...(a.periods?.length ? { periods: a.periods } : {}) };
    const who = a.label || a.departments?.join('、') || (a.kind === 'ledger' ? '整本台账' : '交换包');
    const out = newExport(ctx.dataDir, `${who}-${stamp()}.fzpkg`);
    fs.mkdirSync(path.dirname(out.path), { recursive: true });
    return startJob(
      'exchange.export',
      async (c) => {
        try {
          const r = await exportPackage(
            ctx.db,
            ctx.dataDir,
            { kind: a.kind, slice, peerReplicaId: a.peerReplicaId, label: who, passphrase: a.passphrase || undefined },
            out.path,
            { signal: c.signal, onProgress: (p, step) => c.report(p, step) },
          );
          ctx.log.info(`exchange export ${r.packageId} (${a.kind}) ${r.ops} op(s), ${r.blobs} file(s)`);
          return { packageId: r.packageId, fileName: path.basename(out.path), size: r.size, ops: r.ops, blobs: r.blobs, encrypted: r.encrypted, downloadUrl: `/exports/${out.exportId}` };
        } catch (e) {
          fs.rmSync(path.dirname(out.path), { recursive: true, force: true });
          throw e;
        }
      },
      (e) => ctx.log.error('exchange.export', e),
    );
  },
  'exchange.inspect': (ctx, a) => {
    const file = sourceFile(ctx.dataDir, a.source);
    return startJob(
      'exchange.inspect',
      async (): Promise<PackagePreview> => {
        const { opened, inspection: i } = await inspectPackage(ctx.db, ctx.dataDir, file, a.passphrase || undefined);
        opened.dispose();
        const m = i.manifest;
        return {
          packageId: m.packageId,
          kind: m.kind === 'receipt' ? 'return' : m.kind,
          label: m.label,
          ledgerTitle: m.ledgerTitle,
          senderReplicaId: m.senderReplicaId,
          createdAt: m.createdAt,
          encrypted: i.encrypted,
          clone: i.clone,
          counts: m.counts,
          apply: i.preview.apply,
          skip: i.preview.skip,
          conflicts: i.preview.conflicts.slice(0, 500),
          refused: i.preview.refused.slice(0, 500),
        };
      },
      (e) => ctx.log.error('exchange.inspect', e),
    );
  },
  'exchange.import': (ctx, a) => {
    requireUserUnlessEmpty(ctx);
    const file = sourceFile(ctx.dataDir, a.source);
    return startJob(
      'exchange.import',
      async (c) => {
        const r = await importPackage(ctx.db, ctx.dataDir, file, a.passphrase || undefined, { signal: c.signal, onProgress: (p, step) => c.report(p, step) });
        const out = newExport(ctx.dataDir, `回执-${stamp()}-${r.packageId.slice(0, 8)}.fzpkg`);
        fs.mkdirSync(path.dirname(out.path), { recursive: true });
        writeReceipt(ctx.db, r.receipt, r.senderReplicaId, out.path);
        ctx.log.info(`exchange import ${r.packageId}: ${r.applied} applied, ${r.conflicts} conflict(s), ${r.refused} refused${r.fromSnapshot ? ', new copy from the ledger snapshot' : ''}`);
        return { packageId: r.packageId, clone: r.clone, applied: r.applied, skipped: r.skipped, refused: r.refused, conflicts: r.conflicts, blobs: r.blobs, receiptFileName: path.basename(out.path), receiptUrl: `/exports/${out.exportId}` };
      },
      (e) => ctx.log.error('exchange.import', e),
    );
  },
  'exchange.importReceipt': async (ctx, a) => {
    const r = await importReceipt(ctx.db, ctx.dataDir, sourceFile(ctx.dataDir, a.source));
    return { packageId: r.packageId, receiverReplicaId: r.receiverReplicaId, new: r.new };
  },
};
