// Verdicts and findings changed on two replicas apart are conflicts like progress; a signed review keeps what was signed.
import type { Db } from '../../open';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../../../shared/ids';
import { changedMeasures } from '../../../shared/inspections/covered';
import { VERDICTS, type Covered, type CoveredItem } from '../../../shared/inspections/types';
import type { Op } from '../../../shared/sync/types';
import { conflictId, recordConflict, registerConflictKind, type ConflictSeen } from '../../sync/conflicts';
import { winningOp } from '../../sync/ops-store';
import { record } from '../../sync/record';
import { registerMergeCheck } from '../../sync/registry';
import { ENTITY } from './entities';
import { fields } from './write';
import { coveredNow } from './detail';
import { getReview } from './reviews';

const JUDGED = ['verdict', 'finding'] as const;
type Judged = (typeof JUDGED)[number];

/** What the lead inspector signed, or null while the review is unsigned. */
function signedCovered(db: Db, reviewId: string): Covered | null {
  const covered = db.prepare("SELECT covered FROM review_signatures WHERE id = ? AND sha256 <> ''").pluck().get(reviewId) as string | undefined;
  return covered ? (JSON.parse(covered) as Covered) : null;
}

function signedItem(db: Db, reviewId: string, measureId: string): CoveredItem | null {
  return signedCovered(db, reviewId)?.items.find((i) => i.measureId === measureId) ?? null;
}

function split(entityId: string): { reviewId: string; measureId: string } {
  const [reviewId = '', measureId = ''] = entityId.split('|');
  return { reviewId, measureId };
}

function reviewRow(db: Db, reviewId: string): { name: string; revision: number; period_id: string; superseded: number } | undefined {
  return db
    .prepare('SELECT name, revision, period_id, EXISTS (SELECT 1 FROM reviews n WHERE n.previous_id = r.id AND n.deleted = 0) AS superseded FROM reviews r WHERE id = ?')
    .get(reviewId) as { name: string; revision: number; period_id: string; superseded: number } | undefined;
}

/** The value a resolution may give a verdict or finding, as the changes that record it. */
function resolveJudged(db: Db, author: string, entityId: string, field: string, value: string): ReturnType<typeof fields> {
  const { reviewId, measureId } = split(entityId);
  const review = reviewRow(db, reviewId);
  if (!review) throw new AppError('not_found', '找不到这条冲突所属的督察。请先导入包含该督察的交换包。');
  if (field === 'verdict' && !(VERDICTS as readonly string[]).includes(value)) throw new AppError('validation', `结论只能是 ${VERDICTS.join('、')} 之一。`);
  const signed = signedItem(db, reviewId, measureId);
  if (signed) {
    // Read-only once signed: only what was signed can be kept; anything else belongs in a new revision.
    if (signed[field as Judged] === value) return [];
    throw new AppError('conflict', `督察“${review.name}”(第${review.revision}版)已签署,签署时的内容不能在这里更改。请保留签署时的内容;如需采纳另一方的意见,请建立新的修订版本后修改。`);
  }
  if (review.superseded) throw new AppError('conflict', `督察“${review.name}”第${review.revision}版已有更新的修订版本。请保留当前内容,再到最新版本中修改。`);
  return fields(ENTITY.verdict, entityId, { [field]: value, updatedBy: author, updatedAt: nowIso() }, measureId);
}

/**
 * After a merge: a signed review whose verdicts, findings or rectification demands no longer match
 * what was signed (an edit made elsewhere before the signature was seen, newer by the clock) gets
 * the signed values back (files linked or unlinked elsewhere too), and each verdict or finding so overruled is listed as a conflict whose
 * id comes from the overruled op and the signature op: the same on every PC that finds it.
 */
