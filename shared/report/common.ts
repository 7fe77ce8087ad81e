// Helpers shared by the report kinds: the section measures are reported under, sentences of figures, lookups.
import type { MeasureRow, Section } from '../model';
import { completionRate } from './charts';
import type { ChartSpec, EvidenceFile, ReportData, ReportFigures, ReportGrouping, ReportRecord } from './types';

const CN_ORDINALS = '一二三四五六七八九十';

/** 1 → 一, 12 → 十二, 23 → 二十三 */
export function cnNumber(n: number): string {
  if (n <= 10) return n === 10 ? '十' : CN_ORDINALS[n - 1]!;
  if (n < 20) return `十${CN_ORDINALS[n - 11]!}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CN_ORDINALS[tens - 1]!}十${ones ? CN_ORDINALS[ones - 1]! : ''}`;
}

/** The chain of sections from the top of the outline down to `id`. */
export function sectionChains(sections: Section[]): (id: string) => Section[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const memo = new Map<string, Section[]>();
  return (id) => {
    let chain = memo.get(id);
    if (chain) return chain;
    chain = [];
    for (let s = byId.get(id); s; s = s.parentId ? byId.get(s.parentId) : undefined) chain.unshift(s);
    memo.set(id, chain);
    return chain;
  };
}

/**
 * The section each measure is reported under. 'top': the outline's first level. 'area' (default): the plan's own
 * areas, going down from a heading that holds most of the plan's measures (一、主要任务 → its (一)…(七)), so
 * that one heading never swallows the report; a measure right under such a heading stays with it.
 */
export function sectionGrouping(sections: Section[], measures: MeasureRow[], mode: ReportGrouping = 'area'): (m: MeasureRow) => Section | null {
  const chainOf = sectionChains(sections);
  const perPlan = new Map<string, number>();
  const holds = new Map<string, number>();
  for (const m of measures) {
    perPlan.set(m.planId, (perPlan.get(m.planId) ?? 0) + 1);
    if (m.sectionId) for (const s of chainOf(m.sectionId)) holds.set(s.id, (holds.get(s.id) ?? 0) + 1);
  }
  return (m) => {
    const chain = m.sectionId ? chainOf(m.sectionId) : [];
    if (!chain.length) return null;
    let d = 0;
    if (mode === 'area') while (d + 1 < chain.length && (holds.get(chain[d]!.id) ?? 0) * 2 > (perPlan.get(m.planId) ?? 0)) d++;
    return chain[d]!;
  };
}

export function recordIndex(records: ReportRecord[]): (measureId: string, periodId: string) => ReportRecord | undefined {
  const map = new Map(records.map((r) => [`${r.measureId}|${r.periodId}`, r]));
  return (measureId, periodId) => map.get(`${measureId}|${periodId}`);
}

export function evidenceIndex(files: EvidenceFile[]): Map<string, EvidenceFile[]> {
  const map = new Map<string, EvidenceFile[]>();
  for (const f of files) {
    const list = map.get(f.measureId);
    if (list) list.push(f);
    else map.set(f.measureId, [f]);
  }
  return map;
}

export function units(m: MeasureRow, role: 'lead' | 'responsible'): string {
  return (role === 'lead' ? m.lead : m.responsible).map((u) => u.name).join('、');
}

/** "共有措施 N 项,其中已完成…" */
export function figuresSentence(f: ReportFigures, subject = '纳入统计的措施'): string {
  const parts = [`已完成${f.done}项`, `推进中${f.inProgress}项`, `未开始${f.notStarted}项`];
  if (f.notApplicable) parts.push(`不适用${f.notApplicable}项`);
  return `${subject}共${f.total}项,其中${parts.join('、')},完成率${completionRate(f)}${f.notApplicable ? '(不适用的不计入)' : ''};逾期未完成${f.overdue}项,无佐证材料${f.withoutEvidence}项。`;
}

export function figuresTable(f: ReportFigures): { head: string[]; rows: string[][] } {
  return {
    head: ['措施总数', '已完成', '推进中', '未开始', '不适用', '逾期未完成', '无佐证材料', '完成率'],
    rows: [[f.total, f.done, f.inProgress, f.notStarted, f.notApplicable, f.overdue, f.withoutEvidence].map(String).concat(completionRate(f))],
  };
}

const MAX_DEPARTMENT_BARS = 20;

export function completionCharts(data: ReportData): ChartSpec[] {
  const bar = (label: string, f: ReportFigures) => ({ label, total: f.total, done: f.done, inProgress: f.inProgress, notStarted: f.notStarted, notApplicable: f.notApplicable });
  const charts: ChartSpec[] = [];
  if (data.bySection.length) charts.push({ id: 'by-section', title: '各领域措施完成情况', bars: data.bySection.map((s) => bar(s.heading, s)) });
  if (data.byDepartment.length) {
    const deps = data.byDepartment.slice(0, MAX_DEPARTMENT_BARS);
    const more = data.byDepartment.length > deps.length ? `(措施最多的${deps.length}个单位)` : '';
    charts.push({ id: 'by-department', title: `各单位措施完成情况${more}`, bars: deps.map((d) => bar(d.name, d)) });
  }
  return charts;
}

/** Titles in quotation marks, at most `max`, then 等N项. */
export function titleList(ms: MeasureRow[], max = 5): string {
  const shown = ms.slice(0, max).map((m) => `“${m.title}”`).join('');
  return ms.length > max ? `${shown}等${ms.length}项` : shown;
}

/** Measures (other than 不适用) with no evidence file in the period: the figures' withoutEvidence, listed. */
export function lackingEvidence(data: Pick<ReportData, 'measures' | 'evidence'>): MeasureRow[] {
  const withFiles = new Set(data.evidence.map((f) => f.measureId));
  return data.measures.filter((m) => m.status !== '不适用' && !withFiles.has(m.id));
}

export function isOpen(m: MeasureRow): boolean {
  return m.status === '未开始' || m.status === '推进中';
}

/** The heading each measure is reported under (its group in `bySection`). */
export function sectionOfMeasure(data: Pick<ReportData, 'bySection'>): (measureId: string) => string {
  const map = new Map<string, string>();
  for (const g of data.bySection) for (const m of g.measures) map.set(m.id, g.heading);
  return (id) => map.get(id) ?? '';
}
