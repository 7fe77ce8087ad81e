// Recognising the same outline in another format: compares the measures' words, not the file's bytes.
import type { ParsedDocument } from './types';

/** The words of a measure without layout: NFKC (PDF's Kangxi radicals become plain characters), letters only. */
export function plainWords(text: string): string {
  // Digits go too: page numbers such as "— 7 —" land inside sentences when a PDF is read.
  return text.normalize('NFKC').replace(/[^\p{L}]/gu, '');
}

/** The character trigrams of a text, the unit of comparison (robust to line breaks and cut sentences). */
export function trigrams(text: string): Set<string> {
  const s = plainWords(text);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

export interface OutlineShape {
  titles: string[];
  grams: Set<string>;
}

export function shapeOf(measures: readonly { title: string; text: string }[]): OutlineShape {
  const grams = new Set<string>();
  for (const m of measures) for (const g of trigrams(m.text)) grams.add(g);
  return { titles: measures.map((m) => plainWords(m.title)), grams };
}

export function documentShape(doc: Pick<ParsedDocument, 'items'>): OutlineShape {
  return shapeOf(doc.items);
}

/**
 * How alike two outlines are, 0–1: the share of measure titles in common (of the larger list) times the
 * overlap of their words. Another district's outline shares the programme's vocabulary but not its
 * measures, so both must agree.
 */
export function similarity(a: OutlineShape, b: OutlineShape): number {
  if (a.titles.length === 0 || b.titles.length === 0) return 0;
  const bTitles = new Map<string, number>();
  for (const t of b.titles) bTitles.set(t, (bTitles.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of a.titles) {
    const n = bTitles.get(t) ?? 0;
    if (n > 0) {
      common++;
      bTitles.set(t, n - 1);
    }
  }
  const titleShare = common / Math.max(a.titles.length, b.titles.length);
  let shared = 0;
  for (const g of a.grams) if (b.grams.has(g)) shared++;
  const union = a.grams.size + b.grams.size - shared;
  const wordShare = union === 0 ? 0 : shared / union;
  return titleShare * wordShare;
}

/** At or above this the outline is taken for one already imported (the same outline converted scores above 0.9). */
export const SAME_OUTLINE = 0.6;
