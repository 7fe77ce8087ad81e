// Bringing a package's evidence files into the content-addressed store while its operations merge. A worker thread
// copies the files to temporary files, checking every byte against the file's hash and syncing each as it goes, then
// renames them all into place, while this thread checks the operations (their part's hash and their chain) and merges
// them. The merge's transaction commits only once the worker is done; until then the placed files are held against
// clean-up, and when the import fails they are removed again unless a row refers to them. So a damaged package leaves
// nothing behind, and the disk, the copy and the merge all work at the same time.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { blobPath, evidenceKey, tmpDir } from '../../../db/evidence-store/index';
import { storedSize } from '../../../db/evidence-store/cipher';
import { holdBlob, inFlight, releaseBlob } from '../../../db/evidence-store/sweep';
import { cancelledError } from '../../../db/evidence-store/write';
import { startWorker } from '../worker-start';
import type { Manifest } from './manifest';
import type { BlobJob, EvidenceCopyRequest } from './evidence-copy-protocol';
import { CANCEL, DONE, FAILED, KIB_COPIED, RUNNING, STATUS, endOf, failureOf, sharedState, words } from './worker-state';

/** 400 MB/s: an SSD's pace when evidence is copied and checked, assumed until the copy shows its own. */
const ASSUMED_BYTES_PER_MS = 400_000;
/** A worker that has shown no progress for this long while the transaction waits for it is taken for dead. */
const STALL_MS = 120_000;

export class EvidenceCopy {
  private readonly shared = sharedState();
  private readonly state = words(this.shared);
  private readonly worker: Worker | null = null;
  private readonly exited: Promise<void> = Promise.resolve();
  private workerGone = false;
  /** The files this import copies in (not there before, or not whole), held against clean-up until release(). */
  readonly blobs: string[];

  private constructor(
    dataDir: string,
    private readonly jobs: BlobJob[],
    /** Bytes to copy, and bytes the store already held (counted as done for progress). */
    readonly copyBytes: number,
    readonly presentBytes: number,
    packageFile: string,
  ) {
    this.blobs = jobs.map((j) => j.sha256);
    this.blobs.forEach(holdBlob);
    if (jobs.length === 0) {
      Atomics.store(this.state, STATUS, DONE);
      return;
    }
    const dk = evidenceKey(dataDir);
    const req: EvidenceCopyRequest = { packageFile, jobs, key: dk ? { key: dk.key, id: dk.id } : null, shared: this.shared };
    const worker = startWorker('evidence-copy-worker.cjs', new URL('./evidence-copy-worker.ts', import.meta.url), { workerData: req });
    this.worker = worker;
    this.exited = endOf(worker, () => (this.workerGone = true));
  }

  /** Starts copying the package's evidence files that the store does not already hold. */
  static start(dataDir: string, packageFile: string, parts: Manifest['parts']): EvidenceCopy {
    const dir = tmpDir(dataDir);
    fs.mkdirSync(dir, { recursive: true });
    const encrypted = evidenceKey(dataDir) !== null;
    const jobs: BlobJob[] = [];
    let copyBytes = 0;
    let presentBytes = 0;
    for (const b of parts.blobs) {
      // Already here with the right size: content-addressed, so the same bytes (checked by the evidence integrity check).
      if (fs.statSync(blobPath(dataDir, b.sha256), { throwIfNoEntry: false })?.size === (encrypted ? storedSize(b.size) : b.size)) {
        presentBytes += b.size;
        continue;
      }
      const tmp = path.join(dir, `${process.pid}-${randomBytes(8).toString('hex')}.part`);
      inFlight.tmp.add(tmp);
      jobs.push({ sha256: b.sha256, size: b.size, tmp, target: blobPath(dataDir, b.sha256) });
      copyBytes += b.size;
    }
    return new EvidenceCopy(dataDir, jobs, copyBytes, presentBytes, packageFile);
  }

  copiedBytes(): number {
    return Math.min(this.copyBytes, Atomics.load(this.state, KIB_COPIED) * 1024);
  }

  private failure(): Error {
    return failureOf(this.shared, 'evidence copy worker');
  }

  /**
   * Waits, without blocking this thread, until the copy is finished or has about `ms` left at its pace so far: the
   * caller's transaction then overlaps the rest of the copy and blocks for at most about that long.
   */
  async nearlyDone(ms: number, o: { signal?: AbortSignal | undefined; onBytes?: ((copied: number) => void) | undefined } = {}): Promise<void> {
    // The pace is measured from the first bytes seen, not from the start: the worker first starts and checks the operations.
    let first: { at: number; bytes: number } | null = null;
    for (;;) {
      // Read before the status: the worker sets its status before it ends, so gone-and-running means it died.
      const gone = this.workerGone;
      const status = Atomics.load(this.state, STATUS);
      if (status === FAILED || (status === RUNNING && gone)) throw this.failure();
      if (o.signal?.aborted) throw cancelledError();
      const copied = this.copiedBytes();
      o.onBytes?.(copied);
      if (status === DONE) return;
      const now = Date.now();
      if (!first && copied > 0) first = { at: now, bytes: copied };
      // Until the pace shows, an ordinary PC's is assumed.
      const bytesPerMs = first && now - first.at >= 100 ? (copied - first.bytes) / (now - first.at) : ASSUMED_BYTES_PER_MS;
      if ((this.copyBytes - copied) / bytesPerMs <= ms) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Blocks until every file is copied, checked, synced and in place; throws the copy's error (for the transaction to roll back). */
  waitSync(): void {
    let last = -1;
    let since = Date.now();
    for (;;) {
      const status = Atomics.load(this.state, STATUS);
      if (status === DONE) return;
      if (status === FAILED) throw this.failure();
      // A worker that died cannot be seen from here (its exit event waits for this thread): only its silence can.
      Atomics.wait(this.state, STATUS, RUNNING, 1000);
      const copied = Atomics.load(this.state, KIB_COPIED);
      if (copied !== last) [last, since] = [copied, Date.now()];
      else if (Date.now() - since > STALL_MS) throw new Error(`evidence copy worker made no progress for ${STALL_MS} ms`);
    }
  }

  /** Lets clean-ups see the files again: their rows are committed, or the files removed. */
  release(): void {
    this.blobs.splice(0).forEach(releaseBlob);
  }

  /** Stops the copy and removes every temporary file; placed files are left to the caller (a row may refer to them). */
  async discard(): Promise<void> {
    Atomics.store(this.state, CANCEL, 1);
    // A worker stuck in a read gets a short grace, then is stopped.
    const grace = setTimeout(() => void this.worker?.terminate(), 5000);
    await this.exited;
    clearTimeout(grace);
    for (const j of this.jobs) {
      fs.rmSync(j.tmp, { force: true });
      inFlight.tmp.delete(j.tmp);
    }
  }

  /** Waits for the worker to end after a successful copy (it ends on its own). */
  async ended(): Promise<void> {
    await this.exited;
    for (const j of this.jobs) inFlight.tmp.delete(j.tmp);
  }
}
