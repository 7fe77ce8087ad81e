// Helpers shared by the report kinds: the section measures are reported under, sentences of figures, lookups.
import type { MeasureRow, Section } from '../model';
import { completionRate } from './charts';
import type { ChartSpec, EvidenceFile, ReportData, ReportFigures, ReportRecord } from './types';

const CN_ORDINALS = '一二三四五六七八九十';

/** 1 → 一, 12 → 十二, 23 → 二十三 */
export function cnNumber(n: number): string {
  if (n <= 10) return n === 10 ? '十' : CN_ORDINALS[n - 1]!;
  if (n < 20) return `十${CN_ORDINALS[n - 11]!}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CN_ORDINALS[tens - 1]!}十${ones ? CN_ORDINALS[ones - 1]! : ''}`;
}

/**
 * The section each measure is reported under: its ancestor at the first heading level where the plan's measures
 * part ways. A plan whose measures all sit under one 一、重点工作 is reported by its (一)(二)… instead.
 */
export function sectionGrouping(sections: Section[], measures: MeasureRow[]): (m: MeasureRow) => Section | null {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const chainOf = (id: string | null): Section[] => {
    const chain: Section[] = [];
    for (let s = id ? byId.get(id) : undefined; s; s = s.parentId ? byId.get(s.parentId) : undefined) chain.unshift(s);
    return chain;
  };
  const chains = new Map<string, Section[]>();
  for (const m of measures) if (m.sectionId && !chains.has(m.sectionId)) chains.set(m.sectionId, chainOf(m.sectionId));
  const level = new Map<string, number>();
  const plans = new Set(measures.map((m) => m.planId));
  for (const planId of plans) {
    const planChains = measures.filter((m) => m.planId === planId).map((m) => (m.sectionId ? chains.get(m.sectionId)! : []));
    let depth = 0;
    for (;;) {
      if (planChains.some((c) => c.length <= depth + 1)) break;
      const ids = new Set(planChains.map((c) => c[depth]!.id));
      if (ids.size !== 1) break;
      depth++;
    }
    level.set(planId, depth);
  }
  return (m) => {
    const chain = m.sectionId ? chains.get(m.sectionId) : undefined;
    if (!chain || !chain.length) return null;
    return chain[Math.min(level.get(m.planId) ?? 0, chain.length - 1)]!;
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
  return `${subject}共${f.total}项,其中${parts.join('、')},完成率${completionRate(f)};逾期未完成${f.overdue}项,无佐证材料${f.withoutEvidence}项。`;
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
