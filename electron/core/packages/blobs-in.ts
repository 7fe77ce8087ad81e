// Bringing a package's evidence files into the content-addressed store: every file written and checked against its
// hash under a temporary name first, all fsynced together, and only then renamed into place, so a damaged package
// leaves no file behind and a good one costs one round of syncs instead of one per file.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { blobPath, evidenceKey, tmpDir } from '../../../db/evidence-store/index';
import { Encryptor, storedSize } from '../../../db/evidence-store/cipher';
import type { DataKey } from '../../../db/evidence-store/data-key';
import { holdBlob, inFlight, releaseBlob } from '../../../db/evidence-store/sweep';
import { cancelledError } from '../../../db/evidence-store/write';
import type { PackageReader } from './container';
import { damaged } from './crypto';

export interface StagedBlobs {
  /** Files this import added to the store (not there before). */
  created: string[];
  /** Every hash held against clean-up until release(). */
  release(): void;
}

interface Staged {
  sha256: string;
  tmp: string;
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Directories cannot be synced on Windows; the renames are still atomic there.
  }
}

/** Writes one file under a temporary name, hashing on the way; throws when the bytes are not the ones named. */
async function stageOne(reader: PackageReader, dir: string, b: { sha256: string; size: number }, dk: DataKey | null, o: StageOptions): Promise<Staged> {
  const tmp = path.join(dir, `${process.pid}-${randomBytes(8).toString('hex')}.part`);
  inFlight.tmp.add(tmp);
  const fd = fs.openSync(tmp, 'wx', 0o600);
  const hash = createHash('sha256');
  let size = 0;
  let ok = false;
  // An encrypted store takes the package's files in encrypted as they are written.
  const enc = dk ? new Encryptor(dk) : null;
  const write = (bytes: Buffer) => {
    let off = 0;
    while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off);
  };
  try {
    let pieces = 0;
    for (const chunk of reader.blobChunks(b.sha256)) {
      hash.update(chunk);
      write(enc ? enc.push(chunk) : chunk);
      size += chunk.length;
      o.onBytes?.(chunk.length);
      if (++pieces % 4 === 0) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (o.signal?.aborted) throw cancelledError();
      }
    }
    if (size !== b.size || hash.digest('hex') !== b.sha256) throw damaged(`blob ${b.sha256}`);
    if (enc) write(enc.final());
    ok = true;
  } finally {
    fs.closeSync(fd);
    if (!ok) {
      fs.rmSync(tmp, { force: true });
      inFlight.tmp.delete(tmp);
    }
  }
  return { sha256: b.sha256, tmp };
}

export interface StageOptions {
  signal?: AbortSignal | undefined;
  onBytes?: ((n: number) => void) | undefined;
}

/** Stores every evidence file of the package; on any failure nothing new is left in the store. */
export async function storePackageBlobs(dataDir: string, reader: PackageReader, o: StageOptions = {}): Promise<StagedBlobs> {
  const dir = tmpDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const staged: Staged[] = [];
  const held: string[] = [];
  const created: string[] = [];
  const release = () => held.forEach(releaseBlob);
  const dk = evidenceKey(dataDir);
  try {
    for (const b of reader.manifest.parts.blobs) {
      if (o.signal?.aborted) throw cancelledError();
      const target = blobPath(dataDir, b.sha256);
      // Already here with the right size: content-addressed, so the same bytes (checked by the evidence integrity check).
      if (fs.statSync(target, { throwIfNoEntry: false })?.size === (dk ? storedSize(b.size) : b.size)) {
        o.onBytes?.(b.size);
        continue;
      }
      staged.push(await stageOne(reader, dir, b, dk, o));
    }
    await Promise.all(
      staged.map(async (s) => {
        const fh = await fsp.open(s.tmp, 'r+');
        try {
          await fh.sync();
        } finally {
          await fh.close();
        }
      }),
    );
    if (o.signal?.aborted) throw cancelledError();
    const dirs = new Set<string>();
    for (const s of staged) {
      const target = blobPath(dataDir, s.sha256);
      holdBlob(s.sha256);
      held.push(s.sha256);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.chmodSync(s.tmp, 0o444);
      if (fs.existsSync(target)) fs.chmodSync(target, 0o644);
      fs.renameSync(s.tmp, target);
      created.push(s.sha256);
      dirs.add(path.dirname(target));
    }
    for (const d of dirs) fsyncDir(d);
    if (dirs.size) fsyncDir(path.dirname([...dirs][0]!));
    return { created, release };
  } catch (e) {
    release();
    for (const sha of created) {
      const f = blobPath(dataDir, sha);
      fs.chmodSync(f, 0o644);
      fs.rmSync(f, { force: true });
    }
    throw e;
  } finally {
    for (const s of staged) {
      fs.rmSync(s.tmp, { force: true });
      inFlight.tmp.delete(s.tmp);
    }
  }
}
