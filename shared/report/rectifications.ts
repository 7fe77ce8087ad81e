// The quarterly report's lines on inspectors' rectifications still open: (三) under the problems section.
import type { Block, ReportData } from './types';
import { zhDate } from './period';

export interface RectificationLine {
  measureNumber: string;
  measureTitle: string;
  requirement: string;
  department: string;
  dueOn: string;
  status: string;
  overdue: boolean;
}

export function rectificationBlocks(data: Pick<ReportData, 'rectifications'>): Block[] {
  const lines = data.rectifications ?? [];
  const overdue = lines.filter((l) => l.overdue).length;
  const head: Block = { type: 'h2', text: `(三)督察提出尚未整改销号的事项(${lines.length}项${overdue ? `,其中逾期${overdue}项` : ''})` };
  if (!lines.length) return [head, { type: 'p', text: '无。' }];
  return [
    head,
    {
      type: 'table',
      head: ['编号', '措施', '整改要求', '责任单位', '整改期限', '状态'],
      widths: [8, 24, 30, 14, 12, 12],
      rows: lines.map((l) => [l.measureNumber, l.measureTitle, l.requirement, l.department, zhDate(l.dueOn), l.overdue ? `${l.status}(逾期)` : l.status]),
    },
  ];
}
