// Handlers of the job calls.
import type { Handlers } from '../dispatch';
import { cancelJob, getJob } from '../jobs';

export const jobHandlers: Pick<Handlers, 'jobs.get' | 'jobs.cancel'> = {
  'jobs.get': (_ctx, a) => getJob(a.jobId),
  'jobs.cancel': (_ctx, a) => cancelJob(a.jobId),
};
