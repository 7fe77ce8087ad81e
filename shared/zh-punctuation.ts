// Chinese prose takes full-width punctuation; our templates and converted documents often carry ASCII ,;:?!() instead.

/** Ideographs, CJK punctuation (、。“”《》) and full-width forms: the neighbours that mark a mark as Chinese. */
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2018-\u201d\u2014]/;

const MARKS: Record<string, string> = { ',': '\uff0c', ';': '\uff1b', ':': '\uff1a', '?': '\uff1f', '!': '\uff01' };

function chineseAt(s: string, i: number): boolean {
  return i >= 0 && i < s.length && CHINESE.test(s[i]!);
}

/**
 * Turns ASCII , ; : ? ! next to Chinese into their full-width forms, and ( ) into （ ） where the
 * pair encloses or follows Chinese. Numbers (1,000 · 12:30 · 1/3(33%)) and Latin text keep theirs.
 */
export function fullWidthPunctuation(s: string): string {
  if (!/[,;:?!()]/.test(s)) return s;
  const out = s.split('');
  const open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const mark = MARKS[c];
    if (mark && (chineseAt(s, i - 1) || chineseAt(s, i + 1))) out[i] = mark;
    else if (c === '(') open.push(i);
    else if (c === ')' && open.length) {
      const start = open.pop()!;
      if (chineseAt(s, start - 1) || CHINESE.test(s.slice(start + 1, i))) {
        out[start] = '\uff08';
        out[i] = '\uff09';
      }
    }
  }
  return out.join('');
}
