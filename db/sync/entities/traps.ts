// How the daily-work entities apply their ops: a target's actual figure per quarter (id `measure|quarter|target index`).
import { registerEntity } from '../registry';
import { ensurePeriod } from '../../queries/periods';
import { parts, tableEntity } from './table';

export function registerTrapEntities(): void {
  registerEntity(
    tableEntity({
      name: 'target_actual',
      table: 'target_actuals',
      key: (id) => {
        const [measure_id, period_id, target_index] = parts(id, 3) as [string, string, string];
        return { id, measure_id, period_id, target_index };
      },
      tombstone: 'none',
      fields: { actual: { column: 'actual', fallback: '' } },
      stamp: (s, db, key) => {
        ensurePeriod(db, key.period_id!);
        return { updated_by: s.updatedBy, updated_at: s.updatedAt };
      },
      measureOf: (_db, id) => parts(id, 3)[0]!,
    }),
  );
}
