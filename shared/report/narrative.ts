// A measure's year in a few sentences: the latest state, earlier facts once, cumulative notes superseded; reasons and carry-overs apart.
import { fullWidthPunctuation } from '../zh-punctuation';

/** A note of one quarter, oldest first. */
export interface QuarterNote {
  periodId: string;
  narrative: string;
}

export interface YearNarrative {
  /** What was done, ready to follow "一是…": the latest note whole, then earlier facts not said again. */
  text: string;
  /** Why it is not done, as the department wrote it. */
  reasons: string[];
  /** What the notes say is carried into next year, latest first. */
  carryOver: string[];
  /** The carry-overs of the latest note alone: what still stands for a measure already done. */
  latestCarryOver: string[];
}

/** Sentences that sum up the year so far ("前三季度累计…", "截至9月底…"): a later note says the same with later figures. */
const CUMULATIVE = /累计|截至|截止|前[一二三两]季度|上半年|今年以来|年初以来|1[-—至~]\d+月/;
/** Sentences that give a reason for a shortfall. */
const REASON = /原因|由于|因为|因[^此而]|受.{1,12}影响|尚未|未能|暂未|滞后|不足|困难/;
/** Sentences that carry work into next year. */
const CARRY = /下一步|下一年|明年|来年|下年度|次年|结转|转入|延续至|拟于|计划于|将于|20\d\d年(?:将|继续|完成|底前)/;
/** Sentences that only restate the status. */
const STATUS_ONLY = /^(?:正在|按计划|持续|稳步)?推进中?$|^(?:已完成|未开始|不适用|进行中)$/;

/** Splits a note into sentences, each ending with its own mark. */
export function sentences(text: string): string[] {
  const clean = fullWidthPunctuation(text.replace(/\s+/g, ' ').trim());
  const out: string[] = [];
  for (const m of clean.matchAll(/[^。；！？]+[。；！？]?/g)) {
    const s = m[0].trim();
    if (s.replace(/[。；！？，\s]/g, '')) out.push(s.replace(/；$/, '。').replace(/([^。！？])$/, '$1。'));
  }
  return out;
}

/** The sentence stripped of marks and spaces, to compare two wordings of the same fact. */
function key(s: string): string {
  return s.replace(/[\s，。；！？、：“”‘’（）()]/g, '');
}

export function isReason(s: string): boolean {
  return REASON.test(s);
}

export function isCarryOver(s: string): boolean {
  return CARRY.test(s);
}

/**
 * The year of one measure from its notes, oldest first. The latest note is its state and is kept whole; an
 * earlier sentence is kept only when it is a fact of its own quarter: not a running total (the later total
 * supersedes it), not said again later, not a bare status. Reasons and carry-overs leave the narrative.
 */
export function yearNarrative(notes: QuarterNote[]): YearNarrative {
  const withText = notes.filter((n) => n.narrative.trim());
  const reasons: string[] = [];
  const carryOver: string[] = [];
  const latestCarryOver: string[] = [];
  const seen = new Set<string>();
  const addOnce = (list: string[], s: string) => {
    const k = key(s);
    if (!list.some((x) => key(x) === k)) list.push(s);
  };
  const kept: string[][] = [];
  // Latest first, so that later wording wins and earlier repeats are dropped.
  withText
    .slice()
    .reverse()
    .forEach((n, i) => {
      const latest = i === 0;
      const keep: string[] = [];
      for (const s of sentences(n.narrative)) {
        const k = key(s);
        if (!k || STATUS_ONLY.test(k)) continue;
        if (isCarryOver(s)) {
          addOnce(carryOver, s);
          if (latest) addOnce(latestCarryOver, s);
          continue;
        }
        if (isReason(s)) {
          addOnce(reasons, s);
          continue;
        }
        if (seen.has(k) || [...seen].some((x) => x.includes(k))) continue;
        if (!latest && CUMULATIVE.test(s)) continue;
        seen.add(k);
        keep.push(s);
      }
      kept.unshift(keep);
    });
  return { text: kept.flat().join(''), reasons, carryOver, latestCarryOver };
}

const FIGURE = /([\u4e00-\u9fa5]{2,10}?)(?:共|达|为|了)?(\d+(?:\.\d+)?)\s*(%|件|项|人次|次|卷|个|场|期|家|名|人|万元|份|学时|条|天|日)/g;

/** Numbers the notes and targets state ("办结复议案件86件", "纠错率13.7%"), for the supervisor to pick as headline figures. */
export function headlineFigures(texts: string[], max = 30): string[] {
  const out: string[] = [];
  for (const t of texts) {
    for (const m of fullWidthPunctuation(t).matchAll(FIGURE)) {
      const f = `${m[1]}${m[2]}${m[3]}`;
      if (!out.includes(f)) out.push(f);
      if (out.length >= max) return out;
    }
  }
  return out;
}
