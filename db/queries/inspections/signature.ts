// Sign-off: the lead inspector's SHA-256 over everything a review covers; verifying re-reads the rows and re-hashes the files.
import { createHash } from 'node:crypto';
import type { Db } from '../../open';
import { nowIso } from '../../../shared/ids';
import { AppError } from '../../../shared/errors';
import { canonicalCovered, changedMeasures } from '../../../shared/inspections/covered';
import type { Covered, Review, VerifyResult } from '../../../shared/inspections/types';
import { verifyBlobs } from '../../evidence-store/verify';
import { ENTITY } from './entities';
import { fields, recordChanges } from './write';
import { getReview, requireEditable } from './reviews';
import { coveredNow, inspectorFiles } from './detail';

export function coveredHash(c: Covered): string {
  return createHash('sha256').update(canonicalCovered(c), 'utf8').digest('hex');
}

/** Signs a review as its lead inspector; afterwards it is read-only. */
export function signReview(db: Db, reviewId: string, signer: { id: string; name: string }): Review {
  return db.transaction(() => {
    const head = requireEditable(db, reviewId);
    if (head.leadId && head.leadId !== signer.id) throw new AppError('forbidden', `只有组长${head.leadName ?? ''}可以签署本次督察。请切换为组长后再签署。`);
    const review = getReview(db, reviewId);
    const covered = coveredNow(db, review);
    recordChanges(db, signer.id, [
      ...fields(ENTITY.signature, reviewId, { signerId: signer.id, signerName: signer.name, signedAt: nowIso(), covered: canonicalCovered(covered), sha256: coveredHash(covered) }),
      ...fields(ENTITY.review, reviewId, { status: '已签署' }),
    ]);
    return getReview(db, reviewId);
  })();
}

/** Whether anything the signature covers has changed since: rows compared with what was signed, files re-hashed on disk. */
export async function verifyReview(db: Db, dataDir: string, reviewId: string): Promise<VerifyResult> {
  const review = getReview(db, reviewId);
  const now = coveredNow(db, review);
  const currentSha256 = coveredHash(now);
  const stored = db.prepare("SELECT covered, sha256 FROM review_signatures WHERE id = ? AND sha256 <> ''").get(reviewId) as { covered: string; sha256: string } | undefined;
  const files = [...inspectorFiles(db, reviewId).values()].flat();
  const states = await verifyBlobs(dataDir, files);
  const damagedFiles = files.flatMap((f) => {
    const s = states.get(f.sha256);
    return s === 'missing' || s === 'changed' ? [{ name: f.name, sha256: f.sha256, state: s }] : [];
  });
  if (!stored) return { reviewId, signed: false, ok: false, signedSha256: null, currentSha256, changedMeasures: [], reviewChanged: false, damagedFiles };
  const signed = JSON.parse(stored.covered) as Covered;
  const changed = changedMeasures(signed, now);
  const reviewChanged = JSON.stringify(JSON.parse(canonicalCovered({ ...signed, items: [] })).review) !== JSON.stringify(JSON.parse(canonicalCovered({ ...now, items: [] })).review);
  // The stored hash must still be the hash of the stored text, or the signature row itself was tampered with.
  const intact = coveredHash(signed) === stored.sha256;
  return {
    reviewId,
    signed: true,
    ok: intact && stored.sha256 === currentSha256 && damagedFiles.length === 0,
    signedSha256: stored.sha256,
    currentSha256,
    changedMeasures: changed,
    reviewChanged: reviewChanged || !intact,
    damagedFiles,
  };
}
