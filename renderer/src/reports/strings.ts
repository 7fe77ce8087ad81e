// The report screen's words in Chinese and English, kept beside the screen so that it mounts with one nav entry.
import { useTranslation } from 'react-i18next';

const zh = {
  title: '报告',
  period: '报告期',
  quarter: '季度',
  half: '半年',
  year: '全年',
  range: '起止日期',
  from: '自',
  to: '至',
  h1: '上半年',
  h2: '下半年',
  kind: '报告类型',
  quarterly: '季度推进情况报告',
  annual: '年度法治政府建设情况报告',
  ledger: '工作台账',
  scope: '范围',
  plans: '实施方案',
  sections: '领域',
  departments: '单位',
  allPlans: '全部方案',
  allSections: '全部领域',
  allDepartments: '全部单位',
  issuer: '发文单位',
  issuerHint: '如:某区人民政府',
  date: '落款日期',
  appendix: '附佐证材料清单',
  charts: '包含图表',
  preview: '预览',
  refresh: '刷新预览',
  export: '导出',
  exports: '已导出的文件',
  download: '下载',
  exporting: '正在导出…',
  cancel: '取消',
  figures: '措施 {total} 项:已完成 {done},推进中 {inProgress},未开始 {notStarted},逾期 {overdue},无佐证 {withoutEvidence}',
  emptyPreview: '选择报告期和类型后显示预览。',
  previewTitle: '报告预览',
  failed: '导出失败',
  cancelled: '已取消',
};

export type ReportStrings = typeof zh;

const en: ReportStrings = {
  title: 'Reports',
  period: 'Period',
  quarter: 'Quarter',
  half: 'Half year',
  year: 'Year',
  range: 'Dates',
  from: 'From',
  to: 'to',
  h1: 'First half',
  h2: 'Second half',
  kind: 'Report',
  quarterly: 'Quarterly progress report',
  annual: 'Annual rule-of-law government report',
  ledger: 'Work ledger',
  scope: 'Scope',
  plans: 'Plans',
  sections: 'Areas',
  departments: 'Departments',
  allPlans: 'All plans',
  allSections: 'All areas',
  allDepartments: 'All departments',
  issuer: 'Issuing body',
  issuerHint: 'e.g. District People’s Government',
  date: 'Date signed',
  appendix: 'Append evidence list',
  charts: 'Include charts',
  preview: 'Preview',
  refresh: 'Refresh preview',
  export: 'Export',
  exports: 'Exported files',
  download: 'Download',
  exporting: 'Exporting…',
  cancel: 'Cancel',
  figures: '{total} measures: {done} done, {inProgress} in progress, {notStarted} not started, {overdue} overdue, {withoutEvidence} without evidence',
  emptyPreview: 'Choose a period and a report to see it here.',
  previewTitle: 'Report preview',
  failed: 'Export failed',
  cancelled: 'Cancelled',
};

export function useReportStrings(): ReportStrings {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? en : zh;
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
