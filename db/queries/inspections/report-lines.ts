// The rectification lines the quarterly report lists: open ones in force on the measures in scope.
import type { Db } from '../../open';
import type { RectificationLine } from '../../../shared/report/rectifications';
import { listRectifications } from './rectifications';

export function rectificationLines(db: Db, measureIds: ReadonlySet<string>, asOf: string): RectificationLine[] {
  return listRectifications(db, { open: true, asOf })
    .filter((r) => measureIds.has(r.measureId))
    .map((r) => ({ measureNumber: r.measureNumber, measureTitle: r.measureTitle, requirement: r.requirement, department: r.departmentName, dueOn: r.dueOn, status: r.status, overdue: r.overdue }));
}
