// The ledger .xlsx re-read with exceljs: one row per measure with the quarters side by side, title row, borders, heights, print setup, summary formulas.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildLedger } from './fixture';
import { produceReport } from '../../../electron/services/reports/produce';
import { loadReportData } from '../../../db/queries/report-data';
import { parseReportPeriod } from '../../../shared/report/period';

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

  it('has a title row, the header, and one row per measure with the quarters side by side', async () => {
    const wb = await book();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', expect.stringMatching(/^1-某区法治政府建设实施方案/), expect.stringMatching(/^2-2024年全区/)]);
    const [, a, b] = wb.worksheets;
    expect(a!.actualRowCount).toBe(2 + count(planA));
    expect(b!.actualRowCount).toBe(2 + count(planB));
    expect(String(a!.getRow(1).getCell(1).value)).toContain('2024年');
    expect(String(a!.getRow(1).getCell(1).value)).toContain('某区法治政府建设实施方案');
    expect(a!.getRow(2).values).toEqual([
      undefined, '序号', '领域', '工作任务', '具体措施', '牵头单位', '责任单位', '完成时限',
      '2024年第一季度进展情况', '2024年第二季度进展情况', '2024年第三季度进展情况', '2024年第四季度进展情况', '佐证材料', '状态', '备注',
    ]);
    const row = a!.getRows(3, a!.actualRowCount - 2)!.find((r) => r.getCell(3).value === '全面推行权责清单制度')!;
    expect(row.getCell(2).value).toBe('依法全面履行政府职能');
    expect(row.getCell(4).value).toBe('全面推行权责清单制度。');
    expect(row.getCell(8).value).toBe('【推进中】梳理权责事项1200项。');
    expect(row.getCell(9).value).toBe('【已完成】权责清单已经区政府常务会议审议并公布。');
    expect(row.getCell(10).value).toBe('未报送');
    expect(String(row.getCell(12).value)).toContain('权责清单.pdf');
    expect(row.getCell(13).value).toBe('已完成');
    expect(String(row.getCell(14).value)).toContain('2个季度未报送');
  });

  it('prints landscape, fit to width, header repeated, page numbers in the footer; thin borders and tall enough rows', async () => {
    const wb = await book();
    const ws = wb.worksheets[1]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect(ws.headerFooter.oddFooter).toContain('&P');
    const cell = ws.getRow(3).getCell(4);
    expect(cell.border?.left?.style).toBe('thin');
    expect(cell.border?.bottom?.style).toBe('thin');
    expect(cell.alignment?.wrapText).toBe(true);
    for (let r = 3; r <= ws.actualRowCount; r++) expect(ws.getRow(r).height).toBeGreaterThanOrEqual(18);
    const zip = await JSZip.loadAsync((await produced).bytes);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/_xlnm\.Print_Titles" localSheetId="1">'1-[^']+'!\$2:\$2</);
  });

  it('counts with formulas over the plan sheets, and their cached results equal the report figures', async () => {
    const wb = await book();
    const s = wb.getWorksheet('汇总')!;
    const total = s.getRow(4 + 2);
    expect(total.getCell(1).value).toBe('合计');
    expect((s.getRow(4).getCell(4).value as { formula: string }).formula).toMatch(/^COUNTIF\('1-[^']+'!M:M,"已完成"\)$/);
    expect((s.getRow(4).getCell(8).value as { formula: string }).formula).toMatch(/^COUNTIF\('1-[^']+'!N:N,"\*已逾期\*"\)$/);
    const result = (c: number) => (total.getCell(c).value as { formula: string; result: number }).result;
    const f = data.figures;
    expect([result(3), result(4), result(5), result(6), result(7), result(8)]).toEqual([f.total, f.done, f.inProgress, f.notStarted, f.notApplicable, f.overdue]);
    expect((total.getCell(3).value as { formula: string }).formula).toBe('SUM(C4:C5)');
  });
});
