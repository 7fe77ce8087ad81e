// Layout noise: line ends, invisible characters, PDF radicals, page numbers, chrome lines.

import { isChromeLine, isEndButtonLine, isMetaKeyAlone } from './chrome';
import { displayWidth } from './text';

/** One physical line after cleaning, with what the layout around it says. */
export interface Line {
  text: string;
  /** Leading blanks in the source: a paragraph indent in hard-wrapped PDF text. */
  indent: number;
  /** Leading tabs: empty cells on the left of a tab-separated table row. */
  tabs: number;
  /** The source line held a tab: a table row, even when all but one of its cells are empty. */
  tabbed: boolean;
  /** A blank line separated it from the previous line. */
  blankBefore: boolean;
  /** How many blank lines stood before it (an empty table cell, when each cell has its own line). */
  blanks: number;
  /** A page number (or page break) stood between it and the previous line. */
  breakBefore: boolean;
}

// CJK Radicals Supplement has no NFKC mapping, yet pdf.js returns these for the simplified
// characters below; each target is the standalone character named by the radical itself.
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '\u2EA0': '民', '\u2EC4': '西', '\u2EC5': '见', '\u2EC6': '角', '\u2EC9': '贝', '\u2ECA': '足',
  '\u2ECB': '车', '\u2ED3': '长', '\u2ED4': '门', '\u2ED7': '雨', '\u2ED8': '青', '\u2ED9': '韦',
  '\u2EDA': '页', '\u2EDB': '风', '\u2EDC': '飞', '\u2EDD': '食', '\u2EE2': '马', '\u2EE3': '骨',
  '\u2EE4': '鬼', '\u2EE5': '鱼', '\u2EE6': '鸟', '\u2EE7': '卤', '\u2EE8': '麦', '\u2EE9': '黄',
  '\u2EEC': '齐', '\u2EEE': '齿', '\u2EF0': '龙',
};

// NFKC maps these Kangxi radicals to traditional forms (⼾→戶, ⾨→門); in a simplified
// document the glyph stood for the simplified character.
const KANGXI_SIMPLIFIED: Record<string, string> = {
  '\u2F3E': '户', '\u2F92': '见', '\u2F93': '角', '\u2F99': '贝', '\u2F9E': '车', '\u2FA8': '门',
  '\u2FA7': '长', '\u2FB1': '韦', '\u2FB4': '页', '\u2FB5': '风', '\u2FB6': '飞', '\u2FBA': '马',
  '\u2FC2': '鱼', '\u2FC3': '鸟', '\u2FC4': '卤', '\u2FC6': '麦', '\u2FC8': '黄', '\u2FD1': '齐',
  '\u2FD2': '齿', '\u2FD3': '龙', '\u2FD4': '龟',
};
const SIMPLIFIED_ONLY = /[们这为国发会门时说经县区责务进实现关开]/g;
const TRADITIONAL_ONLY = /[們這為國發會門時說經縣區責務進實現關開]/g;

const RADICALS_RE = /[\u2E80-\u2FDF\uF900-\uFAFF]|[\u{2F800}-\u{2FA1F}]/gu;

function isSimplified(text: string): boolean {
  return (text.match(SIMPLIFIED_ONLY)?.length ?? 0) >= (text.match(TRADITIONAL_ONLY)?.length ?? 0);
}

