// Splitting compilations (第一篇…第五篇) into documents, and finding each document's title.

import type { Line } from './clean';
import { parseLabel } from './labels';
import type { Para } from './paragraphs';
import type { TableRow } from './tables';
import { countHan, displayWidth, tc, tcAny, tidy } from './text';

export interface RawDocument {
  /** The 第N篇 heading's text, a fallback title. */
  heading: string | null;
  lines: Line[];
}

const PART_RE = /^第\s*([一二三四五六七八九十百零〇\d]{1,4})\s*篇(?:\s*[:：、.．]\s*|\s+|$)(.*)$/;
const CHAPTER_RE = /^第\s*[一二三四五六七八九十百零〇\d]{1,4}\s*章/;

/** A compilation has two or more 第N篇 lines; a 规划 with 篇 and 章 is one document. */
export function splitDocuments(lines: Line[]): RawDocument[] {
  const starts: number[] = [];
  let chapters = 0;
  lines.forEach((l, i) => {
    if (PART_RE.test(l.text) && displayWidth(l.text) <= 60) starts.push(i);
    if (CHAPTER_RE.test(l.text)) chapters++;
  });
  if (starts.length < 2 || chapters > 0) return [{ heading: null, lines }];
  const docs: RawDocument[] = [];
  const before = lines.slice(0, starts[0]);
  if (before.some((l) => parseLabel(l.text))) docs.push({ heading: null, lines: before });
  starts.forEach((s, k) => {
    const heading = PART_RE.exec(lines[s]!.text)?.[2]?.trim() || null;
    docs.push({ heading, lines: lines.slice(s + 1, starts[k + 1] ?? lines.length) });
  });
  return docs;
}

const COVER_RE = new RegExp(`^${tc('关于')}?.{0,10}${tc('印发')}|${tcAny(['的通知', '的函'])}$|^${tc('通知')}$`);
const DATE_LINE_RE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/;
const TITLE_WORD_RE = new RegExp(
  tcAny([
    '方案', '纲要', '计划', '要点', '意见', '规划', '安排', '办法', '清单', '分工', '报告', '总结', '发言', '讲话',
    '细则', '规定', '台账', '任务', '决定', '措施', '举措', '标准',
  ]),
);
/** A line that only finishes a title ("实施方案…", "（2021—2025年）工作要点"). */
const TITLE_TAIL_RE = new RegExp(`^(?:[(（]|${tcAny(['实施方案', '实施纲要', '工作要点', '工作计划', '工作方案', '方案', '纲要', '计划', '要点', '规划', '安排', '意见', '清单'])})`);
const TITLE_WORD_END_RE = new RegExp(`(?:${TITLE_WORD_RE.source})$|[)）]$`);
/** "(2017—2020年)" on the line after a title belongs to it. */
const YEARS_RE = /^[(（]\s*\d{4}\s*[-—–~～至]+\s*\d{4}\s*年?\s*[)）]$/;

function isTitleLike(text: string): boolean {
  const t = text.replace(/。$/, '');
  return (
    displayWidth(t) <= 60 &&
    countHan(t) >= 4 &&
    !/[，,；;。！？!?：:]/.test(t) &&
    !DATE_LINE_RE.test(t) &&
    parseLabel(t) === null
  );
}

export interface TitleSplit {
  title: string | null;
  /** Index in `paras` where the document's own text starts (after title and cover letter). */
  bodyStart: number;
}

/** The outline's title: the last title-like line before its first heading, past any cover letter. */
export function findTitle(paras: readonly (Para | TableRow)[], fallback: string | null): TitleSplit {
  let firstLabel = paras.findIndex((p) => p.kind === 'row' || parseLabel(p.text) !== null);
  if (firstLabel < 0) firstLabel = Math.min(paras.length, 12);
  let best = -1;
  let plain = -1;
  let cover = -1;
  for (let i = 0; i < firstLabel; i++) {
    const p = paras[i]!;
    if (p.kind !== 'para' || !isTitleLike(p.text)) continue;
    // The 关于印发《…》的通知 of a cover letter names the outline but is not its title line.
    if (COVER_RE.test(p.text)) {
      if (cover < 0) cover = i;
    } else if (TITLE_WORD_RE.test(p.text)) best = i;
    else if (plain < 0 && i === 0) plain = i;
  }
  const at = best >= 0 ? best : plain >= 0 ? plain : fallback ? -1 : cover;
  if (at < 0) return { title: fallback ? tidy(fallback) : null, bodyStart: 0 };
  let title = tidy((paras[at] as Para).text).replace(/。$/, '');
  // A long title set on two centred lines: "某区法治政府建设" / "实施方案（2021—2025年）".
  const before = paras[at - 1];
  if (
    (TITLE_TAIL_RE.test(title) || countHan(title) <= 8) && before?.kind === 'para' && isTitleLike(before.text) &&
    !COVER_RE.test(before.text) && !TITLE_WORD_END_RE.test(before.text)
  ) {
    title = tidy(before.text) + title;
  }
  let bodyStart = at + 1;
  const next = paras[bodyStart];
  if (next?.kind === 'para' && YEARS_RE.test(next.text.trim())) {
    title += tidy(next.text);
    bodyStart++;
  }
  return { title, bodyStart };
}
