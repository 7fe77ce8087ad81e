// The ordered list of migrations; append only, never edit a shipped step.
import type { Migration } from '../migrate';
import { m0001 } from './0001-ledger';
import { m0002 } from './0002-evidence';
import { m0003 } from './0003-exchange';
import { m0004 } from './0004-corrections';
import { m0005 } from './0005-inspections';
import { m0006 } from './0006-report-drafts';
import { m0007 } from './0007-exchange-packages';
import { m0008 } from './0008-traps';
import { m0009 } from './0009-security';
import { m0010 } from './0010-evidence-versions';

export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010];
