// Long work on the host (verify, attach by path, report export) runs as a job the renderer polls until it ends.
import { api } from './client';
import type { JobStatus } from '../../../shared/api/jobs';

const POLL_MS = 250;

/** Reads the job again until it is no longer running; `onUpdate` sees each state read. A failed read throws. */
export async function waitForJob(job: JobStatus, onUpdate?: (job: JobStatus) => void): Promise<JobStatus> {
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, POLL_MS));
    job = await api['jobs.get']({ jobId: job.id });
    onUpdate?.(job);
  }
  return job;
}
