// Produces a report file's bytes for a period, scope, kind and format; used by the handlers, the host and the command line.
import type { Db } from '../../../db/open';
import { loadReportData } from '../../../db/queries/report-data';
import { AppError, assertNever } from '../../../shared/errors';
import { buildReport, reportTitle } from '../../../shared/report/model';
import { renderReportHtml } from '../../../shared/report/html';
import { parseReportPeriod } from '../../../shared/report/period';
import { type ReportData, type ReportDoc, type ReportFigures, type ReportFormat, type ReportKind, type ReportOptions, type ReportScope, type ReportGrouping } from '../../../shared/report/types';
import { writeDocxBuffer } from './docx';
import type { DraftBlock, DraftHeader } from '../../../shared/report/draft';
import { exportFileName } from '../../../shared/report/file-name';
import { rasterizeCharts, type ChartImages } from './chart-images';
import { writeLedgerXlsx } from './xlsx';
import type { ReportPrinter } from './printer';

export interface ReportRequest {
  period: string;
  kind: ReportKind;
  format: ReportFormat;
  scope?: ReportScope | undefined;
  issuer?: string | undefined;
  date?: string | undefined;
  asOf?: string | undefined;
  evidenceAppendix?: boolean | undefined;
  charts?: boolean | undefined;
  grouping?: ReportGrouping | undefined;
  /** An edited draft's header and text (see drafts.ts). */
  header?: DraftHeader | undefined;
  blocks?: DraftBlock[] | undefined;
}

export interface Produced {
  bytes: Buffer;
  fileName: string;
  figures: ReportFigures;
}

export interface ProduceDeps {
  /** The printer for PDF; absent means no PDF. */
  printer?: ReportPrinter | undefined;
  /** Between steps: throws when the job was cancelled. */
  step?: (progress: number, caption: string) => void;
  warn?: (message: string, e: unknown) => void;
  /** Data already read for this request (the handler reads it up front to report an empty scope at once). */
  data?: ReportData | undefined;
}

export const MIME: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

export function reportData(db: Db, req: Pick<ReportRequest, 'period' | 'scope' | 'asOf' | 'grouping'>): ReportData {
  const period = parseReportPeriod(req.period);
  if (!period) throw new AppError('validation', `报告期“${req.period}”无法识别。请写成 2024-Q3(季度)、2024-H1(半年)、2024(全年)或 2024-01-01..2024-06-30(日期)。`);
  const data = loadReportData(db, { period, scope: req.scope, asOf: req.asOf, grouping: req.grouping });
  if (!data.measures.length) throw new AppError('no_measures', '所选范围内没有措施,无法生成报告。请先导入实施方案,或放宽范围。');
  return data;
}

async function chartImages(doc: ReportDoc, deps: ProduceDeps): Promise<ChartImages> {
  try {
    return await rasterizeCharts(doc);
  } catch (e) {
    deps.warn?.('图表未能生成,报告中省略图表', e);
    return new Map();
  }
}

export async function produceReport(db: Db, req: ReportRequest, deps: ProduceDeps = {}): Promise<Produced> {
  const step = deps.step ?? (() => undefined);
  step(0.05, '正在读取台账');
  const data = deps.data ?? reportData(db, req);
  const opts: ReportOptions = { kind: req.kind, issuer: req.header?.issuer || req.issuer, date: req.date, evidenceAppendix: req.evidenceAppendix, charts: req.charts, header: req.header, blocks: req.blocks };
  const base = { fileName: exportFileName(req, data), figures: data.figures };
  if (req.format === 'xlsx') {
    // The workbook is the ledger whatever the kind: it needs the rows, not a document.
    step(0.5, '正在生成 Excel 台账');
    return { ...base, bytes: await writeLedgerXlsx(data, reportTitle(data, opts)) };
  }
  const doc = buildReport(data, opts);
  step(0.3, '正在排版');
  switch (req.format) {
    case 'html':
      return { ...base, bytes: Buffer.from(renderReportHtml(doc).html, 'utf8') };
    case 'pdf': {
      if (!deps.printer) throw new AppError('internal', '当前环境无法生成 PDF。请改为导出 Word 文件。');
      step(0.4, '正在生成 PDF');
      return { ...base, bytes: await deps.printer.pdf(renderReportHtml(doc).html, { landscape: doc.landscape }) };
    }
    case 'docx': {
      step(0.4, '正在绘制图表');
      const images = await chartImages(doc, deps);
      step(0.6, '正在生成 Word 文件');
      return { ...base, bytes: await writeDocxBuffer(doc, images) };
    }
    default:
      return assertNever(req.format);
  }
}
