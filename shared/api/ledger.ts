// Calls of the ledger core: session and users, departments, plans and import, checklist, progress, dashboard.
import { z } from 'zod';
import { call } from './define';
import type { JobStatus } from './jobs';
import { ROLES, STATUSES } from '../model';
import type { Dashboard, Department, MeasureDetail, MeasureRow, PlanSummary, ProgressRecord, Section, User } from '../model';
import type { ParsedMeasure, ParsedSection } from '../outline/types';

const id = z.string().min(1).max(100);
export const periodId = z.string().regex(/^\d{4}-Q[1-4]$/, '季度应写成 2024-Q3 这样的形式');

export interface TemplateInfo {
  id: string;
  title: string;
  measureCount: number;
}

export interface SessionInfo {
  user: User | null;
  users: User[];
  currentPeriod: string;
  hasPlans: boolean;
  templates: TemplateInfo[];
  version: string;
  /** Ids of the users who have a password (switching to them asks for it). */
  withPassword: string[];
  /** The store requires a password of everyone. */
  passwordsRequired: boolean;
  /** Clerks may record progress and evidence only for measures their own department carries. */
  clerksOwnDepartmentOnly: boolean;
  /** Set when the technical log cannot be written: a Chinese sentence for the screen. */
  logProblem: string | null;
}

export interface PreviewDocument {
  index: number;
  title: string | null;
  deadline: string | null;
  sections: ParsedSection[];
  items: ParsedMeasure[];
  /**
   * A plan already imported from the same file and document (`file`; perhaps deleted since), or one whose
   * measures are these (`content`: the same outline in another format), if any.
   */
  duplicateOf: { planId: string; title: string; importedAt: string; kind: 'file' | 'content'; deleted: boolean } | null;
}

export interface ImportPreview {
  token: string;
  fileName: string;
  format: string;
  encoding: string | null;
  sha256: string;
  size: number;
  documents: PreviewDocument[];
  /** The document of a compilation with the most measures. */
  defaultDocument: number;
  /** Said above the preview when the file does not look like an outline (tens of thousands of "measures"). */
  warning: string | null;
}

export interface ImportDone {
  planId: string;
  title: string;
  measureCount: number;
  sectionCount: number;
}

const unitList = z.array(z.string().trim().min(1).max(200)).max(100);

/** A measure as the preview sends it back after the clerk's corrections: the parser's shape, bounded. */
const correctedMeasure = z
  .object({
    path: z.array(z.string().trim().min(1).max(50)).min(1).max(12),
    title: z.string().trim().min(1).max(500),
    text: z.string().max(20_000),
    lead: unitList,
    responsible: unitList,
    deadline: z.string().trim().min(1).max(100).nullable(),
    targets: z.array(z.string().trim().min(1).max(200)).max(50),
  })
  .strict();

export const ledgerCalls = {
  'session.get': call<SessionInfo>()(z.object({}).strict()),
  'session.switchUser': call<SessionInfo>()(z.object({ userId: id, password: z.string().max(200).optional() }).strict()),
  'users.create': call<SessionInfo>()(
    z
      .object({
        name: z.string().trim().min(1, '请填写姓名').max(50),
        role: z.enum(ROLES),
        departmentId: id.nullable().optional(),
        departmentName: z.string().trim().max(100).nullable().optional(),
      })
      .strict(),
  ),
  'departments.list': call<Department[]>()(z.object({}).strict()),
  'plans.list': call<PlanSummary[]>()(z.object({}).strict()),
  'sections.list': call<Section[]>()(z.object({ planId: id.optional() }).strict()),
  /** Starts reading and parsing in the background; the finished job's result is an ImportPreview. */
  'import.preview': call<JobStatus>()(
    z
      .object({
        fileName: z.string().min(1).max(255),
        // Outlines are small; 50 MiB of base64 is far past any real one.
        dataBase64: z.string().max(70_000_000),
      })
      .strict(),
  ),
  'import.commit': call<ImportDone>()(
    z
      .object({
        token: id,
        documentIndex: z.number().int().min(0),
        /** Import even though a plan with the same measures exists. */
        anyway: z.boolean().optional(),
        edits: z
          .array(
            z
              .object({
                index: z.number().int().min(0),
                title: z.string().trim().min(1).max(500).optional(),
                lead: unitList.optional(),
                responsible: unitList.optional(),
                deadline: z.string().trim().max(100).nullable().optional(),
              })
              .strict(),
          )
          .max(10_000),
        /**
         * The document's measures as the clerk corrected them in the preview (split, merged, added,
         * deleted, edited); when present they replace the parsed ones, and `edits` must be empty.
         */
        items: z.array(correctedMeasure).min(1).max(10_000).optional(),
      })
      .strict(),
  ),
  'import.template': call<ImportDone>()(z.object({ templateId: id }).strict()),
  'measures.list': call<MeasureRow[]>()(
    z
      .object({
        periodId,
        planId: id.optional(),
        sectionId: id.optional(),
        departmentId: id.optional(),
        status: z.enum(STATUSES).optional(),
        overdue: z.boolean().optional(),
        dueSoon: z.boolean().optional(),
        query: z.string().max(200).optional(),
      })
      .strict(),
  ),
  'measures.get': call<MeasureDetail>()(z.object({ id, periodId }).strict()),
  'progress.set': call<ProgressRecord>()(
    z
      .object({
        measureId: id,
        periodId,
        status: z.enum(STATUSES),
        narrative: z.string().max(20_000),
        /** The version of the record the edit started from (ProgressRecord.version); null when there was none. */
        baseVersion: z.string().max(100).nullable().optional(),
      })
      .strict(),
  ),
  'dashboard.get': call<Dashboard>()(z.object({ periodId, planId: id.optional() }).strict()),
};
