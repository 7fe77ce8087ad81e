// The evidence screens' words, Chinese first; kept beside the screens so they load with them.
import { useTranslation } from 'react-i18next';

const zh = {
  title: '佐证材料',
  panelTitle: '佐证材料',
  drop: '将文件拖到这里',
  or: '或',
  choose: '选择文件',
  chooseHint: '可一次选择多个文件,单个文件不超过 {{max}}。',
  pending: '待添加的文件',
  description: '说明',
  docNumber: '文号',
  docDate: '成文日期',
  docDateHint: '填写成文日期后,材料计入该日期所在的季度。',
  add: '添加 {{n}} 个文件',
  clear: '清空',
  removePending: '移除',
  uploading: '正在保存',
  cancel: '取消',
  cancelled: '已取消,未保存任何内容。',
  added: '已添加 {{n}} 个文件。',
  duplicate: '“{{name}}”已在该季度的佐证材料中,未重复添加。',
  none: '本季度尚无佐证材料。',
  otherQuarters: '其他季度的材料',
  preview: '预览',
  download: '下载',
  details: '详细信息',
  remove: '移除',
  removeConfirm: '从该措施中移除“{{name}}”?移除操作会记入修改记录;文件在清理前仍保留在存储中。',
  removed: '已移除“{{name}}”。',
  sha256: 'SHA-256',
  size: '大小',
  type: '类型',
  addedBy: '添加人',
  addedAt: '添加时间',
  quarter: '计入季度',
  measure: '措施',
  name: '文件名',
  close: '关闭',
  save: '保存修改',
  noPreview: '此类文件无法在程序内预览,请下载后用相应软件打开。',
  previewFailed: '无法显示该文件,可能已损坏。请下载后查看,或运行完整性检查。',
  pdfPage: '第 {{page}} / {{pages}} 页',
  prevPage: '上一页',
  nextPage: '下一页',
  tooLarge: '文件“{{name}}”大小为 {{size}},超过单个佐证材料 {{max}} 的上限。请压缩或拆分后再添加。',
  emptyWarning: '文件“{{name}}”是空文件(0 字节),请确认没有选错。',
  folder: '“{{name}}”是文件夹或无法读取。请打开文件夹,选择其中的具体文件。',
  filters: {
    plan: '方案',
    section: '领域',
    department: '部门',
    quarter: '季度',
    type: '类型',
    sort: '排序',
    all: '全部',
    allQuarters: '全部季度',
  },
  kinds: { image: '图片', pdf: 'PDF', text: '文本', office: '办公文档', other: '其他' },
  sorts: { 'date-desc': '日期(新→旧)', 'date-asc': '日期(旧→新)', 'size-desc': '大小(大→小)', 'size-asc': '大小(小→大)' },
  count: '共 {{n}} 份材料,{{size}}',
  empty: '没有符合条件的佐证材料。',
  more: '显示更多(还有 {{n}} 份)',
  missingTitle: '缺佐证({{quarter}})',
  missingCount: '{{n}} 项措施本季度尚无佐证材料',
  missingNone: '本季度每项措施都已有佐证材料。',
  open: '去添加',
  verify: '完整性检查',
  verifying: '正在校验…',
  verifyOk: '完整性检查通过:{{n}} 个文件({{size}})均完好。',
  verifyBad: '完整性检查发现 {{n}} 个文件有问题:',
  missingFile: '文件缺失',
  changedFile: '内容已被改动',
  cleanup: '清理存储',
  cleanupDone: '已清理 {{n}} 个不再使用的文件,释放 {{size}}。',
  cleanupNone: '没有需要清理的文件。',
};

type Dict = typeof zh;

