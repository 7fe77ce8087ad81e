// Calls of inspections: reviews, verdicts, inspectors' files, sign-off and verification, feedback export, rectification tasks.
import { z } from 'zod';
import { call } from './define';
import type { JobStatus } from './jobs';
import { periodId } from './ledger';
import { VERDICTS, type Rectification, type Review, type ReviewDetail, type ReviewItem, type VerifyResult } from '../inspections/types';

const id = z.string().min(1).max(100);
/** Verdicts and rectifications are keyed review|measure. */
const compoundId = z.string().min(1).max(210);
/** Evidence ids are measure|quarter|sha256. */
const evidenceId = z.string().min(1).max(300);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 2025-03-31 这样的形式');

export interface FeedbackExportDone {
  exportId: string;
  fileName: string;
  format: 'docx' | 'pdf';
  size: number;
  downloadUrl: string;
  path: string;
}

export const inspectionCalls = {
  'reviews.list': call<Review[]>()(z.object({}).strict()),
  'reviews.create': call<Review>()(
    z
      .object({
        name: z.string().trim().min(1, '请填写督察名称').max(200),
        planId: id.nullable().optional(),
        sectionIds: z.array(id).max(500).optional(),
        departmentIds: z.array(id).max(500).optional(),
        periodId,
        startsOn: isoDate.nullable().optional(),
        endsOn: isoDate.nullable().optional(),
        reviewerIds: z.array(id).min(1, '请至少选择一名督察人员').max(50),
      })
      .strict(),
  ),
  'reviews.get': call<ReviewDetail>()(z.object({ reviewId: id }).strict()),
  'reviews.verdict': call<ReviewItem>()(
    z
      .object({
        reviewId: id,
        measureId: id,
        verdict: z.enum(VERDICTS).optional(),
        finding: z.string().max(20_000).optional(),
        rectification: z
          .object({ requirement: z.string().trim().min(1, '请填写整改要求').max(5_000), departmentId: id.nullable(), departmentName: z.string().trim().min(1, '请填写责任单位').max(200), dueOn: isoDate })
          .strict()
          .nullable()
          .optional(),
      })
      .strict(),
  ),
  'reviews.linkFiles': call<ReviewItem>()(z.object({ reviewId: id, measureId: id, evidenceIds: z.array(evidenceId).min(1).max(500) }).strict()),
  'reviews.unlinkFile': call<ReviewItem>()(z.object({ reviewId: id, measureId: id, evidenceId }).strict()),
  'reviews.sign': call<Review>()(z.object({ reviewId: id }).strict()),
  'reviews.verify': call<VerifyResult>()(z.object({ reviewId: id }).strict()),
  'reviews.revise': call<Review>()(z.object({ reviewId: id }).strict()),
  'reviews.export': call<JobStatus>()(z.object({ reviewId: id, format: z.enum(['docx', 'pdf']) }).strict()),
  'rectifications.list': call<Rectification[]>()(z.object({ open: z.boolean().optional(), overdue: z.boolean().optional(), measureId: id.optional() }).strict()),
  'rectifications.counts': call<{ open: number; overdue: number }>()(z.object({}).strict()),
  'rectifications.respond': call<Rectification[]>()(z.object({ id: compoundId, response: z.string().trim().min(1, '请填写整改落实情况').max(20_000), evidenceIds: z.array(evidenceId).max(500).optional() }).strict()),
  'rectifications.close': call<Rectification[]>()(z.object({ id: compoundId }).strict()),
};
