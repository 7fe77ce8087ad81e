// Report periods: a quarter (2024-Q3), a half year (2024-H1), a year (2024) or dates (2024-02-01..2024-05-31).
import { nextQuarter, parseQuarterId, quarter, quarterLabelZh, quarterOfDate, type Quarter } from '../periods';
import type { ReportPeriod } from './types';

export const PERIOD_PATTERN = /^(\d{4})(?:-(Q[1-4]|H[12]))?$|^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/** "2024-03-05" → 2024年3月5日 */
export function zhDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

function quartersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const last = quarterOfDate(to).id;
  for (let q = quarterOfDate(from); ; q = nextQuarter(q)) {
    out.push(q.id);
    if (q.id === last || out.length > 400) break;
  }
  return out;
}

/** A period made of whole quarters of one year. */
function ofQuarters(id: string, kind: 'quarter' | 'half' | 'year', label: string, qs: Quarter[]): ReportPeriod {
  const first = qs[0]!;
  const last = qs[qs.length - 1]!;
  return { id, kind, year: first.year, label, startsOn: first.startsOn, endsOn: last.endsOn, quarters: qs.map((q) => q.id), lastQuarter: last.id };
}

function validDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** The period named by `id`, or null when it is not one of the accepted forms. */
export function parseReportPeriod(id: string): ReportPeriod | null {
  const m = PERIOD_PATTERN.exec(id.trim());
  if (!m) return null;
  if (m[3] && m[4]) {
    if (!validDate(m[3]) || !validDate(m[4]) || m[3] > m[4]) return null;
    const quarters = quartersBetween(m[3], m[4]);
    return {
      id: `${m[3]}..${m[4]}`,
      kind: 'range',
      year: Number(m[4].slice(0, 4)),
      label: `${zhDate(m[3])}至${zhDate(m[4])}`,
      startsOn: m[3],
      endsOn: m[4],
      quarters,
      lastQuarter: quarters[quarters.length - 1]!,
    };
  }
  const year = Number(m[1]);
  const part = m[2];
  if (!part) return ofQuarters(String(year), 'year', `${year}年`, [1, 2, 3, 4].map((q) => quarter(year, q)));
  if (part.startsWith('H')) {
    const h = Number(part[1]);
    const qs = h === 1 ? [1, 2] : [3, 4];
    return ofQuarters(`${year}-H${h}`, 'half', `${year}年${h === 1 ? '上' : '下'}半年`, qs.map((q) => quarter(year, q)));
  }
  const q = parseQuarterId(`${year}-${part}`)!;
  return ofQuarters(q.id, 'quarter', quarterLabelZh(q), [q]);
}

/** The quarter after the period's last, for "next quarter's plan". */
export function nextQuarterLabel(p: ReportPeriod): string {
  return quarterLabelZh(nextQuarter(parseQuarterId(p.lastQuarter)!));
}
