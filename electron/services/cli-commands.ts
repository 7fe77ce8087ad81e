// Every command-line command, gathered from the domains.
import type { CliCommand } from '../host/commands/types';
import { ledgerCommands } from '../host/commands/ledger';
import { evidenceCommands } from '../host/commands/evidence';
import { reportCommands } from '../host/commands/report';
import { packageCommands } from '../host/commands/packages';
import { exchangeCoreCommands } from '../host/commands/exchange';

export const cliCommands: CliCommand[] = [...ledgerCommands, ...evidenceCommands, ...reportCommands, ...exchangeCoreCommands, ...packageCommands];
