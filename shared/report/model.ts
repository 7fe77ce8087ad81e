// Builds a report document (headings, paragraphs, tables, charts, signature) from the data read for a period and scope.
import { assertNever } from '../errors';
import { cnNumber, completionCharts, figuresSentence, figuresTable, isOpen, lackingEvidence, recordIndex, units } from './common';
import { annualBlocks } from './annual';
import type { DraftBlock } from './draft';
import { NOT_REPORTED, ledgerCells, ledgerHead, ledgerRows } from './ledger';
import { nextQuarterLabel, zhDate } from './period';
import type { Block, ReportData, ReportDoc, ReportOptions, SectionGroup } from './types';
import type { MeasureRow } from '../model';
import { fullWidthPunctuation } from '../zh-punctuation';
import { rectificationBlocks } from './rectifications';

function issuerOf(data: ReportData, opts: ReportOptions): string {
  return opts.issuer?.trim() || data.plans.find((p) => p.issuer)?.issuer || '';
}

function planNames(data: ReportData): string {
  return data.plans.map((p) => `《${p.title}》`).join('');
}

function chartBlocks(data: ReportData, opts: ReportOptions): Block[] {
  if (opts.charts === false) return [];
  return completionCharts(data).map((chart) => ({ type: 'chart', chart }));
}

/** The evidence annex, ordered by measure number. Upward documents name each file with its own 文号 and date; internal ones add its SHA-256. */
function appendix(data: ReportData, opts: ReportOptions, upward: boolean): { note: Block[]; pages: Block[] } {
  if (!opts.evidenceAppendix) return { note: [], pages: [] };
  const order = new Map(data.measures.map((m, i) => [m.id, i]));
  const titles = new Map(data.measures.map((m) => [m.id, `${m.number} ${m.title}`]));
  const files = [...data.evidence].sort((a, b) => (order.get(a.measureId) ?? 0) - (order.get(b.measureId) ?? 0) || (a.docDate ?? a.addedAt).localeCompare(b.docDate ?? b.addedAt));
  const title = '佐证材料清单';
  const table: Block = upward
    ? { type: 'table', head: ['序号', '措施', '材料名称', '文号', '日期'], widths: [7, 33, 30, 17, 13], verbatim: true, rows: files.map((f, i) => [String(i + 1), fullWidthPunctuation(titles.get(f.measureId) ?? ''), f.name, f.docNumber ?? '', zhDate((f.docDate ?? f.addedAt).slice(0, 10))]) }
    : { type: 'table', head: ['措施', '文件名', '季度', '日期', 'SHA-256'], widths: [26, 24, 10, 12, 28], verbatim: true, rows: files.map((f) => [fullWidthPunctuation(titles.get(f.measureId) ?? ''), f.name, f.periodId, f.addedAt.slice(0, 10), f.sha256]) };
  return {
    note: [{ type: 'attachments', items: [title] }],
    pages: [{ type: 'pagebreak' }, { type: 'annexLabel', text: '附件', title }, files.length ? table : { type: 'p', text: '本期没有登记佐证材料。' }],
  };
}

/** The annual report names a calendar year as such, any other span by its label. */
function span(data: ReportData): string {
  return data.period.kind === 'year' ? `${data.period.year}年` : data.period.label;
}

function rawTitle(data: ReportData, opts: ReportOptions): string {
  const issuer = issuerOf(data, opts);
  switch (opts.kind) {
    case 'quarterly':
      return `${issuer}关于${data.period.label}法治政府建设工作推进情况的报告`;
    case 'annual':
      return `${issuer}关于${span(data)}法治政府建设情况的报告`;
    case 'ledger':
      return `${issuer}法治政府建设工作台账`;
    default:
      return assertNever(opts.kind);
  }
}

/** The report's title as the document carries it; the .xlsx ledger takes it without building the document. */
export function reportTitle(data: ReportData, opts: ReportOptions): string {
  return fullWidthPunctuation(rawTitle(data, opts));
}

/** (一)Heading of a section group, then its figures. */
function groupHeading(g: SectionGroup, i: number, subject: string): Block[] {
  return [
    { type: 'h2', text: `(${cnNumber(i + 1)})${g.heading}` },
    { type: 'p', text: figuresSentence(g, subject) },
  ];
}

