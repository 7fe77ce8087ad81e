// Every command-line command, gathered from the domains.
import type { CliCommand } from '../host/commands/types';
import { ledgerCommands } from '../host/commands/ledger';

export const cliCommands: CliCommand[] = [...ledgerCommands];
