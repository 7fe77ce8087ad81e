// Quantitative targets: "不少于24学时", "每年至少举办一期", "办复率达100%", "2次以上", "5%".

import { tc, tcAny } from './text';

const NUM = '(?:\\d+(?:\\.\\d+)?(?:\\s*[-—~～至到]\\s*\\d+(?:\\.\\d+)?)?|[一二两三四五六七八九十百千万]{1,4}|半)';
const UNIT = `(?:${tcAny([
  '个百分点', '百分点', '个工作日', '工作日', '学时', '课时', '小时', '分钟', '人次', '个月', '日', '天', '周',
  '年', '次', '期', '场', '名', '人', '件', '个', '项', '家', '份', '批次', '批', '户', '万元', '亿元',
  '元', '篇', '条', '所', '轮', '遍', '门', '类', '处', '台', '套', '册', '部', '堂', '节', '例', '起',
])})`;
const PERCENT = '(?:%|％)';
const QUAL = `(?:${tcAny([
  '不少于', '不低于', '不超过', '不高于', '不多于', '不得少于', '不得低于', '不得超过', '少于', '低于',
  '高于', '多于', '超过', '至少', '最少', '最多', '达到', '达', '提高到', '提升到', '提高至', '提升至',
  '降低到', '降低至', '下降到', '控制在', '保持在', '稳定在', '确保',
])})`;
const PERIOD = `(?:${tcAny(['每年', '每半年', '每季度', '每月', '每周', '每两年', '每三年', '年均', '每次'])})`;
const SUFFIX = `(?:${tcAny(['及以上', '以上', '以内', '以下', '左右'])})`;
const HAN = '\\p{Script=Han}';

// Each pattern yields a phrase; overlapping ones are reduced to the longest.
const PATTERNS: RegExp[] = [
  // 不少于24学时 / 每年至少举办一期 / 至少有2人 / 达100%
  new RegExp(`${PERIOD}?${QUAL}${HAN}{0,3}?${NUM}\\s*(?:${UNIT}|${PERCENT})${SUFFIX}?`, 'gu'),
  // 2次以上 / 两期以上
  new RegExp(`${PERIOD}?${NUM}\\s*${UNIT}${SUFFIX}`, 'gu'),
  // 办复率达100% / 5%: a rate is named by its whole clause, or not at all, never by half a word.
  new RegExp(
    `(?:(?<=^|[\\s，,。；;、：:（(])${HAN}{1,14}${tc('率')}(?:${QUAL}|${tcAny(['为', '是'])})?)?\\d+(?:\\.\\d+)?\\s*${PERCENT}`,
    'gu',
  ),
  // 每年1次 / 每季度一次 / 每年开展一次
  new RegExp(`${PERIOD}${HAN}{0,4}?${NUM}\\s*${UNIT}`, 'gu'),
];

const FROM_FUNCTION_WORD = /^\p{Script=Han}*[的和与及对将把在是为使等](?=\p{Script=Han}+率)/u;

function isYear(phrase: string): boolean {
  return /(?:^|\D)(?:1[89]|20)\d{2}\s*年/.test(phrase);
}

/** Quantitative targets in `text`, as written; overlapping phrases are merged, first-seen order. */
export function findTargets(text: string): string[] {
  if (!/[\d一二两三四五六七八九十百千万半]/.test(text)) return [];
  const spans: { start: number; end: number }[] = [];
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      if (isYear(m[0])) continue;
      const start = m.index ?? 0;
      spans.push({ start, end: start + m[0].length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: string[] = [];
  const seen = new Set<string>();
  const emit = (start: number, end: number): void => {
    // A rate's name runs back at most to a function word: "将…的完成率达100%" → "完成率达100%".
    const t = text.slice(start, end).trim().replace(FROM_FUNCTION_WORD, '');
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  };
  let cur: { start: number; end: number } | null = null;
  for (const s of spans) {
    if (cur && s.start < cur.end) cur.end = Math.max(cur.end, s.end);
    else {
      if (cur) emit(cur.start, cur.end);
      cur = { ...s };
    }
  }
  if (cur) emit(cur.start, cur.end);
  return out;
}
