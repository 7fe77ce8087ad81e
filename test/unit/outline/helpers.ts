// Fixture loading and lookups shared by the outline parser's tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOutline } from '../../../shared/outline/index';
import type { ParsedDocument, ParsedMeasure, ParsedOutline } from '../../../shared/outline/types';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SEEDS = path.resolve(here, '../../fixtures');
export const OUTLINES = path.join(SEEDS, 'outlines');

export function seed(name: string): string {
  return fs.readFileSync(path.join(SEEDS, name), 'utf8');
}

export function outline(name: string): string {
  return fs.readFileSync(path.join(OUTLINES, name), 'utf8');
}

export function parseSeed(name: string): ParsedOutline {
  return parseOutline(seed(name));
}

/** The only document of a fixture (fails the test when there are several). */
export function onlyDoc(text: string): ParsedDocument {
  const out = parseOutline(text);
  if (out.documents.length !== 1) throw new Error(`expected one document, got ${out.documents.length}`);
  return out.documents[0]!;
}

export function measure(doc: ParsedDocument, ...path: string[]): ParsedMeasure {
  const m = doc.items.find((i) => i.path.join('/') === path.join('/'));
  if (!m) throw new Error(`no measure at ${path.join('/')}; have ${doc.items.map((i) => i.path.join('/')).join(', ')}`);
  return m;
}

/** Page-number artifacts the parser must never leave in its output. */
export const PAGE_ARTIFACT = /[—–－-]\s*\d{1,3}\s*[—–－-](?!\d)|第\s*\d+\s*[页頁]/;
