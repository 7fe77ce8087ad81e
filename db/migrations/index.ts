// The ordered list of migrations; append only, never edit a shipped step.
import type { Migration } from '../migrate';
import { m0001 } from './0001-ledger';
import { m0002 } from './0002-evidence';
import { m0003 } from './0003-exchange';
import { m0004 } from './0004-security';

export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004];
