// Turns a deadline as written ("2019年年底前", "2020年10月底前", "6月底完成") into the last day it allows.
const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function toNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (/^十[一二]$/.test(s)) return 10 + CN_DIGITS[s[1]!]!;
  if (s.length === 1 && s in CN_DIGITS) return CN_DIGITS[s]!;
  return null;
}

/**
 * The ISO date by which a written deadline falls due, or null when it names no date
 * ("长期坚持", "持续推进"). A month without a year takes `defaultYear` (the plan's year).
 */
export function deadlineDate(written: string | null, defaultYear?: number): string | null {
  if (!written) return null;
  const s = written.replace(/\s+/g, '');
  const full = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(s);
  if (full) return iso(Number(full[1]), Number(full[2]), Number(full[3]));
  const ym = /(\d{4})年([0-9一二三四五六七八九十]{1,3})月/.exec(s);
  if (ym) {
    const month = toNumber(ym[2]!);
    if (month && month >= 1 && month <= 12) return endOfMonth(Number(ym[1]), month, s);
  }
  const yearOnly = /(\d{4})年(年底|年末|底|末|前|内|以前)?/.exec(s);
  if (yearOnly && /(\d{4})年(年底|年末|底|末|前|内|以前|完成)/.test(s)) return iso(Number(yearOnly[1]), 12, 31);
  if (yearOnly && /上半年/.test(s)) return iso(Number(yearOnly[1]), 6, 30);
  const m = /(?:^|[^\d])([0-9一二三四五六七八九十]{1,3})月(底|末|前|中旬|上旬|下旬|份)?/.exec(s);
  if (m && defaultYear) {
    const month = toNumber(m[1]!);
    if (month && month >= 1 && month <= 12) return endOfMonth(defaultYear, month, s);
  }
  if (defaultYear && /年底|年末|年内|全年/.test(s)) return iso(defaultYear, 12, 31);
  return null;
}

function endOfMonth(year: number, month: number, s: string): string {
  if (/上旬/.test(s)) return iso(year, month, 10);
  if (/中旬/.test(s)) return iso(year, month, 20);
  return iso(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
