// Handlers of the inspection calls: reviews and verdicts as the current user, the feedback export as a job, rectification tasks.
import path from 'node:path';
import fs from 'node:fs';
import type { Handlers } from '../dispatch';
import { currentUser } from '../context';
import { startJob, throwIfCancelled } from '../jobs';
import { AppError } from '../../../shared/errors';
import type { FeedbackExportDone } from '../../../shared/api/inspections';
import {
  closeRectification,
  createReview,
  linkInspectorFiles,
  listRectifications,
  listReviews,
  rectificationCounts,
  respondRectification,
  reviewDetail,
  reviewItem,
  reviseReview,
  setVerdict,
  signReview,
  unlinkInspectorFile,
  verifyReview,
} from '../../../db/queries/inspections/index';
import { produceFeedback } from '../inspections/feedback-export';
import { sharedPrinter } from './reports';
import { writeFileAtomic } from '../reports/atomic';
import { newExport, sweepExports } from '../reports/exports';
import { requireOwnMeasure } from '../../../db/queries/clerk-scope';

type Names =
  | 'reviews.list'
  | 'reviews.create'
  | 'reviews.get'
  | 'reviews.verdict'
  | 'reviews.linkFiles'
  | 'reviews.unlinkFile'
  | 'reviews.sign'
  | 'reviews.verify'
  | 'reviews.revise'
  | 'reviews.export'
  | 'rectifications.list'
  | 'rectifications.counts'
  | 'rectifications.respond'
  | 'rectifications.close';

function measureOf(id: string): string {
  return id.slice(id.indexOf('|') + 1);
}

export const inspectionHandlers: Pick<Handlers, Names> = {
  'reviews.list': (ctx) => listReviews(ctx.db),
  'reviews.create': (ctx, a) => createReview(ctx.db, a, currentUser(ctx).id),
  'reviews.get': (ctx, a) => reviewDetail(ctx.db, a.reviewId),
  'reviews.verdict': (ctx, a) => {
    setVerdict(ctx.db, a, currentUser(ctx).id);
    return reviewItem(ctx.db, a.reviewId, a.measureId);
  },
  'reviews.linkFiles': (ctx, a) => {
    linkInspectorFiles(ctx.db, a, currentUser(ctx).id);
    return reviewItem(ctx.db, a.reviewId, a.measureId);
  },
  'reviews.unlinkFile': (ctx, a) => {
    unlinkInspectorFile(ctx.db, a, currentUser(ctx).id);
    return reviewItem(ctx.db, a.reviewId, a.measureId);
  },
  'reviews.sign': (ctx, a) => {
    const u = currentUser(ctx);
    return signReview(ctx.db, a.reviewId, { id: u.id, name: u.name });
  },
  'reviews.verify': (ctx, a) => verifyReview(ctx.db, ctx.dataDir, a.reviewId),
  'reviews.revise': (ctx, a) => reviseReview(ctx.db, a.reviewId, currentUser(ctx).id),
  'reviews.export': (ctx, a) => {
    reviewDetail(ctx.db, a.reviewId);
    sweepExports(ctx.dataDir);
    return startJob(
      'review.export',
      async (c): Promise<FeedbackExportDone> => {
        c.report(0.1, '正在生成督察反馈意见');
        // The reports' printer: headless Chromium here, printToPDF in Electron.
        const produced = await produceFeedback(ctx.db, ctx.dataDir, a.reviewId, a.format, a.format === 'pdf' ? sharedPrinter() : undefined);
        throwIfCancelled(c.signal);
        c.report(0.9, '正在保存文件');
        const target = newExport(ctx.dataDir, produced.fileName);
        try {
          await writeFileAtomic(target.path, produced.bytes);
        } catch (e) {
          fs.rmSync(path.dirname(target.path), { recursive: true, force: true });
          throw new AppError('internal', '反馈意见文件未能保存。请检查磁盘空间后重试。', e instanceof Error ? e.message : String(e));
        }
        return { exportId: target.exportId, fileName: path.basename(target.path), format: a.format, size: produced.bytes.length, downloadUrl: `/exports/${target.exportId}`, path: target.path };
      },
      (e) => ctx.log.error('review export', e),
    );
  },
  'rectifications.list': (ctx, a) => listRectifications(ctx.db, a),
  'rectifications.counts': (ctx) => rectificationCounts(ctx.db),
  'rectifications.respond': (ctx, a) => {
    const user = currentUser(ctx);
    // A department answers for its own measures, as it records their progress (when the store limits clerks so).
    requireOwnMeasure(ctx.db, user, measureOf(a.id));
    respondRectification(ctx.db, a, user.id);
    return listRectifications(ctx.db, { measureId: measureOf(a.id) });
  },
  'rectifications.close': (ctx, a) => {
    closeRectification(ctx.db, a.id, currentUser(ctx));
    return listRectifications(ctx.db, { measureId: measureOf(a.id) });
  },
};
