// The ledger: one row per measure × quarter of the period, the same rows for the .xlsx, the table and the HTML.
import type { Status } from '../model';
import { evidenceIndex, recordIndex, units } from './common';
import type { ReportData } from './types';

export interface LedgerRow {
  measureId: string;
  planId: string;
  number: string;
  title: string;
  lead: string;
  responsible: string;
  deadline: string;
  quarter: string;
  status: Status;
  overdue: boolean;
  narrative: string;
  evidenceCount: number;
  evidenceNames: string;
  changedBy: string;
  changedAt: string;
}

export const LEDGER_HEAD = ['编号', '措施', '牵头单位', '责任单位', '完成时限', '季度', '状态', '是否逾期', '推进情况', '佐证材料数', '佐证材料', '最后修改人', '最后修改时间'] as const;

/** Local time as 2024-10-08 14:03, for the ledger's "last change at". */
function shortTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function ledgerRows(data: ReportData): LedgerRow[] {
  const rec = recordIndex(data.records);
  const ev = evidenceIndex(data.evidence);
  const rows: LedgerRow[] = [];
  for (const m of data.measures) {
    const files = ev.get(m.id) ?? [];
    const lead = units(m, 'lead');
    const responsible = units(m, 'responsible');
    for (const q of data.period.quarters) {
      const r = rec(m.id, q);
      const qFiles = files.filter((f) => f.periodId === q);
      const status = data.statusByQuarter[q]?.[m.id] ?? '未开始';
      rows.push({
        measureId: m.id,
        planId: m.planId,
        number: m.number,
        title: m.title,
        lead,
        responsible,
        deadline: m.deadline ?? '',
        quarter: q,
        status,
        overdue: q === data.period.lastQuarter ? m.overdue : false,
        narrative: r?.narrative ?? '',
        evidenceCount: qFiles.length,
        evidenceNames: qFiles.map((f) => f.name).join('\n'),
        changedBy: r?.updatedByName ?? '',
        changedAt: r ? shortTime(r.updatedAt) : '',
      });
    }
  }
  return rows;
}

export function ledgerCells(r: LedgerRow): (string | number)[] {
  return [r.number, r.title, r.lead, r.responsible, r.deadline, r.quarter, r.status, r.overdue ? '是' : '否', r.narrative, r.evidenceCount, r.evidenceNames, r.changedBy, r.changedAt];
}
