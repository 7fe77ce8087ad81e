// Builds a report document (headings, paragraphs, tables, charts, signature) from the data read for a period and scope.
import { assertNever } from '../errors';
import { cnNumber, completionCharts, figuresSentence, figuresTable, isOpen, lackingEvidence, recordIndex, titleList, units } from './common';
import { LEDGER_HEAD, ledgerCells, ledgerRows } from './ledger';
import { nextQuarterLabel, zhDate } from './period';
import type { Block, ReportData, ReportDoc, ReportOptions, SectionGroup } from './types';
import { localIsoDate } from '../periods';
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

function appendix(data: ReportData, opts: ReportOptions): Block[] {
  if (!opts.evidenceAppendix) return [];
  const titles = new Map(data.measures.map((m) => [m.id, `${m.number} ${m.title}`]));
  const rows = data.evidence.map((f) => [fullWidthPunctuation(titles.get(f.measureId) ?? ''), f.name, f.periodId, f.addedAt.slice(0, 10), f.sha256]);
  return [
    { type: 'h1', text: '附件:佐证材料清单' },
    rows.length
      ? { type: 'table', head: ['措施', '文件名', '季度', '日期', 'SHA-256'], rows, widths: [26, 24, 10, 12, 28], verbatim: true }
      : { type: 'p', text: '本期没有登记佐证材料。' },
  ];
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
  return { kind: opts.kind, title: rawTitle(data, opts), subtitle, figures: data.figures, blocks, landscape: opts.kind === 'ledger' };
}

function signature(data: ReportData, opts: ReportOptions): Block {
  return { type: 'signature', issuer: issuerOf(data, opts) || '(发文单位)', date: zhDate(opts.date ?? localIsoDate(new Date())) };
}

function quarterly(data: ReportData, opts: ReportOptions): ReportDoc {
  const rec = recordIndex(data.records);
  const q = data.period.lastQuarter;
  const f = data.figures;
  const blocks: Block[] = [
    { type: 'p', text: `根据${planNames(data) || '法治政府建设实施方案'}的部署,现将${data.period.label}各项措施推进情况报告如下。` },
    { type: 'h1', text: '一、总体情况' },
    { type: 'p', text: `截至${zhDate(data.asOf)},${figuresSentence(f)}` },
    { type: 'table', ...figuresTable(f) },
    ...chartBlocks(data, opts),
    { type: 'h1', text: '二、分项推进情况' },
  ];
  data.bySection.forEach((g, i) => {
    blocks.push(...groupHeading(g, i, '本部分措施'), {
      type: 'table',
      head: ['编号', '措施', '牵头单位', '状态', '本季度推进情况'],
      widths: [8, 30, 16, 10, 36],
      rows: g.measures.map((m) => [m.number, m.title, units(m, 'lead'), m.overdue ? `${m.status}(逾期)` : m.status, rec(m.id, q)?.narrative || '—']),
    });
  });
  const overdue = data.measures.filter((m) => m.overdue);
  const noEvidence = lackingEvidence(data);
  blocks.push({ type: 'h1', text: '三、存在的问题' });
  blocks.push({ type: 'h2', text: `(一)逾期未完成的措施(${overdue.length}项)` });
  blocks.push(
    overdue.length
      ? { type: 'table', head: ['编号', '措施', '牵头单位', '完成时限', '状态'], widths: [8, 42, 20, 16, 14], rows: overdue.map((m) => [m.number, m.title, units(m, 'lead'), m.deadline ?? '', m.status]) }
      : { type: 'p', text: '无。' },
  );
  blocks.push({ type: 'h2', text: `(二)缺少佐证材料的措施(${noEvidence.length}项)` });
  blocks.push(
    noEvidence.length
      ? { type: 'table', head: ['编号', '措施', '牵头单位', '状态'], widths: [8, 52, 24, 16], rows: noEvidence.map((m) => [m.number, m.title, units(m, 'lead'), m.status]) }
      : { type: 'p', text: '无。' },
  );
  blocks.push(...rectificationBlocks(data));
  const next = nextQuarterLabel(data.period);
  blocks.push({ type: 'h1', text: `四、${next}工作计划` });
  const open = data.measures.filter(isOpen);
  if (!open.length) blocks.push({ type: 'p', text: '各项措施均已完成,下一季度将巩固成果、做好常态化工作。' });
  else {
    blocks.push({ type: 'p', text: `${next}将重点推进尚未完成的${open.length}项措施,其中逾期${overdue.length}项须优先完成:` });
    const ordered = [...open].sort((a, b) => Number(b.overdue) - Number(a.overdue));
    ordered.forEach((m, i) => {
      const lead = units(m, 'lead');
      const tail = [lead && `牵头单位:${lead}`, m.deadline && `完成时限:${m.deadline}`].filter(Boolean).join(';');
      blocks.push({ type: 'p', text: `${i + 1}.${m.title}${tail ? `(${tail})` : ''}${m.overdue ? ',已逾期' : ''}。` });
    });
  }
  blocks.push(...appendix(data, opts), signature(data, opts));
  return doc(data, opts, blocks);
}

