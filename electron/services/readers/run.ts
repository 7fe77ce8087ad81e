// Runs reading + parsing of one outline in a worker thread with a time budget, a heap cap and cancel.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../core/worker-start';
import { AppError } from '../../../shared/errors';
import type { ParsedOutline } from '../../../shared/outline/types';
import type { ReadDocument } from './index';
import { LIMITS, limitExceeded } from './limits';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

export interface ReadResult {
  source: Omit<ReadDocument, 'text'>;
  outline: ParsedOutline;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number, step: 'read' | 'parse') => void;
  timeBudgetMs?: number;
}

const CANCELLED = '操作已取消,未保存任何内容。';

function startReader(data: WorkerRequest): Worker {
  return startWorker('reader-worker.cjs', new URL('./worker.ts', import.meta.url), {
    workerData: data,
    transferList: [data.bytes.buffer as ArrayBuffer],
    resourceLimits: { maxOldGenerationSizeMb: LIMITS.workerHeapMb },
  });
}

/** Runs one request in a fresh worker; `settle` turns its final message into the result. */
function runWorker<T>(req: WorkerRequest, opts: RunOptions, settle: (m: Exclude<WorkerReply, { type: 'progress' | 'error' }>) => T): Promise<T> {
  if (opts.signal?.aborted) return Promise.reject(new AppError('cancelled', CANCELLED));
  return new Promise<T>((resolve, reject) => {
    const worker = startReader(req);
    let settled = false;
    const finish = (err: Error | null, value?: T) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (err) reject(err);
      else resolve(value!);
    };
    const budget = opts.timeBudgetMs ?? LIMITS.timeBudgetMs;
    const timer = setTimeout(() => finish(limitExceeded('time', `reading ${req.fileName} took over ${budget} ms`)), budget);
    const onAbort = () => finish(new AppError('cancelled', CANCELLED));
    opts.signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: WorkerReply) => {
      if (m.type === 'progress') opts.onProgress?.(m.fraction, m.step);
      else if (m.type !== 'error') {
        try {
          finish(null, settle(m));
        } catch (e) {
          finish(e as Error);
        }
      } else if (m.code === 'internal') finish(new Error(`reader worker: ${m.detail ?? 'unknown'}`));
      else finish(new AppError(m.code, m.message, m.detail ?? undefined));
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') finish(limitExceeded('memory', `${req.fileName}: ${e.message}`));
      else finish(e);
    });
    worker.on('exit', (code) => finish(new Error(`reader worker exited with code ${code} before answering`)));
  });
}

/** Reads and parses `bytes` off this thread; throws the reader's AppError, a limit error, or 'cancelled'. */
export function readAndParse(bytes: Uint8Array, fileName: string, opts: RunOptions = {}): Promise<ReadResult> {
  // A private copy is transferred, so the caller's buffer stays usable and no memory is shared with the worker.
  return runWorker({ bytes: new Uint8Array(bytes), fileName }, opts, (m) => {
    if (m.type !== 'done') throw new Error(`reader worker answered ${m.type} to an outline`);
    return { source: m.source, outline: m.outline };
  });
}

/** The words of a Word or Excel evidence file, extracted off this thread within the readers' limits. */
export function readTextOffThread(bytes: Uint8Array, fileName: string, opts: RunOptions = {}): Promise<string> {
  return runWorker({ bytes: new Uint8Array(bytes), fileName, mode: 'text' }, opts, (m) => {
    if (m.type !== 'text') throw new Error(`reader worker answered ${m.type} to a text request`);
    return m.text;
  });
}
