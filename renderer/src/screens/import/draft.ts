// The measures of a previewed document as the clerk has corrected them: edited, split, merged, added, deleted.
// Pure functions over a list, so the preview and its tests share one set of rules, and the same rules as
// corrections after import (db/queries/measure-edits.ts): a split's second half is "N之二" with the same units.
import type { ParsedMeasure } from '../../../../shared/outline/types';
import { firstSentence } from '../../../../shared/outline/text';

/** A correction to one measure's fields; only the fields the user changed are present. */
export interface MeasureEdit {
  title?: string;
  text?: string;
  lead?: string[];
  responsible?: string[];
  deadline?: string | null;
}

export interface DraftMeasure {
  /** Stable within one preview, so React keys and the open edit form survive list changes. */
  key: number;
  measure: ParsedMeasure;
  /** What the clerk did to it, for the tags in the preview; null if it is as parsed. */
  change: 'edited' | 'split' | 'merged' | 'added' | null;
}

export interface Draft {
  items: DraftMeasure[];
  /** Parsed measures the clerk deleted, kept so the preview can say how many. */
  removed: ParsedMeasure[];
  nextKey: number;
}

export function initialDraft(items: readonly ParsedMeasure[]): Draft {
  return { items: items.map((measure, key) => ({ key, measure, change: null })), removed: [], nextKey: items.length };
}

/** Whether the clerk changed anything: an untouched draft commits exactly what the parser found. */
export function isChanged(d: Draft): boolean {
  return d.removed.length > 0 || d.items.some((x) => x.change !== null);
}

function at(d: Draft, key: number): number {
  const i = d.items.findIndex((x) => x.key === key);
  if (i < 0) throw new Error(`no measure ${key} in the draft`);
  return i;
}

function replace(d: Draft, i: number, count: number, ...put: DraftMeasure[]): DraftMeasure[] {
  const items = d.items.slice();
  items.splice(i, count, ...put);
  return items;
}

function unite(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function label(m: ParsedMeasure): string {
  return m.path[m.path.length - 1] ?? '';
}

export function editDraft(d: Draft, key: number, e: MeasureEdit): Draft {
  const i = at(d, key);
  const x = d.items[i]!;
  const measure: ParsedMeasure = {
    ...x.measure,
    ...(e.title !== undefined ? { title: e.title } : {}),
    ...(e.text !== undefined ? { text: e.text } : {}),
    ...(e.lead !== undefined ? { lead: e.lead } : {}),
    ...(e.responsible !== undefined ? { responsible: e.responsible } : {}),
    ...(e.deadline !== undefined ? { deadline: e.deadline } : {}),
  };
  return { ...d, items: replace(d, i, 1, { ...x, measure, change: x.change ?? 'edited' }) };
}

/** Cuts a measure's text at `offset`; the second part follows it as "N之二" with the same units and deadline. */
export function splitDraft(d: Draft, key: number, offset: number): Draft {
  const i = at(d, key);
  const x = d.items[i]!;
  const m = x.measure;
  const head = m.text.slice(0, offset).trim();
  const tail = m.text.slice(offset).trim();
  if (!head || !tail) throw new RangeError('split outside the text');
  const number = freeNumber(d, m);
  const first: ParsedMeasure = { ...m, text: head, title: head.startsWith(m.title) ? m.title : firstSentence(head) };
  const second: ParsedMeasure = { ...m, path: [...m.path.slice(0, -1), number], text: tail, title: firstSentence(tail), targets: [] };
  return {
    ...d,
    items: replace(d, i, 1, { ...x, measure: first, change: 'split' }, { key: d.nextKey, measure: second, change: 'split' }),
    nextKey: d.nextKey + 1,
  };
}

/** Folds the measure after `key` into it: text appended, units and targets united, the first deadline kept. */
export function mergeWithNext(d: Draft, key: number): Draft {
  const i = at(d, key);
  const a = d.items[i]!;
  const b = d.items[i + 1];
  if (!b) throw new RangeError('nothing after the last measure');
  const m: ParsedMeasure = {
    ...a.measure,
    text: [a.measure.text, b.measure.text].filter(Boolean).join('\n'),
    lead: unite(a.measure.lead, b.measure.lead),
    responsible: unite(a.measure.responsible, b.measure.responsible),
    deadline: a.measure.deadline ?? b.measure.deadline,
    targets: unite(a.measure.targets, b.measure.targets),
  };
  return { ...d, items: replace(d, i, 2, { ...a, measure: m, change: 'merged' }) };
}

export function removeFromDraft(d: Draft, key: number): Draft {
  const i = at(d, key);
  return { ...d, items: replace(d, i, 1), removed: [...d.removed, d.items[i]!.measure] };
}

export interface NewMeasure {
  number: string;
  title: string;
  lead: string[];
  responsible: string[];
  deadline: string | null;
}

/** A measure the parser missed, placed after `key` under the same heading. */
export function addAfter(d: Draft, key: number, n: NewMeasure): Draft {
  const i = at(d, key);
  const anchor = d.items[i]!.measure;
  const measure: ParsedMeasure = {
    path: [...anchor.path.slice(0, -1), n.number],
    title: n.title,
    text: n.title,
    lead: n.lead,
    responsible: n.responsible,
    deadline: n.deadline,
    targets: [],
  };
  return { ...d, items: replace(d, i + 1, 0, { key: d.nextKey, measure, change: 'added' }), nextKey: d.nextKey + 1 };
}

const CN = ['二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A number for a measure placed after `m` that no other measure under its heading has: "3之二", "3之三"… */
export function freeNumber(d: Draft, m: ParsedMeasure): string {
  const taken = new Set(d.items.map((x) => x.measure.path.join('\u0001')));
  const parent = m.path.slice(0, -1);
  const base = label(m).replace(/之[二三四五六七八九十\d]+$/, '');
  for (let k = 0; ; k++) {
    const n = `${base}之${CN[k] ?? String(k + 2)}`;
    if (!taken.has([...parent, n].join('\u0001'))) return n;
  }
}