function annual(data: ReportData, opts: ReportOptions): ReportDoc {
  const issuer = issuerOf(data, opts);
  const rec = recordIndex(data.records);
  const year = data.period.year;
  const when = span(data);
  const blocks: Block[] = [
    { type: 'p', text: `${when},${issuer || '我单位'}按照${planNames(data) || '法治政府建设实施方案'}的部署,扎实推进法治政府建设各项任务。现将${when}法治政府建设情况报告如下:` },
    { type: 'h1', text: '一、工作推进情况' },
    { type: 'p', text: `截至${zhDate(data.asOf)},${figuresSentence(data.figures, '年度实施方案确定的措施')}` },
    ...chartBlocks(data, opts),
  ];
  data.bySection.forEach((g, i) => {
    blocks.push(...groupHeading(g, i, '本领域措施'));
    const before = blocks.length;
    for (const m of g.measures) {
      const texts = [...new Set(data.period.quarters.map((q) => rec(m.id, q)?.narrative.trim() ?? '').filter(Boolean))];
      if (texts.length) blocks.push({ type: 'p', lead: `${m.title}。`, text: texts.join('') });
    }
    if (blocks.length === before) blocks.push({ type: 'p', text: `本领域${when}暂无推进情况记录。` });
  });
  const overdue = data.measures.filter((m) => m.overdue);
  const notStarted = data.measures.filter((m) => m.status === '未开始');
  const noEvidence = lackingEvidence(data);
  blocks.push({ type: 'h1', text: '二、存在的问题' });
  const problems: string[] = [];
  if (overdue.length) problems.push(`部分措施未按期完成,${titleList(overdue)}已超过完成时限`);
  if (notStarted.length) problems.push(`部分措施推进滞后,尚有${notStarted.length}项措施未开始实施`);
  if (noEvidence.length) problems.push(`佐证材料收集不够及时,${noEvidence.length}项措施缺少佐证材料`);
  if (!problems.length) blocks.push({ type: 'p', text: '经对照工作台账,本年度各项措施均按计划推进,未发现逾期未完成或缺少佐证材料的情况。' });
  else blocks.push({ type: 'p', text: `对照工作台账,${when}法治政府建设仍存在一些不足:${problems.map((p, i) => `${cnNumber(i + 1)}是${p}`).join(';')}。` });
  blocks.push({ type: 'h1', text: '三、下一步工作打算' });
  const pending = data.bySection.map((g) => ({ heading: g.heading, open: g.measures.filter(isOpen) })).filter((g) => g.open.length);
  if (!pending.length) blocks.push({ type: 'p', text: `${year + 1}年,将巩固已有成果,持续推进法治政府建设常态化、规范化。` });
  else {
    blocks.push({ type: 'p', text: `${year + 1}年,将对照台账逐项推进尚未完成的${pending.reduce((n, g) => n + g.open.length, 0)}项措施,确保按期完成:` });
    pending.forEach((g, i) => {
      blocks.push({ type: 'p', lead: `(${cnNumber(i + 1)})${g.heading}。`, text: `继续推进${titleList(g.open, 3)}${g.open.some((m) => m.overdue) ? ',其中逾期措施限期完成' : ''}。` });
    });
  }
  blocks.push(...appendix(data, opts), signature(data, opts));
  return doc(data, opts, blocks);
}

function ledger(data: ReportData, opts: ReportOptions): ReportDoc {
  const rows = ledgerRows(data);
  const blocks: Block[] = [
    { type: 'p', text: `${data.scopeLabel},${data.period.label}。${figuresSentence(data.figures)}完成率按${data.period.lastQuarter}的状态计算。` },
    { type: 'table', head: [...LEDGER_HEAD], widths: [4, 15, 8, 9, 7, 6, 5, 4, 18, 4, 8, 5, 8], rows: rows.map((r) => ledgerCells(r).map(String)) },
    ...appendix(data, opts),
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
      default:
        return assertNever(b);
    }
  };
  return { ...doc, title: f(doc.title), subtitle: f(doc.subtitle), blocks: doc.blocks.map(block) };
}
