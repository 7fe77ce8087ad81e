// Splits a document title into lines between words (GB/T 9704 titles break at meaning, never 法治政/府), balanced in length.

/** Words a break may come before; a break never falls inside one of them. */
const WORD_STARTS = ['关于', '法治政府建设', '法治建设', '法治政府', '工作推进', '推进情况', '建设情况', '情况的报告', '的报告', '工作台账', '年度', '第一', '第二', '第三', '第四', '上半年', '下半年', '人民政府', '委员会', '管委会', '司法局', '实施方案'];
/** Words a break may never fall inside, though no break comes before them. */
const WORDS = ['法治政府建设', '法治政府', '法治建设', '人民政府', '推进情况', '建设情况', '工作台账', '季度', '报告', '情况', '工作', '推进', '建设'];

/** Chinese title characters per line at 二号 on the 156 mm text block. */
export const TITLE_CHARS = 20;

function allowedBreaks(title: string): number[] {
  const inside = new Set<number>();
  for (const w of WORDS) for (let i = title.indexOf(w); i >= 0; i = title.indexOf(w, i + 1)) for (let k = i + 1; k < i + w.length; k++) inside.add(k);
  // Digits of a year or number stay together, and a closing mark stays with what it closes.
  for (let k = 1; k < title.length; k++) if ((/\d/.test(title[k - 1]!) && /\d/.test(title[k]!)) || /[)）》”、,，]/.test(title[k]!)) inside.add(k);
  const out = new Set<number>();
  for (const w of WORD_STARTS) for (let i = title.indexOf(w); i > 0; i = title.indexOf(w, i + 1)) out.add(i);
  for (let k = 1; k < title.length; k++) if (/[年)）》]/.test(title[k - 1]!)) out.add(k);
  return [...out].filter((k) => !inside.has(k)).sort((a, b) => a - b);
}

/** Lines of at most `max` characters, breaking only between words, as even as can be; the title whole when it fits. */
export function titleLines(title: string, max = TITLE_CHARS): string[] {
  if ([...title].length <= max) return [title];
  const breaks = allowedBreaks(title);
  let best: { lines: string[]; score: number } | null = null;
  const tryLines = (cuts: number[]) => {
    const lines: string[] = [];
    let from = 0;
    for (const c of [...cuts, title.length]) {
      lines.push(title.slice(from, c));
      from = c;
    }
    const lens = lines.map((l) => l.length);
    const over = lens.reduce((n, l) => n + Math.max(0, l - max), 0);
    // Nothing over the width first, then fewer lines, then balance.
    const score = over * 100_000 + lines.length * 1_000 + (Math.max(...lens) - Math.min(...lens));
    if (!best || score < best.score) best = { lines, score };
  };
  for (const a of breaks) tryLines([a]);
  if (!best || (best as { lines: string[] }).lines.some((l) => l.length > max)) for (const a of breaks) for (const b of breaks) if (b > a) tryLines([a, b]);
  return best ? (best as { lines: string[] }).lines : [title];
}
