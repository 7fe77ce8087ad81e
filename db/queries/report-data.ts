// Reads what a report needs for a period and scope: measures with their effective status (the dashboard's rules), records, evidence, figures.
import type { Db } from '../open';
import type { MeasureRow, Status } from '../../shared/model';
import { localIsoDate } from '../../shared/periods';
import { AppError } from '../../shared/errors';
import type { EvidenceFile, PlanInfo, ReportData, ReportFigures, ReportPeriod, ReportRecord, ReportScope } from '../../shared/report/types';
import { addToCounts, emptyCounts } from './dashboard';
import { listMeasures, listSections } from './measures';
import { listDepartments } from './departments';

export interface ReportDataArgs {
  period: ReportPeriod;
  scope?: ReportScope | undefined;
  /** The day overdue is judged against; the period's end, or today when the period has not ended. */
  asOf?: string | undefined;
}

export function reportAsOf(period: ReportPeriod, today: string = localIsoDate(new Date())): string {
  return period.endsOn < today ? period.endsOn : today;
}

function emptyFigures(): ReportFigures {
  return { ...emptyCounts(), withoutEvidence: 0 };
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Evidence files of the quarters; none when the evidence table is not in this store yet. */
export function evidenceFiles(db: Db, quarters: string[]): EvidenceFile[] {
  if (!hasTable(db, 'evidence')) return [];
  const rows = db
    .prepare(
      `SELECT measure_id, period_id, name, coalesce(doc_date, added_at) AS added_at, sha256 FROM evidence
       WHERE period_id IN (SELECT value FROM json_each(?)) ORDER BY measure_id, period_id, added_at, name`,
    )
    .all(JSON.stringify(quarters)) as { measure_id: string; period_id: string; name: string; added_at: string; sha256: string }[];
  return rows.map((r) => ({ measureId: r.measure_id, periodId: r.period_id, name: r.name, addedAt: r.added_at, sha256: r.sha256 }));
}

function records(db: Db, quarters: string[]): ReportRecord[] {
  const rows = db
    .prepare(
      `SELECT p.measure_id, p.period_id, p.status, p.narrative, u.name AS updated_by_name, p.updated_at
       FROM progress p LEFT JOIN users u ON u.id = p.updated_by WHERE p.period_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(quarters)) as { measure_id: string; period_id: string; status: Status; narrative: string; updated_by_name: string | null; updated_at: string }[];
  return rows.map((r) => ({ measureId: r.measure_id, periodId: r.period_id, status: r.status, narrative: r.narrative, updatedByName: r.updated_by_name, updatedAt: r.updated_at }));
}

/** Section ids with all their descendants. */
function withDescendants(db: Db, ids: string[]): Set<string> {
  const rows = db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT value FROM json_each(?) UNION SELECT s.id FROM sections s JOIN sub ON s.parent_id = sub.id) SELECT id FROM sub`,
    )
    .all(JSON.stringify(ids)) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

function inScope(db: Db, scope: ReportScope): (m: MeasureRow) => boolean {
  const plans = scope.planIds?.length ? new Set(scope.planIds) : null;
  const sections = scope.sectionIds?.length ? withDescendants(db, scope.sectionIds) : null;
  const deps = scope.departmentIds?.length ? new Set(scope.departmentIds) : null;
  return (m) =>
    (!plans || plans.has(m.planId)) &&
    (!sections || (m.sectionId !== null && sections.has(m.sectionId))) &&
    (!deps || m.lead.some((u) => deps.has(u.departmentId)) || m.responsible.some((u) => deps.has(u.departmentId)));
}

function scopeLabel(db: Db, scope: ReportScope, plans: PlanInfo[]): string {
  const parts: string[] = [];
  parts.push(scope.planIds?.length ? plans.map((p) => `《${p.title}》`).join('') : '全部实施方案');
  if (scope.sectionIds?.length) {
    const heads = listSections(db).filter((s) => scope.sectionIds!.includes(s.id)).map((s) => s.heading);
    parts.push(`领域:${heads.join('、')}`);
  }
  if (scope.departmentIds?.length) {
    const names = listDepartments(db).filter((d) => scope.departmentIds!.includes(d.id)).map((d) => d.name);
    parts.push(`单位:${names.join('、')}`);
  }
  return parts.join(';');
}

export function loadReportData(db: Db, args: ReportDataArgs): ReportData {
  const { period } = args;
  const scope = args.scope ?? {};
  const asOf = args.asOf ?? reportAsOf(period);
  const keep = inScope(db, scope);
  const statusByQuarter: Record<string, Record<string, Status>> = {};
  let measures: MeasureRow[] = [];
  for (const q of period.quarters) {
    const rows = listMeasures(db, { periodId: q, asOf }).filter(keep);
    statusByQuarter[q] = Object.fromEntries(rows.map((m) => [m.id, m.status]));
    if (q === period.lastQuarter) measures = rows;
  }
  if (period.quarters.length > 400) throw new AppError('validation', '报告期过长,请选择不超过一百年的期间。');
  const ids = new Set(measures.map((m) => m.id));
  const evidence = evidenceFiles(db, period.quarters).filter((f) => ids.has(f.measureId));
  const withEvidence = new Set(evidence.map((f) => f.measureId));
  const planIds = [...new Set(measures.map((m) => m.planId).concat(scope.planIds ?? []))];
  const plans = db
    .prepare('SELECT id, title, issuer FROM plans WHERE id IN (SELECT value FROM json_each(?)) ORDER BY imported_at, title')
    .all(JSON.stringify(planIds)) as PlanInfo[];
  const sections = listSections(db).filter((s) => planIds.includes(s.planId));
  const byId = new Map(sections.map((s) => [s.id, s]));
  const topOf = (sectionId: string | null) => {
    let s = sectionId ? byId.get(sectionId) : undefined;
    while (s?.parentId && byId.has(s.parentId)) s = byId.get(s.parentId);
    return s;
  };

  const figures = emptyFigures();
  const bySection = new Map<string, ReportData['bySection'][number]>();
  const byDepartment = new Map<string, ReportData['byDepartment'][number]>();
  const add = (f: ReportFigures, m: MeasureRow) => {
    addToCounts(f, m);
    if (m.status !== '不适用' && !withEvidence.has(m.id)) f.withoutEvidence++;
  };
  for (const m of measures) {
    add(figures, m);
    const top = topOf(m.sectionId);
    const key = `${m.planId}|${top?.id ?? ''}`;
    let s = bySection.get(key);
    if (!s) {
      s = { ...emptyFigures(), sectionId: top?.id ?? null, planId: m.planId, label: top?.label ?? '', heading: top?.heading ?? '其他工作' };
      bySection.set(key, s);
    }
    add(s, m);
    const seen = new Set<string>();
    for (const u of [...m.lead, ...m.responsible]) {
      if (seen.has(u.departmentId)) continue;
      seen.add(u.departmentId);
      let d = byDepartment.get(u.departmentId);
      if (!d) {
        d = { ...emptyFigures(), departmentId: u.departmentId, name: u.name };
        byDepartment.set(u.departmentId, d);
      }
      add(d, m);
    }
  }
  return {
    period,
    asOf,
    plans,
    sections,
    measures,
    statusByQuarter,
    records: records(db, period.quarters).filter((r) => ids.has(r.measureId)),
    evidence,
    figures,
    bySection: [...bySection.values()],
    byDepartment: [...byDepartment.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh')),
    scopeLabel: scopeLabel(db, scope, plans),
  };
}
