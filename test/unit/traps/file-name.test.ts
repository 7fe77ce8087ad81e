// Exported reports are named by issuer, period and subject, in Chinese.
import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../shared/report/file-name';
import { parseReportPeriod } from '../../../shared/report/period';

const data = (period: string, issuer: string | null = null) => ({
  period: parseReportPeriod(period)!,
  plans: [{ id: 'p', title: '大渡口区法治政府建设实施方案', issuer }],
});

describe('export file names', () => {
  it('carry the issuer and the period in Chinese', () => {
    expect(exportFileName({ kind: 'quarterly', format: 'docx', issuer: '大渡口区' }, data('2024-Q3'))).toBe('大渡口区2024年第三季度法治政府建设推进情况.docx');
    expect(exportFileName({ kind: 'quarterly', format: 'pdf', issuer: '大渡口区' }, data('2024-Q1'))).toBe('大渡口区2024年第一季度法治政府建设推进情况.pdf');
    expect(exportFileName({ kind: 'annual', format: 'docx', issuer: '大渡口区' }, data('2024'))).toBe('大渡口区2024年法治政府建设年度报告.docx');
    expect(exportFileName({ kind: 'ledger', format: 'xlsx', issuer: '大渡口区' }, data('2024-Q3'))).toBe('大渡口区2024年第三季度法治政府建设台账.xlsx');
    expect(exportFileName({ kind: 'ledger', format: 'xlsx' }, data('2024-H1'))).toBe('2024年上半年法治政府建设台账.xlsx');
  });

  it("take the plan's issuer when none is typed, and the typed one over the plan's", () => {
    expect(exportFileName({ kind: 'annual', format: 'pdf' }, data('2024', '曹县人民政府'))).toBe('曹县人民政府2024年法治政府建设年度报告.pdf');
    expect(exportFileName({ kind: 'annual', format: 'pdf', issuer: ' 大渡口区 ' }, data('2024', '曹县人民政府'))).toBe('大渡口区2024年法治政府建设年度报告.pdf');
  });

  it('name an .xlsx as the ledger it is, whichever kind was chosen', () => {
    expect(exportFileName({ kind: 'quarterly', format: 'xlsx', issuer: '大渡口区' }, data('2024-Q3'))).toBe('大渡口区2024年第三季度法治政府建设台账.xlsx');
  });

  it('leave out characters no file system accepts', () => {
    expect(exportFileName({ kind: 'quarterly', format: 'html', issuer: 'A/B:区' }, data('2024-02-01..2024-05-31'))).toBe('AB区2024年2月1日至2024年5月31日法治政府建设推进情况.html');
  });
});
