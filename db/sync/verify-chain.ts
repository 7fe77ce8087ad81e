// The chain check of shared/sync with Node's SHA-256: for ops carried in a package.
import type { Op } from '../../shared/sync/types';
import { verifyChain as check, type ChainProblem } from '../../shared/sync/audit-hash';
import { sha256Hex } from './hash';

export function verifyChain(ops: readonly Op[], seeCanonical?: (index: number, text: string) => void): ChainProblem[] {
  return check(ops, sha256Hex, seeCanonical);
}
