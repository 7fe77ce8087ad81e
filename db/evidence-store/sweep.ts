// Housekeeping of the store: temporaries left by a killed attach, and files no record refers to any more.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { evidenceRoot, isSha256, tmpDir, blobPath } from './paths';

/** What this process is writing now, so that its own sweeps and clean-ups never touch it. */
export const inFlight = {
  tmp: new Set<string>(),
  /** Hashes stored but whose row is not yet written, with a count of holders. */
  blobs: new Map<string, number>(),
};

/** Marks a blob as about to get its row, so a clean-up running meanwhile leaves it alone. */
export function holdBlob(sha256: string): void {
  inFlight.blobs.set(sha256, (inFlight.blobs.get(sha256) ?? 0) + 1);
}

export function releaseBlob(sha256: string): void {
  const n = (inFlight.blobs.get(sha256) ?? 1) - 1;
  if (n <= 0) inFlight.blobs.delete(sha256);
  else inFlight.blobs.set(sha256, n);
}

/** A temporary of another process is left alone while that process lives, unless it is a day old. */
const STALE_TMP_MS = 24 * 60 * 60 * 1000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporaries of attaches that did not finish (the app was killed); returns how many. */
export function sweepTmp(dataDir: string, now = Date.now()): number {
  const dir = tmpDir(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const n of names) {
    const file = path.join(dir, n);
    if (inFlight.tmp.has(file)) continue;
    const pid = Number(/^(\d+)-/.exec(n)?.[1] ?? NaN);
    let stale = !Number.isInteger(pid) || pid === process.pid || !alive(pid);
    if (!stale) {
      try {
        stale = now - fs.statSync(file).mtimeMs > STALE_TMP_MS;
      } catch {
        continue;
      }
    }
    if (!stale) continue;
    try {
      fs.rmSync(file, { force: true, recursive: true });
      removed++;
    } catch {
      // Still locked by a dying process on Windows: the next sweep takes it.
    }
  }
  return removed;
}

/** What opening the store does for evidence: temporaries of attaches cut short are removed (live ones are left). */
export function openEvidenceStore(dataDir: string): void {
  sweepTmp(dataDir);
}

export interface BlobOnDisk {
  sha256: string;
  size: number;
  /** Last status change (creation or rename into place), for the clean-up's grace period. */
  ctimeMs: number;
}

/** Every stored file under evidence/ab/, skipping anything that is not named by a hash. */
export async function listBlobs(dataDir: string): Promise<BlobOnDisk[]> {
  const root = evidenceRoot(dataDir);
  const out: BlobOnDisk[] = [];
  let dirs: string[];
  try {
    dirs = await fsp.readdir(root);
  } catch {
    return out;
  }
  for (const d of dirs) {
    if (!/^[0-9a-f]{2}$/.test(d)) continue;
    for (const n of await fsp.readdir(path.join(root, d)).catch(() => [] as string[])) {
      if (!isSha256(n) || !n.startsWith(d)) continue;
      try {
        const st = await fsp.stat(path.join(root, d, n));
        if (st.isFile()) out.push({ sha256: n, size: st.size, ctimeMs: st.ctimeMs });
      } catch {
        // Gone meanwhile.
      }
    }
  }
  return out;
}

/** Deletes one stored file (made writable first, which Windows requires). */
export async function removeBlob(dataDir: string, sha256: string): Promise<void> {
  const file = blobPath(dataDir, sha256);
  await fsp.chmod(file, 0o644).catch(() => undefined);
  await fsp.rm(file, { force: true });
}
