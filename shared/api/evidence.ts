// Calls of the evidence (佐证材料) domain: attach by path as a job, list, missing, remove, verify, clean up.
import { z } from 'zod';
import { call } from './define';
import type { JobStatus } from './jobs';
import type { Status } from '../model';

// Evidence ids are measure | quarter | SHA-256 (over 100 characters).
const id = z.string().min(1).max(200);
const periodId = z.string().regex(/^\d{4}-Q[1-4]$/, '季度应写成 2024-Q3 这样的形式');

export const EVIDENCE_KINDS = ['image', 'pdf', 'text', 'office', 'other'] as const;
export type EvidenceKindName = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_SORTS = ['date-desc', 'date-asc', 'size-desc', 'size-asc'] as const;
export type EvidenceSort = (typeof EVIDENCE_SORTS)[number];

function realDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** 成文日期 as YYYY-MM-DD; an empty string means none. */
export const docDate = z
  .string()
  .trim()
  .refine((s) => s === '' || (/^\d{4}-\d{2}-\d{2}$/.test(s) && realDate(s)), '成文日期应为有效日期,写成 2024-06-30 这样的形式');

/** What a clerk may say about each file: all optional. */
export const evidenceMeta = {
  description: z.string().trim().max(2000, '说明不能超过 2000 字').optional(),
  docNumber: z.string().trim().max(200, '文号不能超过 200 字').optional(),
  docDate: docDate.optional(),
};

/** The query of `PUT /evidence/upload`, checked with the same rules as a call. */
export const uploadParams = z
  .object({
    measureId: id,
    periodId,
    name: z.string().min(1, '缺少文件名').max(1000, '文件名过长'),
    /** The file this upload is a newer version of. */
    replaces: id.optional(),
    ...evidenceMeta,
  })
  .strict();
export type UploadParams = z.output<typeof uploadParams>;

export interface EvidenceItem {
  id: string;
  measureId: string;
  /** The quarter it counts for (its document date's quarter when one is given). */
  periodId: string;
  sha256: string;
  name: string;
  size: number;
  mime: string;
  kind: EvidenceKindName;
  description: string;
  docNumber: string | null;
  docDate: string | null;
  addedBy: string;
  addedByName: string | null;
  addedAt: string;
  measureNumber: string;
  measureTitle: string;
  planId: string;
  planTitle: string;
  sectionId: string | null;
  /** The newer version that replaced this file; null while it is the current version. */
  supersededBy: string | null;
}

/** A file as listed to the signed-in user. */
export interface ListedEvidence extends EvidenceItem {
  /** They may edit what is said of it and remove it (their role, and a clerk's own department where the store limits clerks). */
  mayChange: boolean;
}

/** A stored file offered for attaching to another record, with how many records use it. */
export interface EvidencePick extends EvidenceItem {
  uses: number;
}

/** The words of a Word or Excel file, for the preview (cut at `limit` characters). */
export interface EvidenceText {
  text: string;
  truncated: boolean;
}

export interface AttachResult {
  items: EvidenceItem[];
  /** Names of files this record already had (nothing new stored for them). */
  duplicates: string[];
  /** Things to tell the clerk although the attach succeeded (an empty file, a different quarter). */
  warnings: string[];
}

export interface VerifyProblem {
  sha256: string;
  state: 'missing' | 'changed';
  size: number;
  /** Every record that uses the file: its name there and its measure. */
  uses: { evidenceId: string; name: string; measureId: string; measureNumber: string; measureTitle: string; periodId: string }[];
}

/** An evidence row that differs from what the change log says (edited in the database without a recorded change). */
export interface RowProblem {
  evidenceId: string;
  /** changed — fields differ from the log; unrecorded — no recorded change made the row; missing — the log says the row exists. */
  kind: 'changed' | 'unrecorded' | 'missing';
  /** The differing columns (sha256, name, added_at, …). */
  columns: string[];
  name: string;
  measureId: string;
  periodId: string;
  /** A Chinese sentence for the user. */
  detail: string;
}

export interface VerifyReport {
  ok: boolean;
  checkedFiles: number;
  checkedBytes: number;
  problems: VerifyProblem[];
  /** Evidence rows checked against the change log, and those that do not match it. */
  checkedRows: number;
  rowProblems: RowProblem[];
  /** Stored files no record refers to (removed evidence awaiting clean-up); not an error. */
  unreferencedFiles: number;
  /** Temporaries of interrupted attaches removed before checking. */
  tmpRemoved: number;
  checkedAt: string;
}

export interface CleanupReport {
  removedFiles: number;
  freedBytes: number;
  /** Unreferenced files left alone because they were stored within the last hour (an attach may be finishing). */
  keptRecent: number;
}

export interface MissingEvidenceRow {
  id: string;
  planId: string;
  planTitle: string;
  sectionId: string | null;
  number: string;
  title: string;
  status: Status;
  lead: string[];
}

export interface EvidenceConfig {
  maxBytes: number;
}

const filter = {
  measureId: id.optional(),
  periodId: periodId.optional(),
  planId: id.optional(),
  sectionId: id.optional(),
  departmentId: id.optional(),
  kind: z.enum(EVIDENCE_KINDS).optional(),
  sort: z.enum(EVIDENCE_SORTS).optional(),
};

export const evidenceCalls = {
  'evidence.config': call<EvidenceConfig>()(z.object({}).strict()),
  'evidence.attachPaths': call<JobStatus>()(
    z
      .object({
        measureId: id,
        periodId,
        files: z
          .array(z.object({ path: z.string().min(1).max(4096), ...evidenceMeta }).strict())
          .min(1, '请至少选择一个文件')
          .max(1000),
        /** Replace this file with the one chosen, keeping it as the earlier version. */
        replaces: id.optional(),
      })
      .strict(),
  ),
  'evidence.list': call<ListedEvidence[]>()(z.object({ ...filter, withHistory: z.boolean().optional() }).strict()),
  'evidence.pick': call<EvidencePick[]>()(
    z.object({ query: z.string().max(200, '搜索词不能超过 200 字'), excludeMeasureId: id.optional(), limit: z.number().int().min(1).max(200).optional() }).strict(),
  ),
  'evidence.reuse': call<AttachResult>()(z.object({ sourceId: id, measureId: id, periodId }).strict()),
  'evidence.text': call<EvidenceText>()(z.object({ id }).strict()),
  'evidence.missing': call<MissingEvidenceRow[]>()(z.object({ periodId, planId: id.optional(), departmentId: id.optional() }).strict()),
  'evidence.update': call<EvidenceItem>()(z.object({ id, ...evidenceMeta }).strict()),
  'evidence.remove': call<{ removed: true }>()(z.object({ id }).strict()),
  'evidence.verify': call<JobStatus>()(z.object({}).strict()),
  'evidence.cleanup': call<CleanupReport>()(z.object({}).strict()),
};
