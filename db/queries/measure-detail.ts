// One measure in full for the detail pane: its row, text, targets, every quarter's record and its history.
import type { Db } from '../open';
import type { MeasureFacts } from '../../shared/model';
import { AppError } from '../../shared/errors';
import { getMeasureRow } from './measures';
import { progressOf } from './progress';
import { measureHistory } from './changelog';

export function getMeasure(db: Db, id: string, periodId: string, asOf?: string): MeasureFacts {
  const row = getMeasureRow(db, id, periodId, asOf);
  if (!row) throw new AppError('not_found', '找不到这项措施,它可能已被删除。请刷新后重试。');
  const extra = db
    .prepare(
      `SELECT m.text, m.targets, s.heading AS section_heading, p.title AS plan_title
       FROM measures m JOIN plans p ON p.id = m.plan_id LEFT JOIN sections s ON s.id = m.section_id WHERE m.id = ?`,
    )
    .get(id) as { text: string; targets: string; section_heading: string | null; plan_title: string };
  return {
    ...row,
    text: extra.text,
    targets: JSON.parse(extra.targets) as string[],
    sectionHeading: extra.section_heading,
    planTitle: extra.plan_title,
    progress: progressOf(db, id),
    history: measureHistory(db, id),
  };
}
