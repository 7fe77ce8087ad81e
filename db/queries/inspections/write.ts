// The one place inspection writes go through: field changes recorded as exchange operations (and applied) by record().
import type { Db } from '../../open';
import { record, type Change } from '../../sync/index';

export type { Change };

/** Field changes of one entity row, in the shape the exchange records. */
export function fields(entity: string, entityId: string, values: Record<string, unknown>, measureId: string | null = null): Change[] {
  return Object.entries(values).map(([field, value]) => ({ entity, entityId, field, value, measureId }));
}

/** Call inside the caller's transaction. */
export function recordChanges(db: Db, userId: string, changes: Change[]): void {
  record(db, userId, changes);
}
