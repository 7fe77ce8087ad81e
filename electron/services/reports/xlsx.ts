// Writes the ledger as .xlsx: one row per measure with the quarters side by side (title row, borders, heights, page numbers), and a summary sheet of formulas.
import { ledgerCells, ledgerHead, ledgerRows } from '../../../shared/report/ledger';
import type { ReportData } from '../../../shared/report/types';
import { STYLE, columnName, quoteSheet, writeXlsx, type Cell, type SheetSpec } from './xlsx-writer';

const STATUSES = ['已完成', '推进中', '未开始', '不适用'] as const;
/** 序号 领域 工作任务 具体措施 牵头单位 责任单位 完成时限 | quarters | 佐证材料 状态 备注 */
const FIXED_WIDTHS = [6, 14, 22, 40, 14, 18, 12];
const TAIL_WIDTHS = [26, 8, 16];
const CENTERED = new Set([0, 6]);
const LINE_HEIGHT = 14.5;

/** Lines a cell's text takes in a column `width` characters wide (a Chinese character is two of them). */
function linesIn(text: string, width: number): number {
  const per = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => {
    let w = 0;
    for (const c of line) w += /[\u0000-\u00ff]/.test(c) ? 1 : 2;
    return n + Math.max(1, Math.ceil(w / per));
  }, 0);
}

/** A row tall enough for its longest cell, within Excel's 409 points. */
function rowHeight(cells: string[], widths: number[]): number {
  const lines = Math.max(1, ...cells.map((c, i) => linesIn(c, widths[i] ?? 10)));
  return Math.min(409, Math.ceil(lines * LINE_HEIGHT + 4));
}

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\ and unique in the workbook. */
export function sheetName(title: string, index: number, used: Set<string>): string {
  const clean = title.replace(/[[\]:*?/\\]/g, '').replace(/^'+|'+$/g, '').trim() || '方案';
  const base = [...`${index}-${clean}`].slice(0, 31).join('');
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${[...base].slice(0, 27).join('')}(${n})`;
  used.add(name.toLowerCase());
  return name;
}

export async function writeLedgerXlsx(data: ReportData, title: string): Promise<Buffer> {
  const rows = ledgerRows(data);
  const head = ledgerHead(data);
  const widths = [...FIXED_WIDTHS, ...data.period.quarters.map(() => (data.period.quarters.length > 2 ? 30 : 40)), ...TAIL_WIDTHS];
  const statusCol = columnName(head.length - 1);
  const remarkCol = columnName(head.length);
  const used = new Set<string>(['汇总']);
  const byPlan = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byPlan.get(r.planId);
    if (list) list.push(r);
    else byPlan.set(r.planId, [r]);
  }
  const plans = data.plans.filter((p) => byPlan.has(p.id));
  const names = plans.map((p, i) => sheetName(p.title, i + 1, used));

  const planSheets: SheetSpec[] = plans.map((p, i) => ({
    name: names[i]!,
    columns: widths.map((width, c) => ({ width, style: CENTERED.has(c) ? STYLE.boxedCenter : STYLE.boxedWrap })),
    rows: [
      { cells: [`${title}(${p.title};${data.scopeLabel};${data.period.label})`], style: STYLE.title, height: 30 },
      { cells: head, style: STYLE.boxedHeader, height: 32 },
      ...byPlan.get(p.id)!.map((r) => {
        const cells = ledgerCells(r);
        return { cells, height: rowHeight(cells, widths) };
      }),
    ],
    frozenRows: 2,
    headerRow: 2,
    autoFilter: true,
    printTitleRow: true,
    pageNumbers: true,
    merges: [`A1:${remarkCol}1`],
  }));

  const summaryRows: SheetSpec['rows'] = [
    { cells: [`${title}(${data.period.label},按${data.period.lastQuarter}状态统计)`], style: STYLE.title },
    { cells: [`统计范围:${data.scopeLabel};逾期以${data.asOf}为准;不适用的措施不计入完成率。`] },
    { cells: ['方案', '工作表', '措施数', ...STATUSES, '逾期未完成'], style: STYLE.bold },
  ];
  const totals = new Array<number>(6).fill(0);
  plans.forEach((p, i) => {
    const ref = (col: string) => `${quoteSheet(names[i]!)}!${col}:${col}`;
    const planRows = byPlan.get(p.id)!;
    const results = [planRows.length, ...STATUSES.map((st) => planRows.filter((r) => r.status === st).length), planRows.filter((r) => r.overdue).length];
    const formulas = [`COUNTA(${ref('A')})-2`, ...STATUSES.map((st) => `COUNTIF(${ref(statusCol)},"${st}")`), `COUNTIF(${ref(remarkCol)},"*已逾期*")`];
    results.forEach((v, k) => (totals[k]! += v));
    summaryRows.push({ cells: [p.title, names[i]!, ...formulas.map((formula, k): Cell => ({ formula, result: results[k]! }))] });
  });
  const first = 4;
  const lastRow = 3 + plans.length;
  summaryRows.push({
    style: STYLE.bold,
    cells: ['合计', '', ...totals.map((result, k): Cell => {
      const col = columnName(3 + k);
      return plans.length ? { formula: `SUM(${col}${first}:${col}${lastRow})`, result } : 0;
    })],
  });
  const summary: SheetSpec = {
    name: '汇总',
    columns: [{ width: 48 }, { width: 26 }, ...new Array<{ width: number }>(6).fill({ width: 12 })],
    rows: summaryRows,
    frozenRows: 3,
    merges: ['A1:H1'],
    pageNumbers: true,
  };
  return writeXlsx([summary, ...planSheets], { title, creator: '法治台账' });
}
