// Long work run in the background with progress and cancel, polled by the screens through jobs.get.
import { AppError, toErrorData } from '../../shared/errors';
import type { JobStatus } from '../../shared/api/jobs';
import { newId } from '../../shared/ids';

export interface JobControl {
  signal: AbortSignal;
  /** Reports progress (0..1 or null) and what is being done. */
  report(progress: number | null, step?: string): void;
}

interface Job {
  status: JobStatus;
  abort: AbortController;
  finishedAt: number | null;
}

const jobs = new Map<string, Job>();
/** Finished jobs are kept a while so a screen that polls late still sees the outcome. */
const KEEP_MS = 10 * 60 * 1000;

function sweep(now: number): void {
  for (const [id, j] of jobs) if (j.finishedAt !== null && now - j.finishedAt > KEEP_MS) jobs.delete(id);
}

export function startJob<T>(kind: string, work: (c: JobControl) => Promise<T>, onError?: (e: unknown) => void): JobStatus {
  sweep(Date.now());
  const id = newId();
  const abort = new AbortController();
  const job: Job = { status: { id, kind, state: 'running', progress: 0, step: '', result: null, error: null }, abort, finishedAt: null };
  jobs.set(id, job);
  const control: JobControl = {
    signal: abort.signal,
    report(progress, step) {
      job.status.progress = progress;
      if (step !== undefined) job.status.step = step;
    },
  };
  void work(control).then(
    (result) => {
      job.status = { ...job.status, state: 'done', progress: 1, result };
      job.finishedAt = Date.now();
    },
    (e: unknown) => {
      const cancelled = abort.signal.aborted || (e instanceof AppError && e.code === 'cancelled');
      if (!cancelled) onError?.(e);
      job.status = { ...job.status, state: cancelled ? 'cancelled' : 'failed', error: cancelled ? { code: 'cancelled', message: '操作已取消,未保存任何内容。' } : toErrorData(e) };
      job.finishedAt = Date.now();
    },
  );
  return { ...job.status };
}

export function getJob(id: string): JobStatus {
  const j = jobs.get(id);
  if (!j) throw new AppError('not_found', '找不到该任务,它可能已结束很久。请重新操作。');
  return { ...j.status };
}

export function cancelJob(id: string): JobStatus {
  const j = jobs.get(id);
  if (!j) throw new AppError('not_found', '找不到该任务,它可能已结束很久。请重新操作。');
  if (j.status.state === 'running') j.abort.abort();
  return { ...j.status };
}

/** Throws the cancellation error when the job was cancelled; call between steps. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('cancelled', '操作已取消,未保存任何内容。');
}
