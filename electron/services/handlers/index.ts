// Every call's handler, gathered from the domains; the type makes a missing one a compile error.
import type { Handlers } from '../dispatch';
import { ledgerHandlers } from './ledger';
import { jobHandlers } from './jobs';
import { reportHandlers } from './reports';
import { reportDraftHandlers } from './report-drafts';
import { evidenceHandlers } from './evidence';
import { packageHandlers } from './packages';
import { exchangeCoreHandlers } from './exchange';
import { correctionHandlers } from './corrections';
import { inspectionHandlers } from './inspections';
import { planHandlers } from './plans';
import { targetHandlers } from './targets';
import { settingsHandlers } from './settings';
import { backupHandlers } from './backup';
import { authHandlers } from './auth';
import { storeHandlers } from './store';

export const handlers: Handlers = {
  ...ledgerHandlers,
  ...jobHandlers,
  ...reportHandlers,
  ...reportDraftHandlers,
  ...evidenceHandlers,
  ...packageHandlers,
  ...exchangeCoreHandlers,
  ...correctionHandlers,
  ...inspectionHandlers,
  ...planHandlers,
  ...targetHandlers,
  ...settingsHandlers,
  ...backupHandlers,
  ...authHandlers,
  ...storeHandlers,
};
