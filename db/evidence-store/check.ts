// The integrity check and the clean-up, over the rows and the files together.
import type { Db } from '../open';
import { nowIso } from '../../shared/ids';
import type { CleanupReport, VerifyReport } from '../../shared/api/evidence';
import { isReferenced, referencedBlobs, usesOf } from '../queries/evidence';
import { humanSize } from './paths';
import { inFlight, listBlobs, removeBlob, sweepTmp } from './sweep';
import { verifyBlobs } from './verify';
import { evidenceKey } from './data-key';

/** No record uses the file and no attach of this process is about to write one that will. */
export function isUnused(db: Db, sha256: string): boolean {
  return !inFlight.blobs.has(sha256) && !isReferenced(db, sha256);
}

export async function verifyStore(
  db: Db,
  dataDir: string,
  o: { signal?: AbortSignal | undefined; onProgress?: ((fraction: number | null, step: string) => void) | undefined } = {},
): Promise<VerifyReport> {
  const tmpRemoved = sweepTmp(dataDir);
  const refs = referencedBlobs(db);
  const total = refs.reduce((s, b) => s + b.size, 0);
  const states = await verifyBlobs(dataDir, refs, {
    dk: evidenceKey(dataDir),
    signal: o.signal,
    onProgress: (done, all, i) => o.onProgress?.(all ? done / all : (i + 1) / refs.length, `正在校验第 ${i + 1}/${refs.length} 个文件(共 ${humanSize(total)})`),
  });
  const problems = refs
    .filter((b) => states.get(b.sha256) !== 'ok')
    .map((b) => ({ sha256: b.sha256, state: states.get(b.sha256) as 'missing' | 'changed', size: b.size, uses: usesOf(db, b.sha256) }));
  const known = new Set(refs.map((r) => r.sha256));
  const unreferencedFiles = (await listBlobs(dataDir)).filter((b) => !known.has(b.sha256)).length;
  return { ok: problems.length === 0, checkedFiles: refs.length, checkedBytes: total, problems, unreferencedFiles, tmpRemoved, checkedAt: nowIso() };
}

/** An unreferenced file stored this recently may belong to an attach still writing its row in another process. */
export const CLEANUP_GRACE_MS = 60 * 60 * 1000;

export async function cleanupStore(db: Db, dataDir: string, graceMs = CLEANUP_GRACE_MS, now = Date.now()): Promise<CleanupReport> {
  sweepTmp(dataDir);
  const report: CleanupReport = { removedFiles: 0, freedBytes: 0, keptRecent: 0 };
  for (const b of await listBlobs(dataDir)) {
    if (!isUnused(db, b.sha256)) continue;
    if (now - b.ctimeMs < graceMs) {
      report.keptRecent++;
      continue;
    }
    await removeBlob(dataDir, b.sha256);
    report.removedFiles++;
    report.freedBytes += b.size;
  }
  return report;
}
