// Report periods: a quarter (2024-Q3), a half year (2024-H1), a year (2024) or dates (2024-02-01..2024-05-31).
import { parseQuarterId, quarter, quarterLabelZh, quarterOfDate } from '../periods';
import type { ReportPeriod } from './types';

export const PERIOD_PATTERN = /^(\d{4})(?:-(Q[1-4]|H[12]))?$|^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/** "2024-03-05" → 2024年3月5日 */
export function zhDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

function quartersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let q = quarterOfDate(from);
  const last = quarterOfDate(to).id;
  for (;;) {
    out.push(q.id);
    if (q.id === last || out.length > 400) break;
    q = q.quarter === 4 ? quarter(q.year + 1, 1) : quarter(q.year, q.quarter + 1);
  }
  return out;
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
  if (!part) {
    return { id: String(year), kind: 'year', year, label: `${year}年`, startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, quarters: [1, 2, 3, 4].map((q) => `${year}-Q${q}`), lastQuarter: `${year}-Q4` };
  }
  if (part.startsWith('H')) {
    const h = Number(part[1]);
    const qs = h === 1 ? [1, 2] : [3, 4];
    return {
      id: `${year}-H${h}`,
      kind: 'half',
      year,
      label: `${year}年${h === 1 ? '上' : '下'}半年`,
      startsOn: quarter(year, qs[0]!).startsOn,
      endsOn: quarter(year, qs[1]!).endsOn,
      quarters: qs.map((q) => `${year}-Q${q}`),
      lastQuarter: `${year}-Q${qs[1]}`,
    };
  }
  const q = parseQuarterId(`${year}-${part}`)!;
  return { id: q.id, kind: 'quarter', year, label: quarterLabelZh(q), startsOn: q.startsOn, endsOn: q.endsOn, quarters: [q.id], lastQuarter: q.id };
}

/** The quarter after the period's last, for "next quarter's plan". */
export function nextQuarterLabel(p: ReportPeriod): string {
  const q = parseQuarterId(p.lastQuarter)!;
  const n = q.quarter === 4 ? quarter(q.year + 1, 1) : quarter(q.year, q.quarter + 1);
  return quarterLabelZh(n);
}
