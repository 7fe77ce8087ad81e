// Every command-line command, gathered from the domains.
import type { CliCommand } from '../host/commands/types';
import { ledgerCommands } from '../host/commands/ledger';
import { evidenceCommands } from '../host/commands/evidence';
import { reportCommands } from '../host/commands/report';
import { backupCommands } from '../host/commands/backup';
import { storeCommands } from '../host/commands/store';

export const cliCommands: CliCommand[] = [...ledgerCommands, ...evidenceCommands, ...reportCommands, ...backupCommands, ...storeCommands];
