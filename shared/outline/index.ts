// parseOutline: text of an implementation outline (any source format) → documents, sections, measures.

import { assemble } from './assemble';
import { normalizeChars, toLines } from './clean';
import { findTitle, splitDocuments, type RawDocument } from './documents';
import { dropFurniture } from './furniture';
import { joinLines, measureWrap, type Wrap } from './paragraphs';
import { extractTables } from './tables';
import { buildTree } from './tree';
import type { ParsedDocument, ParsedOutline } from './types';

export type { ParsedDocument, ParsedMeasure, ParsedOutline, ParsedSection } from './types';

function parseDocument(raw: RawDocument, wrap: Wrap): ParsedDocument {
  const paras = joinLines(extractTables(raw.lines), wrap);
  const { title, bodyStart } = findTitle(paras, raw.heading);
  return assemble(buildTree(paras.slice(bodyStart)), title);
}

/** Parses outline text. Never throws: input it cannot read gives no documents. */
export function parseOutline(text: string): ParsedOutline {
  try {
    const lines = dropFurniture(toLines(normalizeChars(typeof text === 'string' ? text : '')));
    if (!lines.length) return { documents: [] };
    // Wrapping is a property of the file (one PDF page layout), so it is measured over all of it.
    const wrap = measureWrap(lines);
    return { documents: splitDocuments(lines).map((d) => parseDocument(d, wrap)) };
  } catch {
    return { documents: [] };
  }
}
