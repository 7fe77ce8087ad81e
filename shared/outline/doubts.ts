// What the parser may have got wrong about a measure, so the clerk looks there first in the preview.
import type { ParsedMeasure } from './types';
import { canonicalKey } from '../departments';

export type Doubt = 'noUnits' | 'noDeadline' | 'longTitle' | 'unknownUnit';

/**
 * A first sentence this long is usually two measures run together or a title that swallowed
 * its body: outline titles are short imperative phrases.
 */
export const LONG_TITLE = 60;

/** The doubts about one measure; `known` holds the canonical keys of departments already in the ledger. */
export function doubtsOf(m: ParsedMeasure, known: ReadonlySet<string>): Doubt[] {
  const out: Doubt[] = [];
  const units = [...m.lead, ...m.responsible];
  if (units.length === 0) out.push('noUnits');
  if (!m.deadline) out.push('noDeadline');
  if ([...m.title].length > LONG_TITLE) out.push('longTitle');
  // An empty ledger knows no department yet: every unit would be "unknown", which says nothing.
  if (known.size > 0 && units.some((u) => !known.has(canonicalKey(u)))) out.push('unknownUnit');
  return out;
}

/** The units of a measure that the ledger does not know yet. */
export function unknownUnits(m: ParsedMeasure, known: ReadonlySet<string>): string[] {
  return [...m.lead, ...m.responsible].filter((u) => !known.has(canonicalKey(u)));
}
