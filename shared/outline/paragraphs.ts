// Rejoins lines that PDF extraction or hard wrapping broke in the middle of a sentence.

import { stripPageNumbers, type Line } from './clean';
import { ANY_KEY_SRC, GOAL_LINE_RE, KEY_LINE_RE, LEAD_WORD_RE, MEASURE_BLOCK_RE, UNIT_END } from './keys';
import { parseLabel } from './labels';
import { isRow, type TableRow } from './tables';
import { displayWidth, endsSentence } from './text';

export interface Para {
  kind: 'para';
  text: string;
}

/** Layout facts measured over the whole file. */
export interface Wrap {
  /** Width of a full line when the text is hard-wrapped (PDF), else null. */
  width: number | null;
}

/** Hard-wrapped text has most lines of nearly the same width: that width is the page's. */
export function measureWrap(lines: readonly Line[]): Wrap {
  const widths = lines.map((l) => displayWidth(l.text)).filter((w) => w >= 8);
  if (widths.length < 8) return { width: null };
  const bins = new Map<number, number>();
  for (const w of widths) bins.set(Math.round(w), (bins.get(Math.round(w)) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [w, n] of bins) {
    const around = n + (bins.get(w - 1) ?? 0) + (bins.get(w + 1) ?? 0);
    if (around > bestCount || (around === bestCount && w > best)) {
      best = w;
      bestCount = around;
    }
  }
  // A page's width is the longest a line gets: only a few lines (Latin-heavy ones) may pass it.
  const wider = widths.filter((w) => w > best + 2).length;
  if (best < 15 || best > 80 || bestCount < 8 || bestCount < widths.length * 0.35 || wider > widths.length * 0.1) {
    return { width: null };
  }
  return { width: best };
}

const KEY_AT_END = new RegExp(`(?:${ANY_KEY_SRC})\\s*$`);
const ANY_KEY = new RegExp(ANY_KEY_SRC);
/** "(牵头部门:…" opening a line: the measure's units, moved down by wrapping or by hand. */
const UNITS_PAREN = new RegExp(`^[(（]\\s*(?:${ANY_KEY_SRC}|[^()（）]{2,40}(?:${LEAD_WORD_RE.source}))`);

/** A line that closes a paragraph: final punctuation, or the measure's closing "(牵头单位:…)". */
function endsParagraph(text: string): boolean {
  if (KEY_AT_END.test(text)) return false;
  if (endsSentence(text)) return true;
  if (!/[)）]\s*$/.test(text)) return false;
  const open = Math.max(text.lastIndexOf('('), text.lastIndexOf('（'));
  const tail = text.slice(Math.max(0, open - 10));
  return ANY_KEY.test(tail) || LEAD_WORD_RE.test(tail);
}

// "牵头单位：区司" | "法局": a unit name cut by the line end, a page number or a page break.
const CUT_UNIT = new RegExp(`(?:${ANY_KEY_SRC}|[、，,])\\s*[^、，,；;：:。()（）]{1,14}$`);
const WHOLE_UNIT_AT_END = new RegExp(`${UNIT_END}$`);

function cutsUnitName(prev: string, cur: string): boolean {
  if (!CUT_UNIT.test(prev) || WHOLE_UNIT_AT_END.test(prev) || !ANY_KEY.test(prev)) return false;
  return displayWidth(cur) <= 30 && !/[。；;：:]/.test(cur) && !parseLabel(cur) && !KEY_LINE_RE.test(cur);
}

function isHeadingOnly(text: string): boolean {
  const l = parseLabel(text);
  return l !== null && displayWidth(l.rest) <= 25 && !/[，,。；;：:]/.test(l.rest);
}

/** Whether `cur` starts a new paragraph rather than continuing the line before it. */
function startsParagraph(prev: Line, cur: Line, wrap: Wrap): boolean {
  const t = cur.text;
  if (/^[，,、)）”》」』]/.test(t)) return false;
  // A page number cut by the line end ("完善— 4" | "—主要由"): rejoined, then stripped.
  if (/[—–－]\s*\d{1,4}$/.test(prev.text) && /^[—–－]/.test(t)) return false;
  if (UNITS_PAREN.test(t)) return isHeadingOnly(prev.text);
  if (cutsUnitName(prev.text, t)) return false;
  if (parseLabel(t) || GOAL_LINE_RE.test(t) || MEASURE_BLOCK_RE.test(t)) return true;
  const w = displayWidth(prev.text);
  // A short labelled line is a heading, unless it fills a hard-wrapped line (a wrapped heading).
  const fills = wrap.width !== null && w >= wrap.width - 5.5;
  if (endsParagraph(prev.text) || (isHeadingOnly(prev.text) && !fills)) return true;
  // Across a page break the sentence runs on unless the page ended on a short line (a title).
  if (cur.breakBefore) return w < 12;
  if (cur.blankBefore) return true;
  if (wrap.width !== null) {
    if (cur.indent >= 2 && cur.indent > prev.indent) return true;
    // A labelled line opens its paragraph, which official layout indents by two characters.
    return w < wrap.width - (parseLabel(prev.text) ? 5.5 : 3);
  }
  // One paragraph per line: only a long line can have been broken mid-sentence; a key line
  // (责任单位:…) after a short one is a line of its own.
  if (KEY_LINE_RE.test(t)) return true;
  return w < 40;
}

/** Joins `b` to paragraph `a` whose last line was `tail` (testing `a` itself would flatten it each time). */
function glue(a: string, tail: string, b: string): string {
  return /[A-Za-z]$/.test(tail) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

/** Joins broken lines into paragraphs; table rows pass through as they are. */
export function joinLines(items: readonly (Line | TableRow)[], wrap: Wrap): (Para | TableRow)[] {
  const out: (Para | TableRow)[] = [];
  const joined = new Set<Para>();
  let prev: Line | null = null;
  let open: Para | null = null;
  let pageNumber = false;
  for (const raw of items) {
    // A bare number between two lines of text is a page number (table row numbers were read already).
    if (!isRow(raw) && /^\d{1,3}$/.test(raw.text) && open) {
      pageNumber = true;
      continue;
    }
    const item = pageNumber && !isRow(raw) ? { ...raw, breakBefore: true, blankBefore: false } : raw;
    pageNumber = false;
    if (isRow(item)) {
      out.push(item);
      prev = null;
      open = null;
      continue;
    }
    if (open && prev && !startsParagraph(prev, item, wrap)) {
      open.text = glue(open.text, prev.text, item.text);
      joined.add(open);
    } else {
      open = { kind: 'para', text: item.text };
      out.push(open);
    }
    prev = item;
  }
  // A page number can itself be cut by the wrap ("完善— 4" | "—主要由"): strip again once joined.
  for (const p of joined) p.text = stripPageNumbers(p.text).text;
  return out;
}
