// Matches a revised outline's measures to a plan's existing ones, so progress and evidence stay with the measures that continue.

/** What the matcher needs of a measure, stored or parsed. */
export interface RevisionMeasure {
  path: string[];
  title: string;
  text: string;
  lead: string[];
  responsible: string[];
  deadline: string | null;
}

export type RevisionField = 'path' | 'title' | 'text' | 'lead' | 'responsible' | 'deadline';

export interface RevisionPair {
  /** Index into the existing measures. */
  old: number;
  /** Index into the revised outline's measures. */
  next: number;
  /** 0–1: how alike the two texts are; 1 for identical text. */
  similarity: number;
  changed: RevisionField[];
}

export interface RevisionDiff {
  continuing: RevisionPair[];
  /** Indexes into the revised outline's measures with no counterpart. */
  added: number[];
  /** Indexes into the existing measures with no counterpart. */
  removed: number[];
}

/**
 * Below this, two measures are different work even if they share words: revisions reword a
 * measure a little (a year, a unit, a clause), they do not rewrite it.
 */
export const MIN_SIMILARITY = 0.5;

function bigrams(s: string): Map<string, number> {
  const text = s.replace(/[\s\u3000，。、；：,.;:（）()“”"《》]/g, '');
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const g = text.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient over character bigrams: robust to the small rewordings revisions make. */
function dice(a: Map<string, number>, b: Map<string, number>, sizeA: number, sizeB: number): number {
  if (sizeA + sizeB === 0) return 1;
  let shared = 0;
  for (const [g, n] of a) shared += Math.min(n, b.get(g) ?? 0);
  return (2 * shared) / (sizeA + sizeB);
}

function total(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

const sameList = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function changedFields(a: RevisionMeasure, b: RevisionMeasure): RevisionField[] {
  const out: RevisionField[] = [];
  if (!sameList(a.path, b.path)) out.push('path');
  if (a.title !== b.title) out.push('title');
  if (a.text !== b.text) out.push('text');
  if (!sameList(a.lead, b.lead)) out.push('lead');
  if (!sameList(a.responsible, b.responsible)) out.push('responsible');
  if ((a.deadline ?? null) !== (b.deadline ?? null)) out.push('deadline');
  return out;
}

/**
 * Pairs each existing measure with at most one revised measure: identical texts first, then
 * the most similar pairs above MIN_SIMILARITY, an unchanged path breaking ties. Greedy by
 * score is enough here: outlines hold tens to hundreds of measures and their texts are distinct.
 */
export function diffRevision(existing: readonly RevisionMeasure[], revised: readonly RevisionMeasure[]): RevisionDiff {
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: RevisionPair[] = [];
  const take = (o: number, n: number, similarity: number): void => {
    usedOld.add(o);
    usedNew.add(n);
    pairs.push({ old: o, next: n, similarity, changed: changedFields(existing[o]!, revised[n]!) });
  };

  const byText = new Map<string, number[]>();
  existing.forEach((m, i) => byText.set(m.text, [...(byText.get(m.text) ?? []), i]));
  revised.forEach((m, n) => {
    const o = byText.get(m.text)?.find((i) => !usedOld.has(i));
    if (o !== undefined) take(o, n, 1);
  });

  const oldGrams = existing.map((m) => bigrams(`${m.title}${m.text}`));
  const newGrams = revised.map((m) => bigrams(`${m.title}${m.text}`));
  const oldSizes = oldGrams.map(total);
  const newSizes = newGrams.map(total);
  const candidates: { o: number; n: number; score: number; similarity: number }[] = [];
  existing.forEach((om, o) => {
    if (usedOld.has(o)) return;
    revised.forEach((nm, n) => {
      if (usedNew.has(n)) return;
      const similarity = dice(oldGrams[o]!, newGrams[n]!, oldSizes[o]!, newSizes[n]!);
      if (similarity < MIN_SIMILARITY) return;
      candidates.push({ o, n, similarity, score: similarity + (sameList(om.path, nm.path) ? 0.05 : 0) });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.o - b.o || a.n - b.n);
  for (const c of candidates) if (!usedOld.has(c.o) && !usedNew.has(c.n)) take(c.o, c.n, c.similarity);

  pairs.sort((a, b) => a.next - b.next);
  return {
    continuing: pairs,
    added: revised.map((_, n) => n).filter((n) => !usedNew.has(n)),
    removed: existing.map((_, o) => o).filter((o) => !usedOld.has(o)),
  };
}
