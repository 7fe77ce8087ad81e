// Deadlines as written: "2019年年底前", "2020年10月底前", "6月底", "长期坚持", and the document's own.

import { tc, tcAny } from './text';

const Y = '\\d{4}\\s*年';
const M = '(?:\\d{1,2}|十[一二]?|[一二三四五六七八九])\\s*月(?:份)?';
const D = '\\d{1,2}\\s*[日号號]';
const YEAR_PART = `(?:${tcAny(['年底', '年末', '上半年', '下半年'])}|第?[一二三四1-4]季度末?)`;

// A date is a deadline only with 前/底/末 ("2020年10月底前", "6月底完成"): "到2020年基本建成"
// and "每年第一季度要报告" name a time, not a deadline.
const DATE_SRC =
  `(?:${tcAny(['每年', '每季度', '每月'])})?` +
  `(?:(?:${Y})?${M}(?:${D})?(?:底|末|上旬|中旬|下旬)?|(?:${Y})?${YEAR_PART}|${Y}(?:底|末))` +
  `(?:${tcAny(['前', '以前', '之前'])})?`;
const DATE = new RegExp(DATE_SRC, 'g');
const FOLLOWED_BY_DONE = new RegExp(`^\\s*(?:${tcAny(['完成', '办结', '建成', '到位', '落实'])})`);

function isDeadline(match: string, after: string): boolean {
  if (/前$|[底末]/.test(match)) return true;
  return FOLLOWED_BY_DONE.test(after) && /月|年底|年末|半年|季度/.test(match);
}

/** The first date in `text` that reads as a deadline, as written up to 前. */
export function findDate(text: string): string | null {
  if (!/[月底末季]/.test(text)) return null;
  for (const m of text.matchAll(DATE)) {
    const s = m[0];
    if (!/\d|[一二三四五六七八九十]月|年底|年末|半年|季度/.test(s)) continue;
    const end = (m.index ?? 0) + s.length;
    if (isDeadline(s, text.slice(end, end + 4))) return s.replace(/\s+/g, '');
  }
  return null;
}

const STANDING = tcAny([
  '长期坚持', '持续推进', '长期推进', '持续开展', '持续实施', '常态化推进', '长期', '常态化', '持续', '全年', '年内',
  '每季度', '每月', '每半年', '每年', '年底前', '年底', '年末', '上半年', '下半年',
]);
const QUARTER = '第?[一二三四1-4]季度(?:末)?(?:前)?';
// "(长期坚持)", "，全年）" or a line of its own: the phrase must be the whole clause, so that
// prose such as "持续推进政务公开" is not taken for a deadline.
const STANDING_CLAUSE = new RegExp(`(?:^|[(（\\n，,；;])\\s*(${STANDING}|${QUARTER})\\s*(?=$|[)）。\\n])`);
const DONE_WORDS = tcAny(['完成', '办结', '到位', '落实', '建成']);
/** A clause that is nothing but a deadline ("6月底完成", "2024年9月底前完成", "全年", "二季度"). */
const WHOLE_DEADLINE = new RegExp(
  `^(?:${tc('完成时限')}\\s*[:：]?)?\\s*((?:${DATE_SRC})|${STANDING}|${QUARTER})\\s*(?:${DONE_WORDS})?$`,
);

/** The deadline a clause consists of, or null when it says anything else (a unit, a task). */
export function deadlineClause(clause: string): string | null {
  const t = clause.trim().replace(/\s+/g, '');
  if (!t || t.length > 24) return null;
  const m = WHOLE_DEADLINE.exec(t);
  if (!m?.[1] || !/\d|[一二三四五六七八九十]月|季度|年|长期|持续|常态|每|全年/.test(m[1])) return null;
  return m[1];
}

/** A measure's deadline: a 完成时限 value, else a dated phrase, else a standing one, else null. */
export function measureDeadline(text: string, keyed: string | null): string | null {
  if (keyed) return findDate(keyed) ?? keyed.slice(0, 40);
  return findDate(text) ?? STANDING_CLAUSE.exec(text)?.[1] ?? null;
}

const DONE = new RegExp(tcAny(['完成', '办结', '到位', '验收']));
const BEFORE = new RegExp(tc('前'));

/** The deadline a closing paragraph sets for every task ("原则上应当在2019年年底前完成"). */
export function documentDeadline(text: string): string | null {
  for (const sentence of text.split(/[。！？!?\n]/)) {
    if (!DONE.test(sentence) || !BEFORE.test(sentence)) continue;
    const d = findDate(sentence);
    if (d?.endsWith('前')) return d;
  }
  return null;
}
