// Bringing a package's evidence files into the content-addressed store while its operations merge. A worker thread (two
// sharing the files when there is much to copy) copies the files to temporary files, checking every byte against the
// file's hash and syncing each as it goes, then renames its files into place, while this thread checks the operations
// (their part's hash and their chain) and merges them. The merge's transaction commits only once every worker is done;
// until then the placed files are held against clean-up, and when the import fails they are removed again unless a row
// refers to them. So a damaged package leaves nothing behind, and the disk, the copy and the merge all work at once.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
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
/**
 * From this much to copy, two workers share the files. One worker hashes and writes while this thread merges; once the
 * merge is done it was the only busy thread (measured on our 2-core PCs for a whole ledger with 1 GiB of evidence: the
 * merge done at 3.0 s, the copy at 5.3–6.3 s). Below this the second thread's start costs more than it saves.
 */
const SHARED_FROM_BYTES = 64 * 1024 * 1024;

export interface CopyOptions {
  /** From how many bytes to copy two threads share the files (SHARED_FROM_BYTES unless tests try that path). */
  sharedFrom?: number | undefined;
  /** false: files are written through the page cache even where they could go past it (tests try that path). */
  unbuffered?: boolean | undefined;
}

/** One worker thread copying its share of the files, with the words it shares with this thread. */
class CopyThread {
  readonly shared = sharedState();
  readonly state = words(this.shared);
  readonly exited: Promise<void>;
  gone = false;
  readonly worker: Worker;

  constructor(req: Omit<EvidenceCopyRequest, 'shared'>) {
    this.worker = startWorker('evidence-copy-worker.cjs', new URL('./evidence-copy-worker.ts', import.meta.url), { workerData: { ...req, shared: this.shared } });
    this.exited = endOf(this.worker, () => (this.gone = true));
  }

  status(): number {
    return Atomics.load(this.state, STATUS);
  }

  failure(): Error {
    return failureOf(this.shared, 'evidence copy worker');
  }

  kib(): number {
    return Atomics.load(this.state, KIB_COPIED);
  }
}

/** `jobs` dealt to `n` threads, biggest first to the least loaded, so that they finish at about the same time. */
function shares(jobs: readonly BlobJob[], n: number): BlobJob[][] {
  const out = Array.from({ length: n }, () => ({ bytes: 0, jobs: [] as BlobJob[] }));
  for (const j of [...jobs].sort((a, b) => b.size - a.size)) {
    const least = out.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    least.jobs.push(j);
    least.bytes += j.size;
  }
  return out.map((s) => s.jobs).filter((js) => js.length > 0);
}

export class EvidenceCopy {
  private readonly threads: CopyThread[] = [];
  /** The files this import copies in (not there before, or not whole), held against clean-up until release(). */
  readonly blobs: string[];

  private constructor(
    dataDir: string,
    private readonly jobs: BlobJob[],
    /** Bytes to copy, and bytes the store already held (counted as done for progress). */
    readonly copyBytes: number,
    readonly presentBytes: number,
    packageFile: string,
    o: CopyOptions,
  ) {
    this.blobs = jobs.map((j) => j.sha256);
    this.blobs.forEach(holdBlob);
    if (jobs.length === 0) return;
    const dk = evidenceKey(dataDir);
    const n = copyBytes >= (o.sharedFrom ?? SHARED_FROM_BYTES) ? Math.min(2, os.availableParallelism()) : 1;
    for (const share of shares(jobs, n)) {
      this.threads.push(new CopyThread({ packageFile, jobs: share, key: dk ? { key: dk.key, id: dk.id } : null, unbuffered: o.unbuffered !== false }));
    }
  }

  /** Starts copying the package's evidence files that the store does not already hold. */
  static start(dataDir: string, packageFile: string, parts: Manifest['parts'], o: CopyOptions = {}): EvidenceCopy {
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
    return new EvidenceCopy(dataDir, jobs, copyBytes, presentBytes, packageFile, o);
  }

  copiedBytes(): number {
    return Math.min(this.copyBytes, this.threads.reduce((n, t) => n + t.kib(), 0) * 1024);
  }

  /** DONE once every thread is; the first failure, or a thread that died without a verdict, is thrown. */
  private status(): number {
    let all = DONE;
    for (const t of this.threads) {
      // Read before the status: a thread sets its status before it ends, so gone-and-running means it died.
      const gone = t.gone;
      const status = t.status();
      if (status === FAILED || (status === RUNNING && gone)) throw t.failure();
      if (status !== DONE) all = RUNNING;
    }
    return all;
  }

  /**
   * Waits, without blocking this thread, until the copy is finished or has about `ms` left at its pace so far: the
   * caller's transaction then overlaps the rest of the copy and blocks for at most about that long.
   */
  async nearlyDone(ms: number, o: { signal?: AbortSignal | undefined; onBytes?: ((copied: number) => void) | undefined } = {}): Promise<void> {
    // The pace is measured from the first bytes seen, not from the start: the worker first starts and checks the operations.
    let first: { at: number; bytes: number } | null = null;
    for (;;) {
      const status = this.status();
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
      if (this.status() === DONE) return;
      // A worker that died cannot be seen from here (its exit event waits for this thread): only its silence can.
      const waiting = this.threads.find((t) => t.status() === RUNNING);
      if (waiting) Atomics.wait(waiting.state, STATUS, RUNNING, 1000);
      const copied = this.copiedBytes();
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
    for (const t of this.threads) Atomics.store(t.state, CANCEL, 1);
    // A worker stuck in a read gets a short grace, then is stopped.
    const grace = setTimeout(() => this.threads.forEach((t) => void t.worker.terminate()), 5000);
    await Promise.all(this.threads.map((t) => t.exited));
    clearTimeout(grace);
    for (const j of this.jobs) {
      fs.rmSync(j.tmp, { force: true });
      inFlight.tmp.delete(j.tmp);
    }
  }

  /** Waits for the workers to end after a successful copy (they end on their own). */
  async ended(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.exited));
    for (const j of this.jobs) inFlight.tmp.delete(j.tmp);
  }
}
