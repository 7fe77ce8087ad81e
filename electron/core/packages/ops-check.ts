// The check of a package's operations: the part's hash and count (in the reader), one ledger, and an unbroken audit chain.
import { AppError } from '../../../shared/errors';
import type { PackageReader } from './container';
import { damaged } from './crypto';
import { checkChain, strayOp, type Op } from './sync-port';

function ledgerProblem(ops: readonly Op[], ledgerId: string): AppError | null {
  const stray = strayOp(ops, ledgerId);
  return stray ? damaged(stray.kind === 'ledger' ? 'op of another ledger' : `op clock ${stray.op.hlc} of replica ${stray.op.replicaId}`) : null;
}

function chainProblem(ops: readonly Op[]): AppError | null {
  const problems = checkChain(ops);
  if (problems.length === 0) return null;
  return new AppError('validation', `交换包中的修改记录未通过审计链校验(${problems[0]!.detail}),可能被删改或调换过顺序,未作任何修改。请向发送方重新索取。`, JSON.stringify(problems.slice(0, 5)));
}

/** What is wrong with a package's operations as a whole (another ledger's, a broken chain), or null. */
export function opsProblem(ops: readonly Op[], ledgerId: string): AppError | null {
  return ledgerProblem(ops, ledgerId) ?? chainProblem(ops);
}

/**
 * The operations of a package, every check passed. `chain: false` leaves the chain to a thread of its own (see
 * chain-check.ts), whose verdict the caller must have before it commits anything; the ledger is checked here all the
 * same (cheap, and what a merge would otherwise stumble on first).
 */
export function checkedOps(reader: PackageReader, o: { chain?: boolean } = {}): Op[] {
  const ops = reader.readOps<Op>();
  const problem = o.chain === false ? ledgerProblem(ops, reader.manifest.ledgerId) : opsProblem(ops, reader.manifest.ledgerId);
  if (problem) throw problem;
  return ops;
}
