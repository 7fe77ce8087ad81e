// The exchange core for the store: record changes as ops, register entities, identity; merge and audit live beside it.
import './entities/index';

export { record } from './record';
export { registerEntity, type EntityDef } from './registry';
export { identity, adoptLedger, checkFingerprint, type Identity } from './identity';
export type { Change, Op, VersionVector, Slice } from '../../shared/sync/types';
export { versionVector, opsSince, copyOpTextsSince, strayOp, evidenceSince, applyOps, previewApply, type ApplyOptions, type ApplyResult } from './exchange';
export { listConflicts, getConflict, resolveConflict } from './conflicts';
export { verifyAudit } from './audit';
export { verifyChain } from './verify-chain';
export { checkRows, type RowMismatch } from './row-check';
export { attachNewSnapshot, attachSnapshot, detachSnapshot, snapshotProblem, holdsNoLedgerRows, restoreSnapshot } from './snapshot';
