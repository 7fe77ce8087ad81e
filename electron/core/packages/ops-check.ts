// The check of a package's operations: the part's hash and count (in the reader), each op's text, one ledger, and an
// unbroken audit chain.
import { AppError } from '../../../shared/errors';
import { canonicalOp } from '../../../shared/sync/audit-hash';
import { OP_FIELDS } from '../../../shared/sync/types';
import type { PackageReader } from './container';
import { damaged } from './crypto';
import { checkChain, strayOp, type Op } from './sync-port';

/** A package's operations with the length of each one's text, as read. */
export interface OpsPartRead {
  ops: Op[];
  textLengths: number[];
}

function ledgerProblem(ops: readonly Op[], ledgerId: string): AppError | null {
  const stray = strayOp(ops, ledgerId);
  return stray ? damaged(stray.kind === 'ledger' ? 'op of another ledger' : `op clock ${stray.op.hlc} of replica ${stray.op.replicaId}`) : null;
}

const MAY_BE_NULL: ReadonlySet<string> = new Set(['measureId', 'oldValue']);

/** An op from its text: every field there, a string, or null where an op may have none. */
function parseOp(body: string): Op {
  const v = JSON.parse(body) as unknown;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw damaged('op is not an object');
  for (const f of OP_FIELDS) {
    const x = (v as Record<string, unknown>)[f];
    if (typeof x !== 'string' && !(x === null && MAY_BE_NULL.has(f))) throw damaged(`op field ${f}`);
  }
  return v as Op;
}

const SAMPLE: Op = { ledgerId: 'l', replicaId: 'r', hlc: 'h', author: 'a', entity: 'e', entityId: 'i', field: 'f', value: '"v"', measureId: null, oldValue: null, prevHash: '', hash: '0' };
/** What an op's text holds beyond its canonical text and its two hashes (each quoted): the keys, braces and commas. */
const KEYS_LENGTH = JSON.stringify(Object.fromEntries(OP_FIELDS.map((f) => [f, SAMPLE[f]]))).length - canonicalOp(SAMPLE).length - 4 - SAMPLE.hash.length;

/**
 * Where an op's text is not its one spelling, the shortest JSON of its fields (JSON.stringify, as SQLite's json_object
 * writes it too): told by length alone, since any other spelling of the same values — spaces, needless escapes, a key
 * given twice or one too many — is longer. That matters because the audit chain is checked on the values JavaScript
 * reads, while a new copy's log is written by SQLite from the same text (db/sync/snapshot.ts), and the two read a key
 * given twice differently. Keys in another order have the same length and are read alike by both.
 */
function misspelled(ops: readonly Op[], textLengths: readonly number[], index: number, canonical: string): boolean {
  const op = ops[index]!;
  // Hashes are hex, or the chain check refuses them: quoted, two characters longer.
  return textLengths[index] !== canonical.length + KEYS_LENGTH + op.prevHash.length + op.hash.length + 4;
}

function chainProblem({ ops, textLengths }: OpsPartRead): AppError | null {
  let wrong: number | null = null;
  const problems = checkChain(ops, (i, canonical) => {
    if (wrong === null && misspelled(ops, textLengths, i, canonical)) wrong = i;
  });
  if (wrong !== null) return damaged(`op ${wrong} is not spelled canonically`);
  if (problems.length === 0) return null;
  return new AppError('validation', `交换包中的修改记录未通过审计链校验(${problems[0]!.detail}),可能被删改或调换过顺序,未作任何修改。请向发送方重新索取。`, JSON.stringify(problems.slice(0, 5)));
}

/** A package's operations as read, each checked on its own (its text parsed, its fields there); the part's hash and count by the reader. */
export function readOpsPart(reader: PackageReader): OpsPartRead {
  const textLengths: number[] = [];
  const ops = reader.readOps((body) => {
    textLengths.push(body.length);
    return parseOp(body);
  });
  return { ops, textLengths };
}

/** What is wrong with a package's operations as a whole (another ledger's, a text spelled otherwise, a broken chain), or null. */
export function opsProblem(part: OpsPartRead, ledgerId: string): AppError | null {
  return ledgerProblem(part.ops, ledgerId) ?? chainProblem(part);
}

/**
 * The operations of a package, every check passed. `chain: false` leaves the spelling and the chain to a thread of its
 * own (see chain-check.ts), whose verdict the caller must have before it commits anything; the ledger is checked here
 * all the same (cheap, and what a merge would otherwise stumble on first).
 */
export function checkedOps(reader: PackageReader, o: { chain?: boolean } = {}): Op[] {
  const part = readOpsPart(reader);
  const problem = o.chain === false ? ledgerProblem(part.ops, reader.manifest.ledgerId) : opsProblem(part, reader.manifest.ledgerId);
  if (problem) throw problem;
  return part.ops;
}
