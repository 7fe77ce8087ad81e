// Chinese substring search on FTS5: texts are indexed as overlapping bigrams, queries become bigram phrases.

/** Characters that carry meaning for search: CJK, letters, digits. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

function segments(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    if (WORD_CHAR.test(ch)) cur += ch;
    else if (cur) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

function bigramsOf(seg: string): string[] {
  const chars = Array.from(seg);
  if (chars.length === 1) return [chars[0]!];
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/** The body stored in the FTS table: one token per bigram, segments kept apart. */
export function toSearchBody(text: string): string {
  return segments(text)
    .map((s) => bigramsOf(s).join(' '))
    .join(' ');
}

/**
 * An FTS5 MATCH expression finding texts that contain every segment of the query as a
 * substring, or null when the query has nothing searchable (or only single characters).
 */
export function toMatchQuery(query: string): string | null {
  const segs = segments(query).filter((s) => Array.from(s).length >= 2);
  if (segs.length === 0) return null;
  return segs.map((s) => `"${bigramsOf(s).join(' ')}"`).join(' AND ');
}
