// The name an exported report is saved under: issuer, period and subject in Chinese, as clerks name such files.
import type { ReportData, ReportFormat, ReportKind } from './types';

const SUBJECTS: Record<ReportKind, string> = {
  quarterly: '法治政府建设推进情况',
  annual: '法治政府建设年度报告',
  ledger: '法治政府建设台账',
};

/**
 * 大渡口区2024年第三季度法治政府建设推进情况.docx, 大渡口区2024年法治政府建设年度报告.docx; an .xlsx is always the ledger
 * (see produce.ts), so it is named one whatever kind was chosen. Characters no file system accepts are left out.
 */
export function exportFileName(a: { kind: ReportKind; format: ReportFormat; issuer?: string | undefined }, data: Pick<ReportData, 'period' | 'plans'>): string {
  const issuer = a.issuer?.trim() || data.plans.find((p) => p.issuer)?.issuer || '';
  const subject = SUBJECTS[a.format === 'xlsx' ? 'ledger' : a.kind];
  const base = `${issuer}${data.period.label}${subject}`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim();
  return `${base}.${a.format}`;
}
