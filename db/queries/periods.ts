// Reporting periods (quarters) referenced by progress records.
import type { Db } from '../open';
import { parseQuarterId } from '../../shared/periods';
import { stmt } from '../sync/stmt';
import { AppError } from '../../shared/errors';

/** Makes sure the quarter row exists; refuses ids that are not quarters. */
export function ensurePeriod(db: Db, periodId: string): void {
  const q = parseQuarterId(periodId);
  if (!q) throw new AppError('validation', `季度“${periodId}”格式不对,应写成 2024-Q3 这样的形式。`);
  stmt(db, 'INSERT OR IGNORE INTO periods (id, year, quarter, starts_on, ends_on) VALUES (?, ?, ?, ?, ?)').run(
    q.id,
    q.year,
    q.quarter,
    q.startsOn,
    q.endsOn,
  );
}
