// Reporting periods: quarters named like 2024-Q3, with their dates, and the quarter a date falls in.
export interface Quarter {
  id: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  startsOn: string;
  endsOn: string;
}

const QUARTER_ID = /^(\d{4})-Q([1-4])$/;

export function isQuarterId(id: string): boolean {
  return QUARTER_ID.test(id);
}

export function quarter(year: number, q: number): Quarter {
  if (!Number.isInteger(year) || q < 1 || q > 4) throw new Error(`bad quarter ${year}-Q${q}`);
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return {
    id: `${year}-Q${q}`,
    year,
    quarter: q as Quarter['quarter'],
    startsOn: `${year}-${pad(startMonth)}-01`,
    endsOn: `${year}-${pad(endMonth)}-${pad(lastDay)}`,
  };
}

export function parseQuarterId(id: string): Quarter | null {
  const m = QUARTER_ID.exec(id);
  return m ? quarter(Number(m[1]), Number(m[2])) : null;
}

/** The quarter an ISO date (YYYY-MM-DD…) falls in. */
export function quarterOfDate(isoDate: string): Quarter {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return quarter(year, Math.floor((month - 1) / 3) + 1);
}

export function currentQuarter(now: Date = new Date()): Quarter {
  return quarterOfDate(localIsoDate(now));
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1 ? quarter(q.year - 1, 4) : quarter(q.year, q.quarter - 1);
}

export function nextQuarter(q: Quarter): Quarter {
  return q.quarter === 4 ? quarter(q.year + 1, 1) : quarter(q.year, q.quarter + 1);
}

/** "2024年第三季度" */
export function quarterLabelZh(q: Quarter): string {
  return `${q.year}年第${'一二三四'[q.quarter - 1]}季度`;
}

export function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
