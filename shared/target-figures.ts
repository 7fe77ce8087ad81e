// Quantitative targets read as a goal (at least / at most a number), and an actual figure judged against it.

export type GoalDirection = 'min' | 'max';

export interface Goal {
  direction: GoalDirection;
  value: number;
  percent: boolean;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** 二十四 → 24, 十 → 10, 一百零五 → 105, 半 → 0.5; null when the text is not a Chinese numeral. */
export function chineseNumber(s: string): number | null {
  if (s === '半') return 0.5;
  if (!/^[零〇一二两三四五六七八九十百千万]+$/.test(s)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else {
      total += (digit || 1) * UNITS[ch]!;
      digit = 0;
    }
  }
  return total + digit;
}

/** The first number in a phrase, Arabic (also full-width) or Chinese. */
export function firstNumber(text: string): number | null {
  const s = text.normalize('NFKC');
  const arabic = /\d+(?:\.\d+)?/.exec(s);
  const han = /[零〇一二两三四五六七八九十百千万]+|半/.exec(s);
  if (arabic && (!han || arabic.index <= han.index)) return Number(arabic[0]);
  return han ? chineseNumber(han[0]) : null;
}

const AT_MOST = /不超过|不高于|不多于|不得超过|不得高于|最多|以内|以下|控制在|降低到|降低至|下降到|下降至|压缩到|压缩至/;
const LESS = /(?<!不|不得)(?:少于|低于)/;

/** What a target asks for: "不少于30日" → at least 30; "不超过5%" → at most 5 (percent); null when it names no number. */
export function goalOf(target: string): Goal | null {
  // "每两年培育一批": the period's number is not the goal's.
  const value = firstNumber(target.replace(/每[两三]?(?:半年|季度|年|月|周|次)|年均/gu, ''));
  if (value === null) return null;
  const direction: GoalDirection = AT_MOST.test(target) || LESS.test(target) ? 'max' : 'min';
  return { direction, value, percent: /[%％]/.test(target) };
}

/** Whether the actual figure meets the target; null when either cannot be read as a number. */
export function meetsTarget(target: string, actual: string): boolean | null {
  const goal = goalOf(target);
  const value = actual.trim() ? firstNumber(actual) : null;
  if (!goal || value === null) return null;
  return goal.direction === 'min' ? value >= goal.value : value <= goal.value;
}
