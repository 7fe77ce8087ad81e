// An export's package file written by a worker thread: the evidence (mostly waiting on the disk) is copied there while
// this thread writes out the operations, so a whole ledger's export costs about the longer of the two, not their sum.
import { AppError } from '../../../shared/errors';
import type { Worker } from 'node:worker_threads';
import { blobPath, evidenceKey } from '../../../db/evidence-store/index';
import { startWorker } from '../worker-start';
import type { Manifest } from './manifest';
import type { OpsPart } from './ops-file';
import type { FromWriter, ToWriter, WriterRequest } from './writer-protocol';

interface Ready {
  opsPart: { sha256: string; count: number };
  blobs: { sha256: string; size: number }[];
  snapshot: { sha256: string; size: number } | null;
}

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: Error) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ([resolve, reject] = [res, rej]));
  // Awaited by the export in its own time; a failure before then is not unhandled.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

export class PackageWriterThread {
  private readonly worker: Worker;
  private readonly readyP = deferred<Ready>();
  private readonly finishedP = deferred<void>();
  private readonly exited: Promise<void>;
  private readonly onAbort = () => this.post({ type: 'cancel' });

  private constructor(
    file: string,
    dataDir: string,
    blobs: readonly { sha256: string }[],
    private readonly o: { signal?: AbortSignal | undefined; onBytes?: ((n: number) => void) | undefined },
  ) {
    const dk = evidenceKey(dataDir);
    const req: WriterRequest = { file, blobs: blobs.map((b) => ({ sha256: b.sha256, path: blobPath(dataDir, b.sha256) })), key: dk ? { key: dk.key, id: dk.id } : null };
    this.worker = startWorker('writer-worker.cjs', new URL('./writer-worker.ts', import.meta.url), { workerData: req });
    const fail = (e: Error) => {
      this.readyP.reject(e);
      this.finishedP.reject(e);
    };
    this.worker.on('message', (m: FromWriter) => {
      if (m.type === 'bytes') this.o.onBytes?.(m.n);
      else if (m.type === 'ready') this.readyP.resolve({ opsPart: m.opsPart, blobs: m.blobs, snapshot: m.snapshot });
      else if (m.type === 'finished') this.finishedP.resolve();
      else if (m.code === 'internal') fail(new Error(`package writer: ${m.detail}`));
      else fail(new AppError(m.code, m.message, m.detail));
    });
    this.worker.on('error', fail);
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => {
        fail(new Error('package writer ended before finishing'));
        resolve();
      });
    });
    o.signal?.addEventListener('abort', this.onAbort);
  }

  /** Starts writing `file` with the evidence files named; their bytes are copied as the worker goes. */
  static start(file: string, dataDir: string, blobs: readonly { sha256: string }[], o: { signal?: AbortSignal | undefined; onBytes?: ((n: number) => void) | undefined } = {}): PackageWriterThread {
    return new PackageWriterThread(file, dataDir, blobs, o);
  }

  private post(m: ToWriter): void {
    this.worker.postMessage(m);
  }

  /** The operations' part (a side file, see ops-file.ts) and a whole ledger's snapshot file; taken in after the evidence. */
  addOps(part: OpsPart, snapshot: string | null): void {
    this.post({ type: 'ops', part, snapshot });
  }

  /** Resolves once evidence, operations and snapshot are in: what the manifest lists. */
  ready(): Promise<Ready> {
    return this.readyP.promise;
  }

  /** Writes the manifest, closes and fsyncs the file. */
  async finish(manifest: Manifest): Promise<void> {
    this.post({ type: 'finish', manifest });
    await this.finishedP.promise;
    this.o.signal?.removeEventListener('abort', this.onAbort);
    await this.exited;
  }

  /** Stops the worker; it removes its half-written file. */
  async abort(): Promise<void> {
    this.o.signal?.removeEventListener('abort', this.onAbort);
    this.post({ type: 'cancel' });
    const grace = setTimeout(() => void this.worker.terminate(), 5000);
    await this.exited;
    clearTimeout(grace);
  }
}
