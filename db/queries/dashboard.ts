// Dashboard figures: status counts by area (a measure's own section) and by department, plus deadlines.
import type { Db } from '../open';
import type { Dashboard, MeasureRow, StatusCounts } from '../../shared/model';
import { listMeasures, listSections } from './measures';

export function emptyCounts(): StatusCounts {
  return { total: 0, notStarted: 0, inProgress: 0, done: 0, notApplicable: 0, overdue: 0 };
}

export function addToCounts(c: StatusCounts, m: MeasureRow): void {
  c.total++;
  if (m.status === '未开始') c.notStarted++;
  else if (m.status === '推进中') c.inProgress++;
  else if (m.status === '已完成') c.done++;
  else c.notApplicable++;
  if (m.overdue) c.overdue++;
}

export function dashboard(db: Db, args: { periodId: string; planId?: string | undefined; asOf?: string | undefined }): Dashboard {
  const rows = listMeasures(db, { periodId: args.periodId, planId: args.planId, asOf: args.asOf });
  const sections = new Map(listSections(db, args.planId).map((s) => [s.id, s]));
  const totals = emptyCounts();
  const bySection = new Map<string, Dashboard['bySection'][number]>();
  const byDepartment = new Map<string, Dashboard['byDepartment'][number]>();
  for (const m of rows) {
    addToCounts(totals, m);
    const key = m.sectionId ?? `plan:${m.planId}`;
    let s = bySection.get(key);
    if (!s) {
      const sec = m.sectionId ? sections.get(m.sectionId) : undefined;
      s = { ...emptyCounts(), sectionId: m.sectionId, planId: m.planId, label: sec?.label ?? '', heading: sec?.heading ?? '其他' };
      bySection.set(key, s);
    }
    addToCounts(s, m);
    const seen = new Set<string>();
    for (const u of [...m.lead, ...m.responsible]) {
      if (seen.has(u.departmentId)) continue;
      seen.add(u.departmentId);
      let d = byDepartment.get(u.departmentId);
      if (!d) {
        d = { ...emptyCounts(), departmentId: u.departmentId, name: u.name };
        byDepartment.set(u.departmentId, d);
      }
      addToCounts(d, m);
    }
  }
  return {
    periodId: args.periodId,
    totals,
    bySection: [...bySection.values()],
    byDepartment: [...byDepartment.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh')),
    overdue: rows.filter((m) => m.overdue),
    dueSoon: rows.filter((m) => m.dueSoon),
  };
}
