// The audit chain of a big package's operations checked on a thread of its own while this thread merges them: checking
// a whole ledger's chain (a hash per operation) would otherwise add a second or so to the import's longest path. The
// merge's transaction takes the verdict before it commits, so a broken chain still leaves the store as it was.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-start';
import { DONE, FAILED, RUNNING, STATUS, endOf, failureOf, sharedState, words } from './worker-state';

/** From this many operations the chain is worth a thread of its own (starting one costs about 0.1 s). */
export const CHAIN_THREAD_FROM = 20_000;
/** A check that has given no verdict for this long is taken for dead (a whole ledger's takes seconds). */
const DEAD_MS = 120_000;

export interface ChainCheckRequest {
  packageFile: string;
  shared: SharedArrayBuffer;
}

export class ChainCheck {
  private readonly shared = sharedState();
  private readonly state = words(this.shared);
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private workerGone = false;

  private constructor(packageFile: string) {
    const req: ChainCheckRequest = { packageFile, shared: this.shared };
    const worker = startWorker('chain-check-worker.cjs', new URL('./chain-check-worker.ts', import.meta.url), { workerData: req });
    this.worker = worker;
    this.exited = endOf(worker, () => (this.workerGone = true));
  }

  static start(packageFile: string): ChainCheck {
    return new ChainCheck(packageFile);
  }

  /** Blocks until the verdict (inside the merge's transaction); throws what is wrong, for the transaction to roll back. */
  waitSync(): void {
    const since = Date.now();
    for (;;) {
      // Read before the status: the worker sets its status before it ends, so gone-and-running means it died.
      const gone = this.workerGone;
      const status = Atomics.load(this.state, STATUS);
      if (status === DONE) return;
      if (status === FAILED || gone) throw failureOf(this.shared, 'chain check worker');
      if (Date.now() - since > DEAD_MS) throw new Error(`chain check gave no verdict in ${DEAD_MS} ms`);
      Atomics.wait(this.state, STATUS, RUNNING, 1000);
    }
  }

  /** Waits for the worker to end (it ends on its own after its verdict). */
  async ended(): Promise<void> {
    await this.exited;
  }

  /** Stops the check, if it still runs, and waits until its thread has let go of the package file. */
  async discard(): Promise<void> {
    if (!this.workerGone && Atomics.load(this.state, STATUS) === RUNNING) void this.worker.terminate();
    await this.exited;
  }
}