/** Characters a converter adds that no reader wants; punctuation stays as written. */
export function normalizeChars(raw: string): string {
  const simplified = raw.search(RADICALS_RE) >= 0 && isSimplified(raw);
  return raw
    .replace(/\r\n?|[\u2028\u2029\u0085\v]/g, '\n')
    .replace(/[\uFEFF\u200B-\u200D\u2060\u00AD]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '')
    // Radicals and compatibility ideographs only: NFKC over the whole text would also turn
    // full-width punctuation into ASCII, and offices want （）：， kept as they wrote them.
    .replace(RADICALS_RE, (ch) => RADICAL_SUPPLEMENT[ch] ?? (simplified ? KANGXI_SIMPLIFIED[ch] : undefined) ?? ch.normalize('NFKC'))
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

const DASHES = '[—–－―─‒﹣]';
// "— 12 —", "—2—", "－3－": a number between dashes, not glued to other digits or letters
// (so "2017—2020" and phone numbers survive).
const PAGE_DASHED = new RegExp(
  `(?<![A-Za-z0-9])[ \\t]*${DASHES}{1,2}[ \\t]*\\d{1,4}[ \\t]*${DASHES}{1,2}(?![0-9])[ \\t]*`,
  'g',
);
const PAGE_HYPHEN = /(?<![A-Za-z0-9-])[ \t]*-[ \t]+\d{1,4}[ \t]+-(?![A-Za-z0-9-])[ \t]*/g;
const PAGE_WORDS = /[ \t]*(?:第[ \t]*\d{1,4}[ \t]*[页頁](?:[ \t]*[,，/／]?[ \t]*共[ \t]*\d{1,4}[ \t]*[页頁])?|共[ \t]*\d{1,4}[ \t]*[页頁][ \t]*[,，/／]?[ \t]*第[ \t]*\d{1,4}[ \t]*[页頁])[ \t]*/g;
// Whole-line forms only: a bare "12" is not among them, as it is a row number in tables.
const PAGE_ONLY = /^(?:-\s*\d{1,4}\s*-|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

interface Stripped {
  text: string;
  atStart: boolean;
  atEnd: boolean;
}

/** Removes page numbers anywhere in a line ("全面清理— 2 — 行政审批" → "全面清理行政审批"). */
export function stripPageNumbers(line: string): Stripped {
  let atStart = false;
  let atEnd = false;
  const note = (match: string, offset: number, whole: string): string => {
    if (offset === 0) atStart = true;
    if (offset + match.length >= whole.length) atEnd = true;
    return '';
  };
  const t = line.trim();
  let out = t.replace(PAGE_DASHED, note);
  out = out.replace(PAGE_HYPHEN, note).replace(PAGE_WORDS, note);
  return { text: out.trim(), atStart, atEnd };
}

/** Splits normalised text into cleaned lines: chrome and page numbers gone, breaks noted. */
export function toLines(text: string): Line[] {
  const raw = text.split('\n');
  const out: Line[] = [];
  let blank = false;
  let blanks = 0;
  let pageBreak = false;
  let skipValue = false;
  for (let i = 0; i < raw.length; i++) {
    const source = (raw[i] ?? '').replace(/\f/g, () => {
      pageBreak = true;
      return '';
    });
    const indent = /^[ \t]*/.exec(source)?.[0].length ?? 0;
    const trimmed = source.trim();
    if (!trimmed) {
      blank = true;
      blanks++;
      continue;
    }
    if (PAGE_ONLY.test(trimmed)) {
      pageBreak = true;
      continue;
    }
    const s = stripPageNumbers(trimmed);
    if (!s.text) {
      pageBreak = true;
      continue;
    }
    if (skipValue) {
      skipValue = false;
      if (displayWidth(s.text) <= 40) continue;
    }
    if (isMetaKeyAlone(s.text)) {
      skipValue = true;
      continue;
    }
    if (isEndButtonLine(s.text) && restIsFooter(raw, i + 1)) break;
    if (isChromeLine(s.text)) continue;
    const tabs = /^\t*/.exec(source)?.[0].length ?? 0;
    out.push({ text: s.text, indent, tabs, tabbed: source.includes('\t'), blankBefore: blank && !(pageBreak || s.atStart), blanks, breakBefore: pageBreak || s.atStart });
    blank = false;
    blanks = 0;
    pageBreak = s.atEnd;
  }
  return out;
}

// Everything after a portal's 【打印本页】【关闭窗口】 line is its footer when what follows is a
// few short lines (site name, 主办/承办, ICP); a real document after it is kept.
function restIsFooter(raw: string[], from: number): boolean {
  let n = 0;
  for (let j = from; j < raw.length; j++) {
    const t = (raw[j] ?? '').trim();
    if (!t) continue;
    if (++n > 8 || displayWidth(t) > 50 || /[。；;]/.test(t)) return false;
  }
  return true;
}
