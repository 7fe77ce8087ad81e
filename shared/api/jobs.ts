// Calls for long work (big attachments, integrity checks, exports): poll progress, cancel.
import { z } from 'zod';
import { call } from './define';
import type { ErrorData } from '../errors';

export interface JobStatus {
  id: string;
  kind: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** 0..1, or null when the total is unknown. */
  progress: number | null;
  /** What is being done now, for the progress bar's caption. */
  step: string;
  result: unknown;
  error: ErrorData | null;
}

export const jobCalls = {
  'jobs.get': call<JobStatus>()(z.object({ jobId: z.string().min(1).max(100) }).strict()),
  'jobs.cancel': call<JobStatus>()(z.object({ jobId: z.string().min(1).max(100) }).strict()),
};
