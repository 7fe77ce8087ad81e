// Every call's handler, gathered from the domains; the type makes a missing one a compile error.
import type { Handlers } from '../dispatch';
import { ledgerHandlers } from './ledger';
import { jobHandlers } from './jobs';
import { reportHandlers } from './reports';
import { evidenceHandlers } from './evidence';
import { authHandlers } from './auth';

export const handlers: Handlers = {
  ...ledgerHandlers,
  ...jobHandlers,
  ...reportHandlers,
  ...evidenceHandlers,
  ...authHandlers,
};
