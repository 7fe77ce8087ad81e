// Heading labels (一、 (一) 1. (1) ①), how they are written in paths, and heading/text splits.

import { INLINE_GOAL_RE, PREAMBLE_WORD_RE } from './keys';
import { displayWidth, sentenceEnd } from './text';

export type LabelStyle =
  | 'part' | 'chapter-section' | 'article' | 'cn' | 'cn-paren' | 'arabic' | 'decimal2' | 'decimal3' | 'decimal4'
  | 'arabic-paren' | 'arabic-half' | 'circled';

export interface Label {
  style: LabelStyle;
  /** As it goes into `path`: "二", "(一)", "1", "(1)", "①". */
  label: string;
  /** Its number, for telling whether numbering continues or restarts. */
  number: number;
  /** The label as written in the source ("（一）", "1．"). */
  raw: string;
  /** The rest of the line after the label. */
  rest: string;
}

const CN = '[一二三四五六七八九十百零〇]{1,4}';
const CIRCLED = '[\\u2460-\\u2473\\u3251-\\u325F\\u32B1-\\u32BF\\u2776-\\u277F\\u2780-\\u2789]';

/** What a label can start with: most lines fail this one test and skip the patterns. */
const LABEL_START = new RegExp(`^(?:[第一二三四五六七八九十百零〇(（\\d\\u2474-\\u249B\\u3220-\\u3229]|${CIRCLED})`);

const PATTERNS: { style: LabelStyle; re: RegExp }[] = [
  // 规划-style parts above 一、: "第二部分 主要任务", "第三章 保障措施".
  { style: 'part', re: new RegExp(`^(第\\s*${CN}\\s*(?:部分|章))\\s*[:：、.．]?\\s*`) },
  { style: 'chapter-section', re: new RegExp(`^(第\\s*${CN}\\s*[节節])\\s*[:：、.．]?\\s*`) },
  // 办法/规定-style articles: "第三条 梳理执法依据。…".
  { style: 'article', re: new RegExp(`^(第\\s*${CN}\\s*[条條])\\s*[:：、.．]?\\s*`) },
  { style: 'cn', re: new RegExp(`^(${CN})\\s*[、.．]\\s*`) },
  { style: 'cn-paren', re: new RegExp(`^[(（]\\s*(${CN})\\s*[)）]\\s*[、.．]?\\s*`) },
  // Word and PDF converters write ㈠ (one glyph) for （一） and ⒈ for 1.
  { style: 'cn-paren', re: /^([\u3220-\u3229])\s*[、.．]?\s*/ },
  // Decimal outlines (1.1, 2.1.3): the number of parts is the level; the style is fixed after matching.
  { style: 'decimal2', re: /^(\d{1,2}(?:[.．]\d{1,2}){1,3})(?![\d%％])[.．、]?\s*/ },
  { style: 'arabic', re: /^(\d{1,3})\s?[.．、](?![\d%％])\s*/ },
  // "1 完善制度体系": a bare number and a space, only as a short heading above 1.1 items.
  { style: 'arabic', re: /^(\d{1,2})[ \u3000]{1,2}(?=[\u4e00-\u9fff])/ },
  { style: 'arabic', re: /^([\u2488-\u249B])\s*/ },
  { style: 'arabic-paren', re: /^[(（]\s*(\d{1,3})\s*[)）]\s*[、.．]?\s*/ },
  { style: 'arabic-paren', re: /^([\u2474-\u2487])\s*/ },
  { style: 'arabic-half', re: /^(\d{1,3})[)）](?![\d%％])\s*/ },
  { style: 'circled', re: new RegExp(`^(${CIRCLED})\\s*[、.．]?\\s*`) },
];

const QUANTITY_AFTER = /^\s*(?:[万亿千百倍个项家条次人年月日天名件所批类级周元岁%％]|小时|公里|平方)/;

/** A bare-number label ("1 完善制度体系") is a short heading, never a sentence that starts with a count. */
function bareHeading(rest: string): boolean {
  return !QUANTITY_AFTER.test(rest) && displayWidth(rest) <= 40 && !/[。；;，,：:！？]/.test(rest);
}

