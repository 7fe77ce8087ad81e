// What a package import's helper threads (the evidence copy, the chain check) share with the importing thread: a status
// word, a cancel flag, progress and the error coming back through shared memory, readable even while the importing
// thread is blocked inside its transaction (messages would wait for its event loop).
import type { Worker } from 'node:worker_threads';
import { AppError, isAppError, type ErrorCode } from '../../../shared/errors';

export interface WorkerError {
  code: ErrorCode;
  message: string;
  detail: string;
}

/** RUNNING, then DONE or FAILED: the word the importing thread waits on. KIB_COPIED: progress of a copy. */
export const STATUS = 0;
export const CANCEL = 1;
export const KIB_COPIED = 2;
export const RUNNING = 0;
export const DONE = 1;
export const FAILED = 2;

const WORDS = 3;
const ERROR_AT = WORDS * 4;
const ERROR_BYTES = 8192;

export function sharedState(): SharedArrayBuffer {
  return new SharedArrayBuffer(ERROR_AT + 4 + ERROR_BYTES);
}

export function words(shared: SharedArrayBuffer): Int32Array {
  return new Int32Array(shared, 0, WORDS);
}

function writeError(shared: SharedArrayBuffer, e: WorkerError): void {
  let json = Buffer.from(JSON.stringify(e));
  if (json.length > ERROR_BYTES) json = Buffer.from(JSON.stringify({ ...e, detail: e.detail.slice(0, 1000) }));
  new DataView(shared, ERROR_AT, 4).setUint32(0, json.length);
  new Uint8Array(shared, ERROR_AT + 4, ERROR_BYTES).set(json);
}

export function readError(shared: SharedArrayBuffer): WorkerError | null {
  const n = new DataView(shared, ERROR_AT, 4).getUint32(0);
  if (n === 0) return null;
  return JSON.parse(Buffer.from(new Uint8Array(shared, ERROR_AT + 4, n)).toString()) as WorkerError;
}

/** Sets the final status and wakes the importing thread. */
export function endWork(state: Int32Array, status: number): void {
  Atomics.store(state, STATUS, status);
  Atomics.notify(state, STATUS);
}

/**
 * Resolves once the helper thread has ended, calling `gone` first. A helper that fails to start or dies leaves its status
 * RUNNING; `gone` is how the importing thread tells that apart from still working (errors come through the status).
 */
export function endOf(worker: Worker, gone: () => void): Promise<void> {
  worker.on('error', () => undefined);
  return new Promise((resolve) => {
    worker.once('exit', () => {
      gone();
      resolve();
    });
  });
}

/** Called by a helper thread that failed: what went wrong, then its status, waking the importing thread. */
export function endFailed(shared: SharedArrayBuffer, e: unknown): void {
  if (isAppError(e)) writeError(shared, { code: e.code, message: e.message, detail: e.detail ?? '' });
  else writeError(shared, { code: 'internal', message: '', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  endWork(words(shared), FAILED);
}

/** The importing thread's error for a helper that failed: the helper's own message for people, or an internal error. */
export function failureOf(shared: SharedArrayBuffer, helper: string): Error {
  const e = readError(shared);
  if (e && e.code !== 'internal') return new AppError(e.code, e.message, e.detail);
  return new Error(`${helper} failed: ${e?.detail ?? 'it ended without a verdict'}`);
}
