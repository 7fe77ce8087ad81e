// The annual report's text as the 2019 督察 rules ask for it, in editable blocks: five parts, areas with evaluative headings, "一是…二是…".
import type { MeasureRow } from '../model';
import { completionRate } from './charts';
import { cnNumber, units } from './common';
import { yearNarrative, type YearNarrative } from './narrative';
import type { ReportData, SectionGroup } from './types';
import type { DraftBlock } from './draft';
import { fullWidthPunctuation } from '../zh-punctuation';

export const ANNUAL_PARTS = ['一、主要举措和成效', '二、党政主要负责人履行推进法治建设第一责任人职责情况', '三、存在的不足和原因', '四、下一年度工作打算', '五、其他需要报告的情况'] as const;

/** Measures the plan gives to the leaders themselves: the first-responsible-person duty, the Party's leadership of rule-of-law work. */
export const LEADER_DUTY = /第一责任人|主要负责人|党政.{0,4}负责|一把手|党的领导|党委.{0,6}领导|领导干部.{0,6}(?:学法|述法|带头)|述法/;

const LEADER_PLACEHOLDER = '(请补充:党政主要负责人研究部署法治建设、带头尊法学法守法用法、督促检查和年终述法等情况。)';

/** The measures of the year, each with its notes made into one narrative, in the order of the plan. */
function narratives(data: ReportData): Map<string, YearNarrative> {
  const byMeasure = new Map<string, { periodId: string; narrative: string }[]>();
  for (const r of [...data.records].sort((a, b) => a.periodId.localeCompare(b.periodId))) {
    const list = byMeasure.get(r.measureId);
    if (list) list.push(r);
    else byMeasure.set(r.measureId, [r]);
  }
  return new Map(data.measures.map((m) => [m.id, yearNarrative(byMeasure.get(m.id) ?? [])]));
}

function evaluative(heading: string, f: { total: number; done: number; notApplicable: number }): string {
  const counted = f.total - f.notApplicable;
  if (counted && f.done === counted) return `${heading},年度任务全面完成`;
  if (counted && f.done / counted >= 0.6) return `${heading},取得明显成效`;
  if (f.done > 0) return `${heading},稳步推进`;
  return `${heading},有序推进`;
}

function figures(ms: MeasureRow[]): { total: number; done: number; inProgress: number; notStarted: number; notApplicable: number } {
  const f = { total: ms.length, done: 0, inProgress: 0, notStarted: 0, notApplicable: 0 };
  for (const m of ms) {
    if (m.status === '已完成') f.done++;
    else if (m.status === '推进中') f.inProgress++;
    else if (m.status === '未开始') f.notStarted++;
    else f.notApplicable++;
  }
  return f;
}

/** "共N项措施(不适用M项不计),已完成…,完成率X%": the one rule, 不适用 out of both sides. */
export function yearFiguresSentence(ms: MeasureRow[], subject: string): string {
  const f = figures(ms);
  const counted = f.total - f.notApplicable;
  const parts = [`已完成${f.done}项`, f.inProgress && `推进中${f.inProgress}项`, f.notStarted && `未开始${f.notStarted}项`].filter(Boolean);
  return `${subject}${counted}项${f.notApplicable ? `(另有${f.notApplicable}项本年度不适用,不计入)` : ''},${parts.join('、')},完成率${completionRate(f)}。`;
}

function quoted(ms: MeasureRow[], max = 4): string {
  const shown = ms.slice(0, max).map((m) => `“${m.title}”`).join('');
  return ms.length > max ? `${shown}等${ms.length}项` : shown;
}

function areaKey(g: SectionGroup): string {
  return `area:${g.sectionId ?? g.planId}`;
}

const isOpen = (m: MeasureRow) => m.status === '未开始' || m.status === '推进中';

export interface AnnualText {
  issuer: string;
  planNames: string;
}

