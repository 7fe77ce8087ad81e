// Reads what a report needs for a period and scope: measures with their effective status (the dashboard's rules), records, evidence, figures.
import { CURRENT_EVIDENCE } from './evidence';
import { rectificationLines } from './inspections/report-lines';
import type { Db } from '../open';
import type { MeasureRow, Section, Status } from '../../shared/model';
import { AppError } from '../../shared/errors';
import type { EvidenceFile, PlanInfo, ReportData, ReportFigures, ReportGrouping, ReportPeriod, ReportRecord, ReportScope, SectionGroup } from '../../shared/report/types';
import { lackingEvidence, sectionGrouping, sectionChains } from '../../shared/report/common';
import { LEADER_DUTY } from '../../shared/report/annual';
import { addToCounts, emptyCounts } from './dashboard';
import { listMeasures, listSections } from './measures';
import { listDepartments } from './departments';

export interface ReportDataArgs {
  period: ReportPeriod;
  scope?: ReportScope | undefined;
  /** The day overdue is judged against; the period's end (one rule for every report and sheet). */
  asOf?: string | undefined;
  grouping?: ReportGrouping | undefined;
}

function emptyFigures(): ReportFigures {
  return { ...emptyCounts(), withoutEvidence: 0 };
}

function evidenceFiles(db: Db, quarters: string[]): EvidenceFile[] {
  const rows = db
    .prepare(
      `SELECT measure_id, period_id, name, coalesce(doc_date, added_at) AS added_at, sha256, doc_number, doc_date FROM evidence e
       WHERE period_id IN (SELECT value FROM json_each(?)) AND ${CURRENT_EVIDENCE} ORDER BY measure_id, period_id, added_at, name`,
    )
    .all(JSON.stringify(quarters)) as { measure_id: string; period_id: string; name: string; added_at: string; sha256: string; doc_number: string | null; doc_date: string | null }[];
  return rows.map((r) => ({ measureId: r.measure_id, periodId: r.period_id, name: r.name, addedAt: r.added_at, sha256: r.sha256, docNumber: r.doc_number, docDate: r.doc_date }));
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

function measureTexts(db: Db, ids: string[]): Pick<ReportData, 'targets' | 'texts'> {
  const rows = db.prepare('SELECT id, text, targets FROM measures WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: string; text: string; targets: string }[];
  return { targets: Object.fromEntries(rows.map((r) => [r.id, JSON.parse(r.targets) as string[]])), texts: Object.fromEntries(rows.map((r) => [r.id, r.text])) };
}

/** Section ids with all their descendants. */
function withDescendants(all: Section[], ids: string[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const s of all) {
    if (!s.parentId) continue;
    const list = children.get(s.parentId);
    if (list) list.push(s.id);
    else children.set(s.parentId, [s.id]);
  }
  const out = new Set<string>();
  const visit = (id: string): void => {
    if (out.has(id)) return;
    out.add(id);
    children.get(id)?.forEach(visit);
  };
  ids.forEach(visit);
  return out;
}

function inScope(allSections: Section[], scope: ReportScope): (m: MeasureRow) => boolean {
  const plans = scope.planIds?.length ? new Set(scope.planIds) : null;
  const sections = scope.sectionIds?.length ? withDescendants(allSections, scope.sectionIds) : null;
  const deps = scope.departmentIds?.length ? new Set(scope.departmentIds) : null;
  return (m) =>
    (!plans || plans.has(m.planId)) &&
    (!sections || (m.sectionId !== null && sections.has(m.sectionId))) &&
    (!deps || m.lead.some((u) => deps.has(u.departmentId)) || m.responsible.some((u) => deps.has(u.departmentId)));
}

function scopeLabel(db: Db, scope: ReportScope, plans: PlanInfo[], allSections: Section[]): string {
  const parts: string[] = [];
  parts.push(scope.planIds?.length ? plans.map((p) => `《${p.title}》`).join('') : '全部实施方案');
  if (scope.sectionIds?.length) {
    const heads = allSections.filter((s) => scope.sectionIds!.includes(s.id)).map((s) => s.heading);
    parts.push(`领域:${heads.join('、')}`);
  }
  if (scope.departmentIds?.length) {
    const names = listDepartments(db).filter((d) => scope.departmentIds!.includes(d.id)).map((d) => d.name);
    parts.push(`单位:${names.join('、')}`);
  }
  return parts.join(';');
}

/** Effective status of each measure at each quarter: its latest record up to that quarter, else 未开始. */
function statusesByQuarter(db: Db, quarters: string[], measures: MeasureRow[]): Record<string, Record<string, Status>> {
  const last = quarters[quarters.length - 1]!;
  const out: Record<string, Record<string, Status>> = {};
  for (const q of quarters) out[q] = {};
  const rows = db
    .prepare('SELECT measure_id, period_id, status FROM progress WHERE period_id <= ? ORDER BY measure_id, period_id')
    .all(last) as { measure_id: string; period_id: string; status: Status }[];
  const history = new Map<string, { period_id: string; status: Status }[]>();
  for (const r of rows) {
    const h = history.get(r.measure_id);
    if (h) h.push(r);
    else history.set(r.measure_id, [r]);
  }
  for (const m of measures) {
    const h = history.get(m.id) ?? [];
    let i = 0;
    let status: Status = '未开始';
    for (const q of quarters) {
      while (i < h.length && h[i]!.period_id <= q) status = h[i++]!.status;
      out[q]![m.id] = status;
    }
  }
  return out;
}

/** Figures overall, by reported section and by department (a measure counts once for each of its units' departments). */
function tally(measures: MeasureRow[], groupOf: (m: MeasureRow) => Section | null, lacking: Set<string>): Pick<ReportData, 'figures' | 'bySection' | 'byDepartment'> {
  const figures = emptyFigures();
  const bySection = new Map<string, SectionGroup>();
  const byDepartment = new Map<string, ReportData['byDepartment'][number]>();
  const add = (f: ReportFigures, m: MeasureRow) => {
    addToCounts(f, m);
    if (lacking.has(m.id)) f.withoutEvidence++;
  };
  for (const m of measures) {
    add(figures, m);
    const top = groupOf(m);
    const key = `${m.planId}|${top?.id ?? ''}`;
    let s = bySection.get(key);
    if (!s) {
      s = { ...emptyFigures(), sectionId: top?.id ?? null, planId: m.planId, label: top?.label ?? '', heading: top?.heading ?? '其他工作', measures: [] };
      bySection.set(key, s);
    }
    add(s, m);
    s.measures.push(m);
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
    figures,
    bySection: [...bySection.values()],
    byDepartment: [...byDepartment.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh')),
  };
}

export function loadReportData(db: Db, args: ReportDataArgs): ReportData {
  const { period } = args;
  const scope = args.scope ?? {};
  const asOf = args.asOf ?? period.endsOn;
  if (period.quarters.length > 400) throw new AppError('validation', '报告期过长,请选择不超过一百年的期间。');
  const allSections = listSections(db);
  const keep = inScope(allSections, scope);
  // The figures' statuses come from listMeasures itself, as on the dashboard; earlier quarters of the period
  // (for the ledger's rows) follow the same rule, latest record up to the quarter, in one pass over the records.
  const measures = listMeasures(db, { periodId: period.lastQuarter, asOf }).filter(keep);
  const statusByQuarter = statusesByQuarter(db, period.quarters, measures);
  const ids = new Set(measures.map((m) => m.id));
  const evidence = evidenceFiles(db, period.quarters).filter((f) => ids.has(f.measureId));
  const lacking = new Set(lackingEvidence({ measures, evidence }).map((m) => m.id));
  const planIds = [...new Set(measures.map((m) => m.planId).concat(scope.planIds ?? []))];
  const plans = db
    .prepare('SELECT id, title, issuer FROM plans WHERE id IN (SELECT value FROM json_each(?)) ORDER BY imported_at, rowid')
    .all(JSON.stringify(planIds)) as PlanInfo[];
  const planOrder = new Map(plans.map((p, i) => [p.id, i]));
  // listMeasures orders by plan id (random); reports follow the order plans were imported in.
  measures.sort((a, b) => (planOrder.get(a.planId) ?? 0) - (planOrder.get(b.planId) ?? 0));
  const planSections = allSections.filter((s) => planIds.includes(s.planId));
  const { figures, bySection, byDepartment } = tally(measures, sectionGrouping(planSections, measures, args.grouping), lacking);
  const chains = sectionChains(planSections);
  const leaderDuty = measures.filter((m) => LEADER_DUTY.test([m.title, ...(m.sectionId ? chains(m.sectionId) : []).map((c) => c.heading)].join(' '))).map((m) => m.id);
  return {
    period,
    asOf,
    plans,
    measures,
    statusByQuarter,
    records: records(db, period.quarters).filter((r) => ids.has(r.measureId)),
    evidence,
    figures,
    bySection,
    byDepartment,
    scopeLabel: scopeLabel(db, scope, plans, allSections),
    rectifications: rectificationLines(db, ids, asOf),
    leaderDuty,
    ...measureTexts(db, [...ids]),
  };
}
