// Calls of the exchange core: conflicts found by merges (list, resolve) and the audit trail check.
import { z } from 'zod';
import { call } from './define';
import type { ChainProblem } from '../sync/audit-hash';

export interface ConflictSide {
  value: string;
  author: string;
  authorName: string | null;
  /** When the value was recorded (ISO). */
  at: string;
  hlc: string;
  replicaId: string;
}

export interface ConflictItem {
  id: string;
  /** What the conflicting field belongs to: a measure's progress, or an inspection's verdict row. */
  entity: string;
  /** For a verdict or finding: the review it was judged in. */
  reviewId: string | null;
  reviewName: string | null;
  reviewRevision: number | null;
  measureId: string;
  measureNumber: string | null;
  measureTitle: string | null;
  periodId: string;
  /** status/narrative of a quarter's progress; verdict (结论) / finding (发现问题) of a review. */
  field: 'status' | 'narrative' | 'verdict' | 'finding';
  /** The value this PC had; `theirs` the one that came in (both as recorded, not the current value). */
  mine: ConflictSide;
  theirs: ConflictSide;
  /** Which side the merge kept (the later clock). */
  kept: 'mine' | 'theirs';
  detectedAt: string;
  resolution: { choice: 'mine' | 'theirs' | 'edit'; value: string } | null;
  resolvedBy: string | null;
  resolvedByName: string | null;
  resolvedAt: string | null;
}

export type AuditProblem = ChainProblem;

const id = z.string().min(1).max(200);

export const exchangeCoreCalls = {
  'conflicts.list': call<ConflictItem[]>()(z.object({ open: z.boolean().optional() }).strict()),
  'conflicts.resolve': call<ConflictItem>()(
    z
      .object({
        id,
        choice: z.union([z.literal('mine'), z.literal('theirs'), z.object({ value: z.string().max(20_000, '内容不能超过 20000 字') }).strict()]),
      })
      .strict(),
  ),
  'audit.verify': call<{ ok: boolean; problems: AuditProblem[] }>()(z.object({}).strict()),
};
