// The inspection entities as exchange operations see them: each field of each row, and how an operation lands in its table.
import type { Db } from '../../open';

export interface Change {
  entity: string;
  entityId: string;
  field: string;
  value: unknown;
  measureId?: string | null;
}

export interface EntityDef {
  name: string;
  apply(db: Db, entityId: string, field: string, value: unknown): void;
  measureOf?(db: Db, entityId: string): string | null;
}

type Encode = (v: unknown) => unknown;
const text: Encode = (v) => (v === null || v === undefined ? null : String(v));
const json: Encode = (v) => JSON.stringify(Array.isArray(v) ? v : []);
const flag: Encode = (v) => (v ? 1 : 0);
const int: Encode = (v) => Math.trunc(Number(v) || 0);

interface Column {
  column: string;
  encode: Encode;
}

const col = (column: string, encode: Encode = text): Column => ({ column, encode });

/** An applier that creates the row with its defaults on first sight, then sets one column; unknown fields (a newer app's) are ignored. */
function tableEntity(name: string, table: string, fields: Record<string, Column>, measureColumn?: string): EntityDef {
  return {
    name,
    apply(db, entityId, field, value) {
      const c = fields[field];
      if (!c) return;
      db.prepare(`INSERT INTO ${table} (id) VALUES (?) ON CONFLICT (id) DO NOTHING`).run(entityId);
      db.prepare(`UPDATE ${table} SET ${c.column} = ? WHERE id = ?`).run(c.encode(value), entityId);
    },
    ...(measureColumn
      ? {
          measureOf(db: Db, entityId: string) {
            const r = db.prepare(`SELECT ${measureColumn} AS m FROM ${table} WHERE id = ?`).get(entityId) as { m: string } | undefined;
            return r?.m || null;
          },
        }
      : {}),
  };
}

export const ENTITY = {
  review: 'review',
  verdict: 'review_verdict',
  rectification: 'rectification',
  file: 'inspection_evidence',
  signature: 'review_signature',
} as const;

export const inspectionEntities: EntityDef[] = [
  tableEntity(ENTITY.review, 'reviews', {
    name: col('name'),
    planId: col('plan_id'),
    sectionIds: col('section_ids', json),
    departmentIds: col('department_ids', json),
    periodId: col('period_id'),
    startsOn: col('starts_on'),
    endsOn: col('ends_on'),
    reviewerIds: col('reviewer_ids', json),
    leadId: col('lead_id'),
    status: col('status'),
    rootId: col('root_id'),
    revision: col('revision', int),
    previousId: col('previous_id'),
    createdBy: col('created_by'),
    createdAt: col('created_at'),
    deleted: col('deleted', flag),
  }),
  tableEntity(
    ENTITY.verdict,
    'review_verdicts',
    { reviewId: col('review_id'), measureId: col('measure_id'), verdict: col('verdict'), finding: col('finding'), updatedBy: col('updated_by'), updatedAt: col('updated_at') },
    'measure_id',
  ),
  tableEntity(
    ENTITY.rectification,
    'rectifications',
    {
      reviewId: col('review_id'),
      measureId: col('measure_id'),
      requirement: col('requirement'),
      departmentId: col('department_id'),
      departmentName: col('department_name'),
      dueOn: col('due_on'),
      status: col('status'),
      response: col('response'),
      respondedBy: col('responded_by'),
      respondedAt: col('responded_at'),
      closedBy: col('closed_by'),
      closedAt: col('closed_at'),
      deleted: col('deleted', flag),
    },
    'measure_id',
  ),
  tableEntity(
    ENTITY.file,
    'inspection_evidence',
    { ownerKind: col('owner_kind'), ownerId: col('owner_id'), reviewId: col('review_id'), measureId: col('measure_id'), evidenceId: col('evidence_id'), deleted: col('deleted', flag) },
    'measure_id',
  ),
  tableEntity(ENTITY.signature, 'review_signatures', { signerId: col('signer_id'), signerName: col('signer_name'), signedAt: col('signed_at'), sha256: col('sha256'), covered: col('covered') }),
];

const byName = new Map(inspectionEntities.map((e) => [e.name, e]));

/** Field changes of one entity row, in the shape the exchange records. */
export function fields(entity: string, entityId: string, values: Record<string, unknown>, measureId: string | null = null): Change[] {
  return Object.entries(values).map(([field, value]) => ({ entity, entityId, field, value, measureId }));
}

/**
 * The one place inspection writes go through; call inside the caller's transaction.
 * Until the exchange core is merged it applies the changes directly with the same appliers the exchange will use.
 */
export function recordChanges(db: Db, _userId: string, changes: Change[]): void {
  for (const c of changes) {
    const def = byName.get(c.entity);
    if (!def) throw new Error(`unknown inspection entity ${c.entity}`);
    def.apply(db, c.entityId, c.field, c.value);
  }
}
