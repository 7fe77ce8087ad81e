// Fills a store with progress records in bulk, for benchmarks and report tests at scale.
import type { Db } from '../../db/open';
import { ensurePeriod } from '../../db/queries/periods';
import { indexText } from '../../db/queries/search';
import { newId, nowIso } from '../../shared/ids';
import { STATUSES } from '../../shared/model';
import { seeded } from './generate';

const NOTES = ['召开专题会议研究部署', '开展行政复议案件评查', '组织信访积案化解', '完成合法性审查12件', '举办执法人员培训两期', '公开政府信息300余条', '调解矛盾纠纷45起'];

/** Writes `count` progress records spread over measures and eight quarters of 2024–2025, in one transaction. */
export function seedProgress(db: Db, userId: string, count: number, seed: number): void {
  const rnd = seeded(seed);
  const ids = (db.prepare('SELECT id FROM measures ORDER BY ord').all() as { id: string }[]).map((r) => r.id);
  const periods = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
  const insert = db.prepare('INSERT OR IGNORE INTO progress (id, measure_id, period_id, status, narrative, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    periods.forEach((p) => ensurePeriod(db, p));
    let made = 0;
    for (let i = 0; made < count && i < count * 4; i++) {
      const id = newId();
      const measure = ids[i % ids.length]!;
      const period = periods[Math.floor(i / ids.length) % periods.length]!;
      const note = `${NOTES[Math.floor(rnd() * NOTES.length)]},${NOTES[Math.floor(rnd() * NOTES.length)]}。`;
      if (insert.run(id, measure, period, STATUSES[Math.floor(rnd() * 3)]!, note, userId, nowIso()).changes) {
        indexText(db, `progress:${id}`, measure, note);
        made++;
      }
    }
  })();
}
