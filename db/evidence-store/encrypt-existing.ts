// Encrypts the evidence files a store held before it was encrypted, one by one, each replaced atomically.
// Files already encrypted are skipped, so a run cut short is finished by running it again.
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { DataKey } from './data-key';
import { Encryptor, encryptedChunkOf } from './cipher';
import { blobPath, ensureStoreDirs, tmpDir } from './paths';
import { inFlight, listBlobs } from './sweep';
import { fsyncDir } from './write';

export interface EncryptReport {
  encryptedFiles: number;
  alreadyEncrypted: number;
  bytes: number;
}

async function encryptOne(dataDir: string, sha256: string, dk: DataKey): Promise<number> {
  const target = blobPath(dataDir, sha256);
  const tmp = path.join(tmpDir(dataDir), `${process.pid}-${randomBytes(8).toString('hex')}.part`);
  inFlight.tmp.add(tmp);
  const enc = new Encryptor(dk);
  let size = 0;
  try {
    const out = await fsp.open(tmp, 'wx', 0o600);
    try {
      const src = await fsp.open(target, 'r');
      try {
        for await (const chunk of src.createReadStream({ highWaterMark: 1024 * 1024, autoClose: false })) {
          size += (chunk as Buffer).length;
          await out.write(enc.push(chunk as Buffer));
        }
      } finally {
        await src.close();
      }
      await out.write(enc.final());
      await out.sync();
    } finally {
      await out.close();
    }
    await fsp.chmod(tmp, 0o400);
    await fsp.chmod(target, 0o644).catch(() => undefined);
    await fsp.rename(tmp, target);
    await fsyncDir(path.dirname(target));
    return size;
  } finally {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    inFlight.tmp.delete(tmp);
  }
}

export async function encryptExistingEvidence(dataDir: string, dk: DataKey, onProgress?: (done: number, total: number) => void): Promise<EncryptReport> {
  ensureStoreDirs(dataDir);
  const blobs = await listBlobs(dataDir);
  const report: EncryptReport = { encryptedFiles: 0, alreadyEncrypted: 0, bytes: 0 };
  for (const [i, b] of blobs.entries()) {
    if (encryptedChunkOf(blobPath(dataDir, b.sha256)) !== null) {
      report.alreadyEncrypted++;
    } else {
      report.bytes += await encryptOne(dataDir, b.sha256, dk);
      report.encryptedFiles++;
    }
    onProgress?.(i + 1, blobs.length);
  }
  return report;
}
