// The ledger .xlsx re-read with exceljs: rows per measure × quarter, frozen header, filter, and summary formulas.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildLedger } from './fixture';
import { produceReport } from '../../../electron/services/reports/produce';
import { loadReportData } from '../../../db/queries/report-data';
import { parseReportPeriod } from '../../../shared/report/period';
import { systemUser } from '../../../db/queries/users';

describe('ledger .xlsx', () => {
  const { db, planA, planB } = buildLedger();
  const produced = produceReport(db, { period: '2024', kind: 'ledger', format: 'xlsx', asOf: '2024-12-31' });
  const data = loadReportData(db, { period: parseReportPeriod('2024')!, asOf: '2024-12-31' });
  const count = (planId: string) => (db.prepare('SELECT count(*) AS n FROM measures WHERE plan_id = ?').get(planId) as { n: number }).n;

  async function book() {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await produced).bytes as unknown as ArrayBuffer);
    return wb;
  }

  it('has a summary sheet and one sheet per plan with a row per measure and quarter', async () => {
    const wb = await book();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', expect.stringMatching(/^1-某区法治政府建设实施方案/), expect.stringMatching(/^2-2024年全区/)]);
    const [, a, b] = wb.worksheets;
    expect(a!.actualRowCount).toBe(1 + count(planA) * 4);
    expect(b!.actualRowCount).toBe(1 + count(planB) * 4);
    expect(a!.getRow(1).values).toEqual([undefined, '编号', '措施', '牵头单位', '责任单位', '完成时限', '季度', '状态', '是否逾期', '推进情况', '佐证材料数', '佐证材料', '最后修改人', '最后修改时间']);
    const row = a!.getRows(2, a!.actualRowCount - 1)!.find((r) => r.getCell(2).value === '全面推行权责清单制度' && r.getCell(6).value === '2024-Q2')!;
    expect(row.getCell(7).value).toBe('已完成');
    expect(row.getCell(9).value).toBe('权责清单已经区政府常务会议审议并公布。');
    expect(row.getCell(10).value).toBe(1);
    expect(row.getCell(11).value).toBe('权责清单.pdf');
    expect(row.getCell(12).value).toBe(systemUser(db).name);
  });

  it('freezes the header, filters it, sets widths and wraps long text', async () => {
    const wb = await book();
    const ws = wb.worksheets[1]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(2).width).toBe(40);
    expect(ws.getColumn(9).alignment?.wrapText).toBe(true);
  });

  it('counts with formulas over the plan sheets, and their cached results equal the report figures', async () => {
    const wb = await book();
    const s = wb.getWorksheet('汇总')!;
    const total = s.getRow(4 + 2);
    expect(total.getCell(1).value).toBe('合计');
    const formulas = [4, 5].flatMap((r) => [3, 4, 5, 6, 7, 8, 10].map((c) => (s.getRow(r).getCell(c).value as { formula: string }).formula));
    expect(formulas.filter((f) => f.startsWith('COUNTIFS(')).length).toBe(10);
    expect(formulas.filter((f) => f.startsWith('COUNTA(')).length).toBe(2);
    expect((s.getRow(4).getCell(4).value as { formula: string }).formula).toMatch(/^COUNTIFS\('1-[^']+'!F:F,"2024-Q4",'1-[^']+'!G:G,"已完成"\)$/);
    const result = (c: number) => (total.getCell(c).value as { formula: string; result: number }).result;
    const f = data.figures;
    expect([result(3), result(4), result(5), result(6), result(7), result(8)]).toEqual([f.total, f.done, f.inProgress, f.notStarted, f.notApplicable, f.overdue]);
    expect((total.getCell(3).value as { formula: string }).formula).toBe('SUM(C4:C5)');
    expect(result(10)).toBe(f.total * 4);
  });
});
