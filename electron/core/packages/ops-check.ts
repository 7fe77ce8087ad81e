// The check of a package's operations: the part's hash and count (in the reader), one ledger, and an unbroken audit chain.
import { AppError } from '../../../shared/errors';
import type { PackageReader } from './container';
import { damaged } from './crypto';
import { checkChain, type Op } from './sync-port';

export function checkedOps(reader: PackageReader): Op[] {
  const m = reader.manifest;
  const ops = reader.readOps<Op>();
  if (ops.some((op) => op.ledgerId !== m.ledgerId)) throw damaged('op of another ledger');
  const problems = checkChain(ops);
  if (problems.length > 0) {
    throw new AppError('validation', `交换包中的修改记录未通过审计链校验(${problems[0]!.detail}),可能被删改或调换过顺序,未作任何修改。请向发送方重新索取。`, JSON.stringify(problems.slice(0, 5)));
  }
  return ops;
}
