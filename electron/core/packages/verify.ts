// Checks a package file on its own, against nothing in the store: decryption, manifest, every part's hash, the audit chain.
import type { CryptOptions } from './crypto';
import type { Manifest } from './manifest';
import { openPackage } from './open';
import { checkedOps } from './ops-check';
import { verifySnapshot } from './snapshot-check';

export interface VerifyReport {
  ok: true;
  packageId: string;
  kind: Manifest['kind'];
  encrypted: boolean;
  ledgerId: string;
  ledgerTitle: string;
  senderReplicaId: string;
  label: string;
  createdAt: string;
  slice: Manifest['slice'];
  counts: Manifest['counts'];
}

export async function verifyPackageFile(dataDir: string, file: string, passphrase: string | undefined, o: CryptOptions & { signal?: AbortSignal } = {}): Promise<VerifyReport> {
  const opened = await openPackage(file, dataDir, passphrase, o);
  try {
    const r = opened.reader;
    const m = r.manifest;
    checkedOps(r);
    verifySnapshot(r, dataDir);
    await r.verifyBlobs({ signal: o.signal });
    return {
      ok: true,
      packageId: m.packageId,
      kind: m.kind,
      encrypted: opened.encrypted,
      ledgerId: m.ledgerId,
      ledgerTitle: m.ledgerTitle,
      senderReplicaId: m.senderReplicaId,
      label: m.label,
      createdAt: m.createdAt,
      slice: m.slice,
      counts: m.counts,
    };
  } finally {
    opened.dispose();
  }
}
