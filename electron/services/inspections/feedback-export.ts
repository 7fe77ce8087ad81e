// Produces the feedback document (督察反馈意见) as .docx (the reports' GB/T 9704 writer) or .pdf (the reports' printer).
import type { Db } from '../../../db/open';
import { blobPath, evidenceKey, readBlob } from '../../../db/evidence-store/index';
import { reviewDetail } from '../../../db/queries/inspections/index';
import { AppError } from '../../../shared/errors';
import { localIsoDate } from '../../../shared/periods';
import { buildFeedback, feedbackTitle, type FeedbackInput, type FeedbackPhoto } from '../../../shared/inspections/feedback';
import { renderReportHtml } from '../../../shared/report/html';
import { writeDocxBuffer } from '../reports/docx';
import type { ReportPrinter } from '../reports/printer';
import { imageSize } from './image-size';

export const FEEDBACK_FORMATS = ['docx', 'pdf'] as const;
export type FeedbackFormat = (typeof FEEDBACK_FORMATS)[number];

/** Photos larger than this are listed by name rather than embedded, so one document stays mailable. */
const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

async function feedbackInput(db: Db, dataDir: string, reviewId: string): Promise<FeedbackInput> {
  const review = reviewDetail(db, reviewId);
  const planTitle = review.scope.planId ? ((db.prepare('SELECT title FROM plans WHERE id = ?').pluck().get(review.scope.planId) as string | undefined) ?? null) : null;
  const names = (table: string, col: string, ids: string[]) =>
    ids.length ? (db.prepare(`SELECT ${col} FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(ids)) as string[]) : [];
  const photos: FeedbackPhoto[] = [];
  const otherFiles: string[] = [];
  for (const item of review.items) {
    for (const f of item.inspectorFiles) {
      const mime = f.mime === 'image/png' || f.mime === 'image/jpeg' ? f.mime : null;
      const bytes = mime && f.size <= MAX_PHOTO_BYTES ? await readBlob(blobPath(dataDir, f.sha256), evidenceKey(dataDir)).catch(() => null) : null;
      const size = bytes ? imageSize(bytes) : null;
      if (mime && bytes && size) photos.push({ caption: `${item.number} ${item.title}:${f.name}`, mime, base64: bytes.toString('base64'), ...size });
      else otherFiles.push(`${item.number} ${f.name}`);
    }
  }
  return { review, planTitle, sectionNames: names('sections', 'heading', review.scope.sectionIds), departmentNames: names('departments', 'name', review.scope.departmentIds), photos, otherFiles, today: localIsoDate(new Date()) };
}

export function feedbackFileName(review: { name: string; revision: number }, format: FeedbackFormat): string {
  return `${feedbackTitle(review)}${review.revision > 1 ? `(第${review.revision}版)` : ''}.${format}`.replace(/[\\/:*?"<>|]/g, '_');
}

export async function produceFeedback(db: Db, dataDir: string, reviewId: string, format: FeedbackFormat, printer?: ReportPrinter): Promise<{ bytes: Buffer; fileName: string }> {
  const input = await feedbackInput(db, dataDir, reviewId);
  const doc = buildFeedback(input);
  const fileName = feedbackFileName(input.review, format);
  if (format === 'docx') return { bytes: await writeDocxBuffer(doc), fileName };
  if (!printer) throw new AppError('internal', '当前环境无法生成 PDF。请改为导出 Word 文件。');
  return { bytes: await printer.pdf(renderReportHtml(doc).html, { landscape: false }), fileName };
}
