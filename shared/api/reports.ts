// Calls of the report screen: preview a report as HTML, export it as a job, list what was exported.
import { z } from 'zod';
import { call } from './define';
import type { JobStatus } from './jobs';
import { REPORT_FORMATS, REPORT_KINDS, type ReportFigures } from '../report/types';
import { PERIOD_PATTERN } from '../report/period';

const id = z.string().min(1).max(100);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 2024-03-31 这样的形式');

export const reportPeriod = z.string().trim().regex(PERIOD_PATTERN, '报告期应写成 2024-Q3、2024-H1、2024 或 2024-01-01..2024-06-30');

export const reportRequest = z
  .object({
    period: reportPeriod,
    kind: z.enum(REPORT_KINDS),
    scope: z
      .object({
        planIds: z.array(id).max(100).optional(),
        sectionIds: z.array(id).max(1000).optional(),
        departmentIds: z.array(id).max(1000).optional(),
      })
      .strict()
      .optional(),
    issuer: z.string().trim().max(100).optional(),
    date: isoDate.optional(),
    evidenceAppendix: z.boolean().optional(),
    charts: z.boolean().optional(),
    /** The heading level measures are reported under: the plan's areas (default) or the outline's first level. */
    grouping: z.enum(['area', 'top']).optional(),
    /** Export this draft's edited text and header in place of the generated report. */
    draftId: z.string().min(1).max(2000).optional(),
  })
  .strict();

export interface ReportPreview {
  title: string;
  /** The whole self-contained document, as exported to .html. */
  html: string;
  /** Stylesheet and body apart, so the preview frame need not run an inline <style> under the app's CSP. */
  css: string;
  body: string;
  figures: ReportFigures;
  periodLabel: string;
  asOf: string;
}

export interface ExportDone {
  exportId: string;
  fileName: string;
  format: (typeof REPORT_FORMATS)[number];
  size: number;
  /** Loopback host: where the file is downloaded from (GET, by export id only). */
  downloadUrl: string;
  /** Where the file was written. */
  path: string;
}

/** Where an export was saved: `saved` false when the person closed the save dialog; the path only in Electron. */
export interface ExportSaved {
  saved: boolean;
  path?: string;
}

const exportId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, '导出编号无效');

export const reportCalls = {
  'reports.preview': call<ReportPreview>()(reportRequest),
  'reports.export': call<JobStatus>()(
    // No output path from the page: exports land under the data folder and leave by download
    // (in Electron the download is where the save dialog comes in).
    reportRequest.extend({ format: z.enum(REPORT_FORMATS) }).strict(),
  ),
  /** Electron only: the save dialog, then a copy of the export where the person chose. The browser host downloads instead. */
  'reports.save': call<ExportSaved>()(z.object({ exportId }).strict()),
  /** Electron only: opens a file this run saved, or shows it in its folder; nothing else on the disk. */
  'reports.reveal': call<null>()(z.object({ exportId, how: z.enum(['open', 'folder']) }).strict()),
};
