// Every command-line command, gathered from the domains.
import type { CliCommand } from '../host/commands/types';
import { ledgerCommands } from '../host/commands/ledger';
import { evidenceCommands } from '../host/commands/evidence';
import { reportCommands } from '../host/commands/report';
import { packageCommands } from '../host/commands/packages';

export const cliCommands: CliCommand[] = [...ledgerCommands, ...evidenceCommands, ...reportCommands, ...packageCommands];
