// Re-hashes stored files: each must exist under its hash and still hash to it.
import fs from 'node:fs';
import { blobPath } from './paths';
import { cancelledError } from './write';
import type { DataKey } from './data-key';
import { hashBlob } from './read';

export type BlobState = 'ok' | 'missing' | 'changed';

/** Checks the given hashes; progress counts bytes of the expected sizes so the bar moves evenly. */
export async function verifyBlobs(
  dataDir: string,
  blobs: readonly { sha256: string; size: number }[],
  o: {
    /** The data key of encrypted files (null or absent: files are read as they are). */
    dk?: DataKey | null | undefined;
    signal?: AbortSignal | undefined;
    onProgress?: ((done: number, total: number, index: number) => void) | undefined;
  } = {},
): Promise<Map<string, BlobState>> {
  const total = blobs.reduce((s, b) => s + b.size, 0);
  let done = 0;
  const out = new Map<string, BlobState>();
  for (const [i, b] of blobs.entries()) {
    if (o.signal?.aborted) throw cancelledError();
    const file = blobPath(dataDir, b.sha256);
    let present = false;
    try {
      present = fs.statSync(file).isFile();
    } catch {
      // Unreachable counts as missing.
    }
    if (!present) {
      out.set(b.sha256, 'missing');
    } else {
      let counted = 0;
      let actual: string;
      try {
        actual = await hashBlob(file, o.dk ?? null, o.signal, (n) => {
          counted += n;
          o.onProgress?.(done + Math.min(counted, b.size), total, i);
        });
      } catch (e) {
        if ((e as { code?: string }).code === 'cancelled') throw e;
        actual = '';
      }
      out.set(b.sha256, actual === b.sha256 ? 'ok' : 'changed');
    }
    done += b.size;
    o.onProgress?.(done, total, i);
  }
  return out;
}
