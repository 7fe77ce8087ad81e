// Calls that correct what the parser got wrong: edit, split, merge, add, delete measures; departments; revised outlines.
import { z } from 'zod';
import { call } from './define';
import type { Department, MeasureDetail } from '../model';
import type { RevisionField } from '../outline/revision';

const id = z.string().min(1).max(100);
const unitList = z.array(z.string().trim().min(1).max(200)).max(100);
const title = z.string().trim().min(1, '标题不能为空').max(500);
const text = z.string().trim().min(1, '措施内容不能为空').max(20_000);
const deadline = z.string().trim().max(100).nullable();
const targets = z.array(z.string().trim().min(1).max(200)).max(50);

export interface RevisionChange {
  measureId: string;
  number: string;
  title: string;
  /** The revised outline's title, when it differs. */
  newTitle: string;
  changed: RevisionField[];
}

export interface RevisionPreview {
  planId: string;
  planTitle: string;
  unchanged: number;
  changed: RevisionChange[];
  added: { index: number; number: string; title: string }[];
  /** Existing measures the revision drops; their progress and evidence stay in the history. */
  removed: { measureId: string; number: string; title: string; records: number; evidence: number }[];
}

export interface RevisionDone {
  planId: string;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export const correctionCalls = {
  'measures.edit': call<MeasureDetail>()(
    z
      .object({
        id,
        periodId: z.string().regex(/^\d{4}-Q[1-4]$/),
        title: title.optional(),
        text: text.optional(),
        lead: unitList.optional(),
        responsible: unitList.optional(),
        deadline: deadline.optional(),
        targets: targets.optional(),
      })
      .strict(),
  ),
  /** Cuts a measure's text in two at `at` (a character offset): the second part becomes a new measure after it. */
  'measures.split': call<{ first: string; second: string }>()(z.object({ id, at: z.number().int().min(1) }).strict()),
  /** Folds `absorbed` into `into`: texts joined, units united, progress and evidence moved where the quarter is free. */
  'measures.merge': call<{ id: string }>()(z.object({ into: id, absorbed: id }).strict()),
  /** A measure the parser missed, placed right after `after` (or first in the section). */
  'measures.add': call<{ id: string }>()(
    z
      .object({
        planId: id,
        after: id.nullable(),
        sectionId: id.nullable().optional(),
        number: z.string().trim().min(1).max(20),
        title,
        text: text.optional(),
        lead: unitList.default([]),
        responsible: unitList.default([]),
        deadline: deadline.default(null),
      })
      .strict(),
  ),
  'measures.delete': call<{ id: string }>()(z.object({ id }).strict()),
  'departments.rename': call<Department[]>()(z.object({ id, name: z.string().trim().min(1, '名称不能为空').max(100) }).strict()),
  'departments.setCollective': call<Department[]>()(z.object({ id, collective: z.boolean() }).strict()),
  /** Every link, user and alias of `from` moves to `into`; `from` is kept as a spelling of `into`. */
  'departments.merge': call<Department[]>()(z.object({ from: id, into: id }).strict()),
  'import.revisionPreview': call<RevisionPreview>()(
    z.object({ token: id, documentIndex: z.number().int().min(0), planId: id }).strict(),
  ),
  'import.commitRevision': call<RevisionDone>()(z.object({ token: id, documentIndex: z.number().int().min(0), planId: id }).strict()),
};