function keepSigned(db: Db, fresh: readonly Op[], author: string): ConflictSeen[] {
  const reviewIds = new Set<string>();
  for (const op of fresh) {
    if (op.entity === ENTITY.verdict || op.entity === ENTITY.rectification) reviewIds.add(split(op.entityId).reviewId);
    else if (op.entity === ENTITY.signature || op.entity === ENTITY.review) reviewIds.add(op.entityId);
    // evidence|review, where the evidence id has bars of its own.
    else if (op.entity === ENTITY.file) reviewIds.add(op.entityId.slice(op.entityId.lastIndexOf('|') + 1));
  }
  const out: ConflictSeen[] = [];
  for (const reviewId of reviewIds) {
    const signed = signedCovered(db, reviewId);
    const sig = signed ? winningOp(db, ENTITY.signature, reviewId, 'sha256') : undefined;
    if (!signed || !sig) continue;
    const now = coveredNow(db, getReview(db, reviewId));
    const changed = new Set(changedMeasures(signed, now));
    for (const was of signed.items) {
      if (!changed.has(was.measureId)) continue;
      const is = now.items.find((i) => i.measureId === was.measureId);
      const id = `${reviewId}|${was.measureId}`;
      const by = author || sig.author;
      for (const field of JUDGED) {
        if (is && is[field] === was[field]) continue;
        const overruled = winningOp(db, ENTITY.verdict, id, field);
        record(db, by, fields(ENTITY.verdict, id, { [field]: was[field] }, was.measureId));
        if (!overruled) continue;
        out.push(
          recordConflict(db, by, {
            id: conflictId(overruled, sig),
            entity: ENTITY.verdict,
            entityId: id,
            field,
            winner: { value: JSON.stringify(was[field]), author: sig.author, hlc: sig.hlc, replicaId: sig.replicaId },
            loser: overruled,
          }),
        );
      }
      restoreFiles(db, by, reviewId, was);
      const demand = was.rectification;
      if (JSON.stringify(demand) !== JSON.stringify(is?.rectification ?? null)) {
        record(
          db,
          by,
          demand
            ? fields(ENTITY.rectification, id, { reviewId, measureId: was.measureId, ...demand, deleted: false }, was.measureId)
            : fields(ENTITY.rectification, id, { deleted: true }, was.measureId),
        );
      }
    }
  }
  return out;
}

/** The inspectors' files of one measure back to the signed set: links added elsewhere taken off, links taken off put back. */
function restoreFiles(db: Db, author: string, reviewId: string, was: CoveredItem): void {
  const signed = new Set(was.evidence);
  const rows = db
    .prepare(
      `SELECT x.id, x.deleted, e.sha256 FROM inspection_evidence x JOIN evidence e ON e.id = x.evidence_id
       WHERE x.owner_id = ? AND x.owner_kind = 'review' AND x.measure_id = ? ORDER BY x.deleted, x.id`,
    )
    .all(reviewId, was.measureId) as { id: string; deleted: number; sha256: string }[];
  const kept = new Set<string>();
  for (const r of rows) {
    const keep = signed.has(r.sha256) && !kept.has(r.sha256);
    if (keep) kept.add(r.sha256);
    if (keep === !r.deleted) continue;
    record(db, author, fields(ENTITY.file, r.id, { deleted: !keep }, was.measureId));
  }
}

/** Called once where the exchange core registers its entities. */
export function registerInspectionConflicts(): void {
  registerConflictKind({
    entity: ENTITY.verdict,
    fields: JUDGED,
    locate: (db, entityId) => {
      const { reviewId, measureId } = split(entityId);
      return { measureId, periodId: reviewRow(db, reviewId)?.period_id ?? '', reviewId };
    },
    pinned: (db, entityId, field) => {
      const { reviewId, measureId } = split(entityId);
      const item = signedItem(db, reviewId, measureId);
      return item ? JSON.stringify(item[field as Judged]) : null;
    },
    resolve: resolveJudged,
    describe: (db, entityId) => {
      const { reviewId } = split(entityId);
      const r = reviewRow(db, reviewId);
      return { reviewId, reviewName: r?.name ?? null, reviewRevision: r?.revision ?? null };
    },
  });
  registerMergeCheck('inspections.keep-signed', keepSigned);
}