function doc(data: ReportData, opts: ReportOptions, blocks: Block[], subtitle = ''): ReportDoc {
  return { kind: opts.kind, title: rawTitle(data, opts), subtitle, figures: data.figures, blocks, landscape: opts.kind === 'ledger', head: head(opts) };
}

/** The day a report is due: the annual report by 31 March of the next year, a quarterly one ten days after its quarter. */
export function reportDeadline(data: Pick<ReportData, 'period'>, kind: ReportOptions['kind']): string {
  if (kind === 'annual') return `${data.period.year + 1}-03-31`;
  const end = new Date(`${data.period.endsOn}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 10);
  return end.toISOString().slice(0, 10);
}

function signature(data: ReportData, opts: ReportOptions): Block {
  const issuer = opts.header?.issuer.trim() || issuerOf(data, opts) || '(发文单位)';
  const date = opts.header?.date || opts.date || reportDeadline(data, opts.kind);
  return { type: 'signature', issuer, date: zhDate(date) };
}

function head(opts: ReportOptions): ReportDoc['head'] {
  const h = opts.header;
  return h && (h.mark || h.docNumber || h.signer || h.recipient) ? { mark: h.mark, docNumber: h.docNumber, signer: h.signer, recipient: h.recipient } : undefined;
}

/** Measure numbers as a short reference list: "1、4、6". */
function numbers(ms: MeasureRow[]): string {
  return ms.map((m) => m.number).join('、');
}

/** The internal quarterly report: each measure once in its area's table, problems by number, next quarter by department. */
function quarterly(data: ReportData, opts: ReportOptions): ReportDoc {
  const rec = recordIndex(data.records);
  const q = data.period.lastQuarter;
  const f = data.figures;
  const missing = data.measures.filter((m) => !rec(m.id, q));
  const blocks: Block[] = [
    { type: 'p', text: `根据${planNames(data) || '法治政府建设实施方案'}的部署,现将${data.period.label}各项措施推进情况报告如下。` },
    { type: 'h1', text: '一、总体情况' },
    { type: 'p', text: `截至${zhDate(data.asOf)},${figuresSentence(f)}${missing.length ? `本季度未报送推进情况的措施${missing.length}项。` : ''}` },
    { type: 'table', ...figuresTable(f) },
    ...chartBlocks(data, opts),
    { type: 'h1', text: '二、分项推进情况' },
  ];
  data.bySection.forEach((g, i) => {
    blocks.push(...groupHeading(g, i, '本部分措施'), {
      type: 'table',
      head: ['编号', '措施', '牵头单位', '状态', '本季度推进情况'],
      widths: [8, 30, 16, 10, 36],
      rows: g.measures.map((m) => {
        const r = rec(m.id, q);
        // No record this quarter is said as such, never filled from an earlier quarter.
        const status = r ? (m.overdue ? `${r.status}(逾期)` : r.status) : NOT_REPORTED;
        return [m.number, m.title, units(m, 'lead'), status, r ? r.narrative || '—' : NOT_REPORTED];
      }),
    });
  });
  const overdue = data.measures.filter((m) => m.overdue);
  const noEvidence = lackingEvidence(data);
  blocks.push({ type: 'h1', text: '三、存在的问题' });
  const problems = [
    overdue.length && `逾期未完成的措施${overdue.length}项(编号${numbers(overdue)})`,
    missing.length && `未报送本季度推进情况的措施${missing.length}项(编号${numbers(missing)})`,
    noEvidence.length && `缺少佐证材料的措施${noEvidence.length}项(编号${numbers(noEvidence)})`,
  ].filter((x): x is string => Boolean(x));
  blocks.push({ type: 'p', text: problems.length ? `${problems.map((x, i) => `${cnNumber(i + 1)}是${x}`).join(';')}。` : '本季度未发现逾期、未报送或缺少佐证材料的情况。' });
  blocks.push(...rectificationBlocks(data));
  const next = nextQuarterLabel(data.period);
  blocks.push({ type: 'h1', text: `四、${next}工作计划` });
  const open = data.measures.filter(isOpen);
  if (!open.length) blocks.push({ type: 'p', text: '各项措施均已完成,下一季度将巩固成果、做好常态化工作。' });
  else {
    blocks.push({ type: 'p', text: `${next}继续推进尚未完成的${open.length}项措施${overdue.length ? `,其中逾期的${overdue.length}项优先完成` : ''},按牵头单位分列如下:` });
    const byLead = new Map<string, MeasureRow[]>();
    for (const m of open) {
      const lead = m.lead[0]?.name ?? '未明确牵头单位';
      const list = byLead.get(lead);
      if (list) list.push(m);
      else byLead.set(lead, [m]);
    }
    [...byLead].forEach(([lead, ms], i) => {
      const late = ms.filter((m) => m.overdue);
      blocks.push({ type: 'p', text: `${i + 1}.${lead}:${ms.length}项(编号${numbers(ms)})${late.length ? `,其中逾期${late.length}项(编号${numbers(late)})` : ''}。` });
    });
  }
  const { note, pages } = appendix(data, opts, false);
  blocks.push(...note, signature(data, opts), ...pages);
  return doc(data, opts, blocks);
}

/** The annual report's text as generated from the ledger, before any editing. */
export function generatedBlocks(data: ReportData, opts: ReportOptions): DraftBlock[] {
  return annualBlocks(data, { issuer: issuerOf(data, opts), planNames: planNames(data) });
}

/** The annual report goes upward: its text (edited or generated), no evidence counts, no hashes, no colour charts. */
function annual(data: ReportData, opts: ReportOptions): ReportDoc {
  const text = opts.blocks ?? generatedBlocks(data, opts);
  const { note, pages } = appendix(data, opts, true);
  const blocks: Block[] = text.map((b): Block => ({ type: b.kind, text: b.text }));
  blocks.push(...note, signature(data, opts), ...pages);
  return doc(data, opts, blocks);
}

function ledger(data: ReportData, opts: ReportOptions): ReportDoc {
  const rows = ledgerRows(data);
  const blocks: Block[] = [
    { type: 'p', text: `${data.scopeLabel},${data.period.label}。${figuresSentence(data.figures)}完成率按${data.period.lastQuarter}的状态计算。` },
    // The .docx and PDF ledger leaves out the full text (the .xlsx has it) so that a whole plan is a handful of landscape pages.
    { type: 'table', head: ledgerHead(data).filter((_, i) => i !== 3), widths: [3, 6, 10, 5, 6, 6, ...data.period.quarters.map(() => 56 / data.period.quarters.length), 6, 4, 5], rows: rows.map((r) => ledgerCells(r).filter((_, i) => i !== 3)) },
    ...appendix(data, opts, false).pages.slice(1),
  ];
  return doc(data, opts, blocks, `(${data.period.label})`);
}

export function buildReport(data: ReportData, opts: ReportOptions): ReportDoc {
  switch (opts.kind) {
    case 'quarterly':
      return punctuate(quarterly(data, opts));
    case 'annual':
      return punctuate(annual(data, opts));
    case 'ledger':
      return punctuate(ledger(data, opts));
    default:
      return assertNever(opts.kind);
  }
}

/** Official documents take full-width punctuation, in our sentences and in the outline's text we quote; file names and hashes stay as they are. */
function punctuate(doc: ReportDoc): ReportDoc {
  const f = fullWidthPunctuation;
  const block = (b: Block): Block => {
    switch (b.type) {
      case 'h1':
      case 'h2':
      case 'h3':
        return { ...b, text: f(b.text) };
      case 'p':
        return { ...b, text: f(b.text), ...(b.lead === undefined ? {} : { lead: f(b.lead) }) };
      case 'chart':
        return { ...b, chart: { ...b.chart, title: f(b.chart.title), bars: b.chart.bars.map((bar) => ({ ...bar, label: f(bar.label) })) } };
      case 'table':
        return { ...b, ...(b.caption === undefined ? {} : { caption: f(b.caption) }), head: b.head.map(f), rows: b.verbatim ? b.rows : b.rows.map((r) => r.map(f)) };
      case 'signature':
        return { ...b, issuer: f(b.issuer) };
      case 'image':
        return { ...b, caption: f(b.caption) };
      case 'attachments':
        return { ...b, items: b.items.map(f) };
      case 'annexLabel':
        return { ...b, title: f(b.title) };
      case 'pagebreak':
        return b;
      default:
        return assertNever(b);
    }
  };
  return { ...doc, title: f(doc.title), subtitle: f(doc.subtitle), blocks: doc.blocks.map(block) };
}
