// The exchange's vocabulary: a change asked for, the operation recorded for it, what a replica has seen, a slice.

/** One field of one row set to a value; `record()` turns it into an operation. */
export interface Change {
  entity: string;
  entityId: string;
  field: string;
  value: unknown;
  /** The measure the change belongs to (for history and slices); the entity's measureOf() when absent. */
  measureId?: string | null;
}

/** A recorded change as it travels between replicas. Values are JSON text, so that hashes are exact. */
export interface Op {
  ledgerId: string;
  replicaId: string;
  /** Hybrid logical clock, see hlc.ts: sorts as text, unique per replica. */
  hlc: string;
  /** User id of the person who made the change. */
  author: string;
  entity: string;
  entityId: string;
  field: string;
  /** The new value, canonical JSON. */
  value: string;
  measureId: string | null;
  /** The value it replaced on the recording replica (canonical JSON), null when the field had none: shown in history only. */
  oldValue: string | null;
  /** Hash of the previous op of the same replica ('' for its first), and this op's own hash. */
  prevHash: string;
  hash: string;
}

/**
 * An op's fields in the order its JSON text has them, wherever it is written (JSON.stringify of toOp, SQLite's
 * json_object): one text per op, so that the text a package carries can be checked as the only spelling of its op.
 */
export const OP_FIELDS = ['ledgerId', 'replicaId', 'hlc', 'author', 'entity', 'entityId', 'field', 'value', 'measureId', 'oldValue', 'prevHash', 'hash'] as const satisfies readonly (keyof Op)[];

/** Newest HLC seen per replica id. */
export type VersionVector = Record<string, string>;

/** What a package covers: measures chosen by plan, section or department, progress and evidence of the chosen quarters. */
export interface Slice {
  planIds?: string[] | undefined;
  sectionIds?: string[] | undefined;
  /** Department ids or names (any spelling a document used). */
  departments?: string[] | undefined;
  /** Quarter ids like 2024-Q3. */
  periods?: string[] | undefined;
}

/** Canonical JSON: object keys sorted, so that equal values have equal text (and equal hashes). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v === undefined ? null : v;
}