/** The annual report's blocks, generated afresh from the ledger; keys are stable so a draft can tell what changed. */
export function annualBlocks(data: ReportData, t: AnnualText): DraftBlock[] {
  const year = data.period.kind === 'year' ? `${data.period.year}年` : data.period.label;
  const next = `${data.period.year + 1}年`;
  const texts = narratives(data);
  const leader = new Set(data.leaderDuty);
  const out: DraftBlock[] = [];
  const h1 = (key: string, text: string) => out.push({ key, kind: 'h1', text });
  const h2 = (key: string, text: string) => out.push({ key, kind: 'h2', text });
  const p = (key: string, text: string) => out.push({ key, kind: 'p', text: fullWidthPunctuation(text) });

  p('intro', `${year},${t.issuer || '我单位'}深入贯彻落实党中央、国务院关于法治政府建设的决策部署,按照${t.planNames || '法治政府建设实施方案'}的要求,扎实推进法治政府建设各项任务。现将${year}法治政府建设情况报告如下。`);

  h1('part1', ANNUAL_PARTS[0]);
  p('part1.figures', yearFiguresSentence(data.measures, `${year}实施方案确定的措施`));
  data.bySection.forEach((g, gi) => {
    const ms = g.measures.filter((m) => !leader.has(m.id) && m.status !== '不适用');
    if (!ms.length) return;
    const k = areaKey(g);
    h2(`${k}:heading`, `(${cnNumber(gi + 1)})${evaluative(g.heading, figures(g.measures.filter((m) => !leader.has(m.id))))}`);
    p(`${k}:figures`, yearFiguresSentence(g.measures.filter((m) => !leader.has(m.id)), '本领域措施'));
    let n = 0;
    for (const m of ms) {
      const text = texts.get(m.id)!.text;
      if (!text) continue;
      p(`m:${m.id}`, `${cnNumber(++n)}是${m.title}。${text}`);
    }
  });

  h1('part2', ANNUAL_PARTS[1]);
  let n = 0;
  for (const m of data.measures) {
    if (!leader.has(m.id) || m.status === '不适用') continue;
    const text = texts.get(m.id)!.text;
    if (text) p(`lead:${m.id}`, `${cnNumber(++n)}是${m.title}。${text}`);
  }
  p('part2.free', LEADER_PLACEHOLDER);

  h1('part3', ANNUAL_PARTS[2]);
  const open = data.measures.filter(isOpen);
  const overdue = open.filter((m) => m.overdue);
  if (!open.length) p('part3.summary', `对照年度任务,各项措施均已完成。法治政府建设仍需在常态化、规范化上下功夫。`);
  else {
    p('part3.summary', `对照年度任务,${year}仍有${open.length}项措施尚未完成${overdue.length ? `,其中${overdue.length}项已超过完成时限` : ''}。`);
    const withReasons = open.filter((m) => texts.get(m.id)!.reasons.length);
    withReasons.forEach((m, i) => {
      const lead = units(m, 'lead');
      p(`gap:${m.id}`, `${cnNumber(i + 1)}是“${m.title}”${m.overdue ? '未按期完成' : '尚未完成'}${lead ? `(牵头单位:${lead})` : ''}。${texts.get(m.id)!.reasons.join('')}`);
    });
    const rest = open.filter((m) => !texts.get(m.id)!.reasons.length);
    if (rest.length) p('part3.rest', `${withReasons.length ? '此外,' : ''}${quoted(rest)}措施尚未完成,推进力度有待加强。`);
  }

  h1('part4', `四、${next}工作打算`);
  let k = 0;
  for (const m of data.measures) {
    const y = texts.get(m.id)!;
    const carry = isOpen(m) ? y.carryOver : y.latestCarryOver;
    if (carry.length) p(`plan:${m.id}`, `${cnNumber(++k)}是${m.title}。${carry.join('')}`);
  }
  const uncarried = open.filter((m) => !texts.get(m.id)!.carryOver.length);
  if (uncarried.length) p('part4.rest', `${k ? `${cnNumber(k + 1)}是` : ''}继续推进${quoted(uncarried)}尚未完成的措施,明确责任单位和完成时限,确保${next}按期完成。`);
  else if (!k) p('part4.rest', `${next}将巩固已有成果,持续推进法治政府建设常态化、规范化。`);

  h1('part5', ANNUAL_PARTS[4]);
  const na = data.measures.filter((m) => m.status === '不适用');
  p('part5.text', na.length ? `${quoted(na)}措施本年度不适用,未纳入统计。` : '无。');
  return out;
}