const en: Dict = {
  title: 'Evidence',
  panelTitle: 'Evidence',
  drop: 'Drop files here',
  or: 'or',
  choose: 'Choose files',
  chooseHint: 'Several files at once; up to {{max}} each.',
  pending: 'Files to add',
  description: 'Description',
  docNumber: 'Document no.',
  docDate: 'Document date',
  docDateHint: 'With a document date, the file counts for that date’s quarter.',
  add: 'Add {{n}} file(s)',
  clear: 'Clear',
  removePending: 'Remove',
  uploading: 'Saving',
  cancel: 'Cancel',
  cancelled: 'Cancelled; nothing was saved.',
  added: 'Added {{n}} file(s).',
  duplicate: '“{{name}}” is already attached for this quarter.',
  none: 'No evidence for this quarter yet.',
  otherQuarters: 'Other quarters',
  preview: 'Preview',
  download: 'Download',
  details: 'Details',
  remove: 'Remove',
  removeConfirm: 'Remove “{{name}}” from this measure? The removal is logged; the file stays in the store until a clean-up.',
  removed: 'Removed “{{name}}”.',
  sha256: 'SHA-256',
  size: 'Size',
  type: 'Type',
  addedBy: 'Added by',
  addedAt: 'Added at',
  quarter: 'Counts for',
  measure: 'Measure',
  name: 'Name',
  close: 'Close',
  save: 'Save changes',
  noPreview: 'This type cannot be previewed; download it to open it.',
  previewFailed: 'The file cannot be shown; it may be damaged. Download it or run the integrity check.',
  pdfPage: 'Page {{page}} / {{pages}}',
  prevPage: 'Previous',
  nextPage: 'Next',
  tooLarge: '“{{name}}” is {{size}}, over the {{max}} limit per file.',
  emptyWarning: '“{{name}}” is empty (0 bytes).',
  folder: '“{{name}}” is a folder or cannot be read. Choose the files inside it.',
  filters: { plan: 'Plan', section: 'Area', department: 'Department', quarter: 'Quarter', type: 'Type', sort: 'Sort', all: 'All', allQuarters: 'All quarters' },
  kinds: { image: 'Image', pdf: 'PDF', text: 'Text', office: 'Office', other: 'Other' },
  sorts: { 'date-desc': 'Date (newest)', 'date-asc': 'Date (oldest)', 'size-desc': 'Size (largest)', 'size-asc': 'Size (smallest)' },
  count: '{{n}} file(s), {{size}}',
  empty: 'No evidence matches.',
  more: 'Show more ({{n}} left)',
  missingTitle: 'Missing evidence ({{quarter}})',
  missingCount: '{{n}} measure(s) have no evidence this quarter',
  missingNone: 'Every measure has evidence this quarter.',
  open: 'Add',
  verify: 'Verify integrity',
  verifying: 'Verifying…',
  verifyOk: 'Integrity check passed: {{n}} file(s) ({{size}}) intact.',
  verifyBad: 'Integrity check found {{n}} problem file(s):',
  missingFile: 'missing',
  changedFile: 'changed',
  cleanup: 'Clean up store',
  cleanupDone: 'Removed {{n}} unused file(s), freed {{size}}.',
  cleanupNone: 'Nothing to clean up.',
};

type Leaf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaf<T[K], `${P}${K}.`>;
}[keyof T & string];
export type EvidenceKey = Leaf<Dict>;

function lookup(d: Dict, key: string): string {
  let v: unknown = d;
  for (const part of key.split('.')) v = (v as Record<string, unknown>)[part];
  return typeof v === 'string' ? v : key;
}

export function evidenceText(lang: string, key: EvidenceKey, vars: Record<string, string | number> = {}): string {
  return lookup(lang.startsWith('en') ? en : zh, key).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** `t` for the evidence screens, following the app's language. */
export function useEvidenceText(): (key: EvidenceKey, vars?: Record<string, string | number>) => string {
  const { i18n } = useTranslation();
  return (key, vars) => evidenceText(i18n.language, key, vars);
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 100 ? 0 : 1)} ${units[i]}`;
}
