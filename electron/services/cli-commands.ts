// Every command-line command, gathered from the domains (one line each).
import type { CliCommand } from '../host/commands/types';
import { ledgerCommands } from '../host/commands/ledger';
import { evidenceCommands } from '../host/commands/evidence';
import { reportCommands } from '../host/commands/report';
import { packageCommands } from '../host/commands/packages';
import { exchangeCoreCommands } from '../host/commands/exchange';
import { correctionCommands } from '../host/commands/corrections';
import { inspectionCommands } from '../host/commands/inspections';
import { backupCommands } from '../host/commands/backup';
import { storeCommands } from '../host/commands/store';

export const cliCommands: CliCommand[] = [
  ...ledgerCommands,
  ...evidenceCommands,
  ...reportCommands,
  ...exchangeCoreCommands,
  ...correctionCommands,
  ...inspectionCommands,
  ...packageCommands,
  ...backupCommands,
  ...storeCommands,
];
