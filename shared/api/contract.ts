// The one API between renderer and main: every call's name, argument schema and result type.
import type { z } from 'zod';
import type { CallDef } from './define';
import { ledgerCalls } from './ledger';
import { jobCalls } from './jobs';
import { reportCalls } from './reports';
import { reportDraftCalls } from './report-drafts';
import { evidenceCalls } from './evidence';
import { packageCalls } from './packages';
import { exchangeCoreCalls } from './exchange';
import { correctionCalls } from './corrections';
import { inspectionCalls } from './inspections';
import { planCalls } from './plans';
import { targetCalls } from './targets';
import { settingsCalls } from './settings';
import { backupCalls } from './backup';
import { authCalls } from './auth';
import { storeCalls } from './store';

export const contract = {
  ...ledgerCalls,
  ...jobCalls,
  ...reportCalls,
  ...reportDraftCalls,
  ...evidenceCalls,
  ...packageCalls,
  ...exchangeCoreCalls,
  ...correctionCalls,
  ...inspectionCalls,
  ...planCalls,
  ...targetCalls,
  ...settingsCalls,
  ...backupCalls,
  ...authCalls,
  ...storeCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type ArgsOf<K extends CallName> = z.input<Contract[K]['args']>;
export type ParsedArgsOf<K extends CallName> = z.output<Contract[K]['args']>;
export type ResultOf<K extends CallName> = Contract[K] extends CallDef<z.ZodType, infer R> ? R : never;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The renderer's view of the API: one async method per call. */
export type Api = { [K in CallName]: (args: ArgsOf<K>) => Promise<ResultOf<K>> };
