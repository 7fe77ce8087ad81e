// Lines that frame an outline but are not its text: notice headers, addressees, signatures,
// 附件 lists, attached forms, and running headers repeated on every page.

import type { Line } from './clean';
import { UNIT_END } from './keys';
import { parseLabel } from './labels';
import { countHan, displayWidth, tc, tcAny } from './text';

const DOC_NUMBER_RE = /^[\p{Script=Han}]{1,12}[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*[号號]$/u;
const RED_HEADER_RE = new RegExp(`^[^，,。；;：:]{2,30}(?:${tc('文件')})$`);
const PUBLISH_NOTE_RE = new RegExp(`^[(（]\\s*${tc('此件')}[^)）]{0,8}[)）]$`);
const DATE_RE = /^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d〇○一二三四五六七八九十]{1,3}\s*月\s*[\d〇○一二三四五六七八九十]{1,3}\s*日$/;
const ORG_RE = new RegExp(`^[^，,。；;：:、]{2,30}${UNIT_END}$`);
/** "各镇人民政府、街道办事处，区政府各部门，有关单位：" */
const ADDRESSEE_RE = new RegExp(`^(?:${tc('各')})[^。；;！？]{1,80}[：:]$`);
const ATTACHMENT_LIST_RE = new RegExp(`^${tc('附件')}\\s*[:：]`);
const ATTACHMENT_ALONE_RE = new RegExp(`^${tc('附件')}\\s*\\d{0,2}\\s*[:：]?$`);
const LIST_ITEM_RE = /^\d{1,2}\s*[.、．]\s*[^。；;！？]{2,50}$/;
const FORM_TITLE_RE = new RegExp(`(?:${tcAny(['报送表', '统计表', '登记表', '汇总表', '情况表', '明细表', '一览表', '备案表', '申报表', '信息表'])})$`);
const FORM_META_RE = new RegExp(`^(?:${tcAny(['填报单位', '填报人', '填表人', '填报时间', '填报日期', '联系人', '联系电话', '审核人', '单位负责人'])})\\s*[:：]`);

function isShortPlain(text: string): boolean {
  return displayWidth(text) <= 40 && !/[。；;！？]/.test(text) && parseLabel(text) === null;
}

/**
 * Bare numbers alone on a line that mark page ends. Under a 序号 header alone on its line they are
 * the row numbers of a table written one cell per line, and a cell repeated next to them ("全年")
 * is no running header. Pages can be short, so how far apart the numbers stand tells nothing.
 */
function pageNumberLines(lines: readonly Line[]): Set<number> {
  if (lines.some((l) => /^(?:序[号號]|编[号號])$/.test(l.text))) return new Set();
  const at = new Set<number>();
  lines.forEach((l, i) => {
    if (/^\d{1,3}$/.test(l.text)) at.add(i);
  });
  return at;
}

/** Lines repeated on several pages, each time next to a page boundary: running headers or footers. */
function runningLines(lines: readonly Line[]): Set<string> {
  const seen = new Map<string, { n: number; atBreak: number }>();
  const pageNo = pageNumberLines(lines);
  lines.forEach((l, i) => {
    if (!isShortPlain(l.text)) return;
    const near = l.breakBefore || lines[i + 1]?.breakBefore || pageNo.has(i - 1) || pageNo.has(i + 1);
    const s = seen.get(l.text) ?? { n: 0, atBreak: 0 };
    s.n++;
    if (near) s.atBreak++;
    seen.set(l.text, s);
  });
  const out = new Set<string>();
  for (const [text, s] of seen) if (s.n >= 2 && s.atBreak >= s.n - 1 && s.atBreak >= 2) out.add(text);
  return out;
}

/** Whether the lines of an attachment make a form to fill in (headers and empty rows), not a task list. */
function isEmptyForm(lines: readonly Line[], from: number, to: number): boolean {
  let filled = 0;
  for (let k = from; k < to; k++) {
    const t = lines[k]!.text;
    if (FORM_META_RE.test(t) || /序[号號]/.test(t)) continue;
    if (countHan(t) >= 6 && ++filled > 1) return false;
  }
  return true;
}

/** Drops what frames the outline; the text itself is kept line for line. */
export function dropFurniture(lines: readonly Line[]): Line[] {
  const running = runningLines(lines);
  const out: Line[] = [];
  const firstSeen = new Set<string>();
  // Addressees and red headers stand above the text, never among its items.
  let head = true;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.text;
    if (head && parseLabel(t)) head = false;
    if (running.has(t)) {
      // The title itself may be the running header: its first occurrence is kept.
      if (!firstSeen.has(t) && i < 5) out.push(l);
      firstSeen.add(t);
      continue;
    }
    if (DOC_NUMBER_RE.test(t) || PUBLISH_NOTE_RE.test(t) || FORM_META_RE.test(t)) continue;
    if (head && (RED_HEADER_RE.test(t) || (ADDRESSEE_RE.test(t) && /[、，,]|各.{1,12}[：:]$/.test(t)))) continue;
    if (DATE_RE.test(t)) {
      // A signature: the issuer's name on the line(s) just above the date.
      while (out.length && ORG_RE.test(out[out.length - 1]!.text) && isShortPlain(out[out.length - 1]!.text)) out.pop();
      continue;
    }
    if (ATTACHMENT_LIST_RE.test(t) && isShortPlain(t.replace(/[:：]/, ''))) {
      while (i + 1 < lines.length && LIST_ITEM_RE.test(lines[i + 1]!.text) && !/[，,]/.test(lines[i + 1]!.text)) i++;
      continue;
    }
    // "附件2" over a form to fill in ("…报送表", empty rows): the form is no part of the outline.
    if (ATTACHMENT_ALONE_RE.test(t) || (FORM_TITLE_RE.test(t) && isShortPlain(t))) {
      const at = ATTACHMENT_ALONE_RE.test(t) ? i + 1 : i;
      let end = at + 1;
      while (end < lines.length && !ATTACHMENT_ALONE_RE.test(lines[end]!.text)) end++;
      if (FORM_TITLE_RE.test(lines[at]?.text ?? '') && isEmptyForm(lines, at + 1, end)) {
        i = end - 1;
        continue;
      }
      if (ATTACHMENT_ALONE_RE.test(t)) continue;
    }
    out.push(l);
  }
  return out;
}
