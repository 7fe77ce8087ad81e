// The ledger (台账): one row per measure, the period's quarters side by side; the same rows for the .xlsx, the table and the HTML.
import type { Status } from '../model';
import { evidenceIndex, recordIndex, sectionOfMeasure, units } from './common';
import { quarterLabelZh, parseQuarterId } from '../periods';
import { zhDate } from './period';
import type { ReportData } from './types';

/** A quarter with no record for a measure: said as such, never carried forward from an earlier one. */
export const NOT_REPORTED = '未报送';

export interface LedgerQuarter {
  periodId: string;
  status: Status | typeof NOT_REPORTED;
  narrative: string;
}

export interface LedgerRow {
  measureId: string;
  planId: string;
  number: string;
  area: string;
  task: string;
  text: string;
  lead: string;
  responsible: string;
  deadline: string;
  quarters: LedgerQuarter[];
  /** Effective status at the period's last quarter: the figures' status. */
  status: Status;
  /** Judged at the period's end. */
  overdue: boolean;
  evidence: string;
  remark: string;
}

/** "2024年第三季度进展情况" per quarter of the period. */
export function ledgerHead(data: Pick<ReportData, 'period'>): string[] {
  return ['序号', '领域', '工作任务', '具体措施', '牵头单位', '责任单位', '完成时限', ...data.period.quarters.map((q) => `${quarterLabelZh(parseQuarterId(q)!)}进展情况`), '佐证材料', '状态', '备注'];
}

export function quarterCell(q: LedgerQuarter): string {
  return q.status === NOT_REPORTED ? NOT_REPORTED : `【${q.status}】${q.narrative}`;
}

export function ledgerRows(data: ReportData): LedgerRow[] {
  const rec = recordIndex(data.records);
  const ev = evidenceIndex(data.evidence);
  const area = sectionOfMeasure(data);
  return data.measures.map((m) => {
    const files = ev.get(m.id) ?? [];
    const quarters = data.period.quarters.map((q): LedgerQuarter => {
      const r = rec(m.id, q);
      return r ? { periodId: q, status: r.status, narrative: r.narrative } : { periodId: q, status: NOT_REPORTED, narrative: '' };
    });
    const missing = quarters.filter((q) => q.status === NOT_REPORTED).length;
    const remark = [m.overdue && '已逾期', m.status === '不适用' && '不适用,不计入完成率', missing && `${missing}个季度未报送`].filter(Boolean).join(';');
    return {
      measureId: m.id,
      planId: m.planId,
      number: m.number,
      area: area(m.id),
      task: m.title,
      text: data.texts[m.id] ?? m.title,
      lead: units(m, 'lead'),
      responsible: units(m, 'responsible'),
      deadline: m.deadline ?? '',
      quarters,
      status: m.status,
      overdue: m.overdue,
      evidence: files.map((f) => [f.name, f.docNumber, f.docDate && zhDate(f.docDate)].filter(Boolean).join(' ')).join('\n'),
      remark,
    };
  });
}

export function ledgerCells(r: LedgerRow): string[] {
  return [r.number, r.area, r.task, r.text, r.lead, r.responsible, r.deadline, ...r.quarters.map(quarterCell), r.evidence, r.status, r.remark];
}
