// Writes the ledger as .xlsx: a summary sheet whose formulas count over one sheet per plan (frozen header, filter, wrapped text).
import { LEDGER_HEAD, ledgerCells, ledgerRows } from '../../../shared/report/ledger';
import type { ReportData } from '../../../shared/report/types';
import { STYLE, columnName, quoteSheet, writeXlsx, type Cell, type SheetSpec } from './xlsx-writer';

const WIDTHS = [9, 40, 18, 24, 14, 10, 8, 8, 60, 10, 30, 10, 17];
const WRAP_COLS = new Set([2, 3, 4, 9, 11]);
const QUARTER_COLUMN = 'F';
const STATUS_COLUMN = 'G';
const OVERDUE_COLUMN = 'H';
const EVIDENCE_COLUMN = 'J';
const STATUSES = ['已完成', '推进中', '未开始', '不适用'] as const;

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
  const used = new Set<string>(['汇总']);
  const byPlan = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byPlan.get(r.planId);
    if (list) list.push(r);
    else byPlan.set(r.planId, [r]);
  }
  const plans = data.plans.filter((p) => byPlan.has(p.id));
  const names = plans.map((p, i) => sheetName(p.title, i + 1, used));
  const q = data.period.lastQuarter;

  const planSheets: SheetSpec[] = plans.map((p, i) => ({
    name: names[i]!,
    columns: WIDTHS.map((width, c) => ({ width, ...(WRAP_COLS.has(c + 1) ? { style: STYLE.wrap } : {}) })),
    rows: [{ cells: [...LEDGER_HEAD], style: STYLE.header }, ...byPlan.get(p.id)!.map((r) => ({ cells: ledgerCells(r) }))],
    frozenRows: 1,
    autoFilter: true,
    printTitleRow: true,
  }));

  const summaryRows: SheetSpec['rows'] = [
    { cells: [`${title}(${data.period.label},按${q}状态统计)`], style: STYLE.title },
    { cells: [`统计范围:${data.scopeLabel};逾期以${data.asOf}为准。`] },
    { cells: ['方案', '工作表', '措施数', ...STATUSES, '逾期未完成', '佐证材料数', '台账行数'], style: STYLE.bold },
  ];
  const totals = new Array<number>(8).fill(0);
  plans.forEach((p, i) => {
    const ref = (col: string) => `${quoteSheet(names[i]!)}!${col}:${col}`;
    const planRows = byPlan.get(p.id)!;
    const last = planRows.filter((r) => r.quarter === q);
    const results = [
      last.length,
      ...STATUSES.map((s) => last.filter((r) => r.status === s).length),
      last.filter((r) => r.overdue).length,
      planRows.reduce((n, r) => n + r.evidenceCount, 0),
      planRows.length,
    ];
    const formulas = [
      `COUNTIF(${ref(QUARTER_COLUMN)},"${q}")`,
      ...STATUSES.map((s) => `COUNTIFS(${ref(QUARTER_COLUMN)},"${q}",${ref(STATUS_COLUMN)},"${s}")`),
      `COUNTIFS(${ref(QUARTER_COLUMN)},"${q}",${ref(OVERDUE_COLUMN)},"是")`,
      `SUM(${ref(EVIDENCE_COLUMN)})`,
      `COUNTA(${ref('A')})-1`,
    ];
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
    columns: [{ width: 48 }, { width: 26 }, ...new Array<{ width: number }>(8).fill({ width: 12 })],
    rows: summaryRows,
    frozenRows: 3,
    merges: ['A1:J1'],
  };
  return writeXlsx([summary, ...planSheets], { title, creator: '法治台账' });
}
