// The inspection entities as exchange operations see them: each field of each row, and how an operation lands in its table.
import type { Db } from '../../open';
import { registerEntity, type EntityDef } from '../../sync/registry';
import { bool, jsonText, tableEntity, type Column } from '../../sync/entities/table';

type Encode = (v: unknown) => unknown;
const text: Encode = (v) => (v === null || v === undefined ? null : String(v));
const int: Encode = (v) => Math.trunc(Number(v) || 0);

const col = (column: string, fallback: unknown = null, toDb: Encode = text): Column => ({ column, fallback, toDb });
const json = (column: string): Column => ({ column, fallback: [], toDb: jsonText });
const flag = (column: string): Column => ({ column, fallback: false, toDb: bool });

/** Rows keyed by their whole id (review|measure and evidence|owner ids are opaque here). */
function table(name: string, tableName: string, fields: Record<string, Column>, withMeasure: boolean): EntityDef {
  return tableEntity({
    name,
    table: tableName,
    key: (id) => ({ id }),
    tombstone: 'deleted' in fields ? 'column' : 'none',
    fields,
    ...(withMeasure ? { measureOf: (db: Db, id: string) => (db.prepare(`SELECT measure_id FROM ${tableName} WHERE id = ?`).pluck().get(id) as string | undefined) || null } : {}),
  });
}

export const ENTITY = {
  review: 'review',
  verdict: 'review_verdict',
  rectification: 'rectification',
  file: 'inspection_evidence',
  signature: 'review_signature',
} as const;

export const inspectionEntities: EntityDef[] = [
  table(
    ENTITY.review,
    'reviews',
    {
      name: col('name', ''),
      planId: col('plan_id'),
      sectionIds: json('section_ids'),
      departmentIds: json('department_ids'),
      periodId: col('period_id', ''),
      startsOn: col('starts_on'),
      endsOn: col('ends_on'),
      reviewerIds: json('reviewer_ids'),
      leadId: col('lead_id'),
      status: col('status', '进行中'),
      rootId: col('root_id', ''),
      revision: col('revision', 1, int),
      previousId: col('previous_id'),
      createdBy: col('created_by'),
      createdAt: col('created_at', ''),
      deleted: flag('deleted'),
    },
    false,
  ),
  table(
    ENTITY.verdict,
    'review_verdicts',
    { reviewId: col('review_id', ''), measureId: col('measure_id', ''), verdict: col('verdict', '未检查'), finding: col('finding', ''), updatedBy: col('updated_by'), updatedAt: col('updated_at', '') },
    true,
  ),
  table(
    ENTITY.rectification,
    'rectifications',
    {
      reviewId: col('review_id', ''),
      measureId: col('measure_id', ''),
      requirement: col('requirement', ''),
      departmentId: col('department_id'),
      departmentName: col('department_name', ''),
      dueOn: col('due_on', ''),
      status: col('status', '待整改'),
      response: col('response', ''),
      respondedBy: col('responded_by'),
      respondedAt: col('responded_at'),
      closedBy: col('closed_by'),
      closedAt: col('closed_at'),
      deleted: flag('deleted'),
    },
    true,
  ),
  table(
    ENTITY.file,
    'inspection_evidence',
    { ownerKind: col('owner_kind', 'review'), ownerId: col('owner_id', ''), reviewId: col('review_id', ''), measureId: col('measure_id', ''), evidenceId: col('evidence_id', ''), deleted: flag('deleted') },
    true,
  ),
  table(ENTITY.signature, 'review_signatures', { signerId: col('signer_id'), signerName: col('signer_name', ''), signedAt: col('signed_at', ''), sha256: col('sha256', ''), covered: col('covered', '') }, false),
];

/** Called once where the exchange core registers its entities. */
export function registerInspectionEntities(): void {
  for (const e of inspectionEntities) registerEntity(e);
}