/** The heading label a line starts with, or null. */
export function parseLabel(line: string): Label | null {
  if (!LABEL_START.test(line)) return null;
  for (const { style, re } of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const token = m[1] ?? '';
    const rest = line.slice(m[0].length);
    // "1.5万" and "一、二类" are numbers in text, not labels.
    if (style === 'cn' && /^[一二三四五六七八九十]+[类级等档]/.test(rest)) continue;
    if (style === 'decimal2') {
      // "1.5万人次" and "2.5倍" are quantities that a wrapped line may start with.
      if (QUANTITY_AFTER.test(rest) || !/\s|[.．、]$/.test(m[0]) && !/^[\u4e00-\u9fff“《(（]/.test(rest)) continue;
      const parts = token.split(/[.．]/).map(Number);
      const depth = Math.min(parts.length, 4) as 2 | 3 | 4;
      return { style: `decimal${depth}`, label: parts.join('.'), number: parts[parts.length - 1] ?? 0, raw: m[0].trim(), rest };
    }
    if (style === 'arabic' && /^\d+[ \u3000]+$/.test(m[0]) && !bareHeading(rest)) continue;
    return { style, ...pathLabel(style, token), raw: m[0].trim(), rest };
  }
  return null;
}

function pathLabel(style: LabelStyle, token: string): { label: string; number: number } {
  switch (style) {
    case 'part':
    case 'chapter-section':
    case 'article':
      return { label: token.replace(/\s+/g, ''), number: cnNumber(token.replace(/[^一二三四五六七八九十百零〇]/g, '')) };
    case 'cn':
      return { label: token, number: cnNumber(token) };
    case 'cn-paren': {
      const cp = token.codePointAt(0) ?? 0;
      const n = cp >= 0x3220 && cp <= 0x3229 ? cp - 0x321f : cnNumber(token);
      return { label: `(${CN_WRITTEN[n] ?? token})`, number: n };
    }
    case 'decimal2':
    case 'decimal3':
    case 'decimal4':
      return { label: token.replace(/．/g, '.'), number: Number(token.split(/[.．]/).pop()) };
    case 'arabic': {
      const cp = token.codePointAt(0) ?? 0;
      const n = cp >= 0x2488 && cp <= 0x249b ? cp - 0x2487 : Number(token);
      return { label: String(n), number: n };
    }
    case 'arabic-paren': {
      const cp = token.codePointAt(0) ?? 0;
      const n = cp >= 0x2474 && cp <= 0x2487 ? cp - 0x2473 : Number(token);
      return { label: `(${n})`, number: n };
    }
    case 'arabic-half':
      return { label: `${Number(token)})`, number: Number(token) };
    case 'circled':
      return { label: token, number: circledNumber(token) };
  }
}

/** The first label of a list in `style`, for an item whose "1." the author left out. */
export function firstLabel(style: LabelStyle): { label: string; raw: string } | null {
  switch (style) {
    case 'cn':
      return { label: '一', raw: '一、' };
    case 'cn-paren':
      return { label: '(一)', raw: '（一）' };
    case 'arabic':
      return { label: '1', raw: '1.' };
    case 'arabic-paren':
      return { label: '(1)', raw: '（1）' };
    case 'arabic-half':
      return { label: '1)', raw: '1）' };
    case 'circled':
      return { label: '①', raw: '①' };
    case 'article':
      return { label: '第一条', raw: '第一条' };
    default:
      return null;
  }
}

const CN_WRITTEN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105. */
export function cnNumber(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = CN_DIGITS[ch] ?? 0;
  }
  return total + digit;
}

function circledNumber(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x2460 && cp <= 0x2473) return cp - 0x245f;
  if (cp >= 0x3251 && cp <= 0x325f) return cp - 0x3251 + 21;
  if (cp >= 0x32b1 && cp <= 0x32bf) return cp - 0x32b1 + 36;
  if (cp >= 0x2776 && cp <= 0x277f) return cp - 0x2775;
  if (cp >= 0x2780 && cp <= 0x2789) return cp - 0x277f;
  return 0;
}

export interface HeadingSplit {
  heading: string;
  /** What follows the heading on its line (the section's own text). */
  body: string;
  /** A 目标: block written on the heading's line. */
  goal: string;
}

const HEADING_END = /[。！？!?；;]/;

/** Splits a heading line's text: "(一)指导思想高举…" → 指导思想 | 高举…; "强化领导责任。法治…" → 强化领导责任 | 法治…. */
export function splitHeading(rest: string): HeadingSplit {
  let text = rest.trim();
  let goal = '';
  const g = INLINE_GOAL_RE.exec(text);
  if (g && g.index > 0) {
    goal = text.slice(g.index).trim();
    text = text.slice(0, g.index).trim();
  }
  const end = sentenceEnd(text, HEADING_END);
  // Converters keep the blank that separated heading and text ("强化组织领导 “能够…”").
  const space = /\s+(?=\S)/.exec(text);
  if (
    space && space.index >= 2 && space.index <= 40 && (end < 0 || space.index < end) && text.length - space.index > 20 &&
    !/[A-Za-z0-9]/.test(text[space.index + space[0].length] ?? '')
  ) {
    return { heading: text.slice(0, space.index), body: text.slice(space.index).trim(), goal };
  }
  if (end >= 0 && end <= 40) {
    return { heading: text.slice(0, end), body: text.slice(end + 1).trim(), goal };
  }
  // A preamble keyword run into its paragraph ("指导思想高举…", "总体目标按照…").
  const kw = PREAMBLE_WORD_RE.exec(text);
  if (kw && text.length > 30 && !/^[、，,和与及]/.test(text.slice(kw[0].length))) {
    return { heading: kw[0], body: text.slice(kw[0].length).trim(), goal };
  }
  if (end >= 0 && text.length > 60) return { heading: text.slice(0, end), body: text.slice(end + 1).trim(), goal };
  return { heading: text, body: '', goal };
}
