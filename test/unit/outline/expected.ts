// Compact expected output of a hand-written outline: one tuple per measure, kept next to its text.
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedDocument } from '../../../shared/outline/types';
import { OUTLINES } from './helpers';

/** [path joined by "/", title, lead, responsible, deadline] */
export type MeasureTuple = [string, string, string[], string[], string | null];

export interface Expected {
  title?: string | null;
  /** When a fixture checks targets too: path → targets. */
  targets?: Record<string, string[]>;
  measures: MeasureTuple[];
  /** Furniture that must appear in no measure's text. */
  absent?: string[];
}

export function compact(doc: ParsedDocument): MeasureTuple[] {
  return doc.items.map((m) => [m.path.join('/'), m.title, m.lead, m.responsible, m.deadline]);
}

/** Every fixture that has an expectation file: name.txt + name.expected.json. */
export function expectedFixtures(): { name: string; text: string; expected: Expected }[] {
  return fs
    .readdirSync(OUTLINES)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.expected\.json$/, '');
      return {
        name,
        text: fs.readFileSync(path.join(OUTLINES, `${name}.txt`), 'utf8'),
        expected: JSON.parse(fs.readFileSync(path.join(OUTLINES, f), 'utf8')) as Expected,
      };
    });
}
