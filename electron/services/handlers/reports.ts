// Handlers of the report calls: the preview's HTML, and exports run as jobs that write atomically.
import path from 'node:path';
import fs from 'node:fs';
import type { Handlers } from '../dispatch';
import { startJob, throwIfCancelled } from '../jobs';
import { AppError } from '../../../shared/errors';
import { buildReport } from '../../../shared/report/model';
import { renderReportHtml } from '../../../shared/report/html';
import type { ExportDone } from '../../../shared/api/reports';
import { produceReport, reportData, type ReportRequest } from '../reports/produce';
import { draftForExport } from '../reports/drafts';
import type { Db } from '../../../db/open';
import { chromiumPrinter, type ReportPrinter } from '../reports/printer';
import { writeFileAtomic } from '../reports/atomic';
import { newExport, sweepExports } from '../reports/exports';
import { revealExport, saveExport } from '../reports/saved-exports';

/**
 * One printer for the process, kept while exports keep coming (Chromium takes seconds to start on an old PC);
 * the shell may supply its own (Electron: webContents.printToPDF).
 */
let printer: ReportPrinter | null = null;
let printerFactory: () => ReportPrinter = () => chromiumPrinter();

export function sharedPrinter(): ReportPrinter {
  printer ??= printerFactory();
  return printer;
}

export function setReportPrinterFactory(f: () => ReportPrinter): void {
  printerFactory = f;
  void printer?.close();
  printer = null;
}

/** A request naming a draft takes the draft's period, scope, header and edited text. */
function withDraft<T extends Omit<ReportRequest, 'format'> & { draftId?: string | undefined }>(db: Db, r: T): T {
  if (!r.draftId) return r;
  const d = draftForExport(db, r.draftId);
  return { ...r, ...d.request, header: d.header, blocks: d.blocks };
}

export const reportHandlers: Pick<Handlers, 'reports.preview' | 'reports.export' | 'reports.save' | 'reports.reveal'> = {
  'reports.save': (ctx, a) => saveExport(ctx.dataDir, a.exportId),
  'reports.reveal': (_ctx, a) => revealExport(a.exportId, a.how),
  'reports.preview': (ctx, req) => {
    const a = withDraft(ctx.db, req);
    const data = reportData(ctx.db, a);
    const doc = buildReport(data, a);
    const r = renderReportHtml(doc);
    return { title: r.title, html: r.html, css: r.css, body: r.body, figures: doc.figures, periodLabel: data.period.label, asOf: data.asOf };
  },
  'reports.export': (ctx, req) => {
    const a = withDraft(ctx.db, req);
    // Check the request before the job starts so that a bad period or an empty scope is an immediate message.
    const data = reportData(ctx.db, a);
    sweepExports(ctx.dataDir);
    return startJob(
      'report.export',
      async (c): Promise<ExportDone> => {
        const produced = await produceReport(ctx.db, a, {
          data,
          printer: a.format === 'pdf' ? sharedPrinter() : undefined,
          step: (p, caption) => {
            throwIfCancelled(c.signal);
            c.report(p, caption);
          },
          warn: (m, e) => ctx.log.error(m, e),
        });
        throwIfCancelled(c.signal);
        c.report(0.9, '正在保存文件');
        const target = newExport(ctx.dataDir, produced.fileName);
        try {
          await writeFileAtomic(target.path, produced.bytes);
        } catch (e) {
          fs.rmSync(path.dirname(target.path), { recursive: true, force: true });
          throw new AppError('internal', '报告文件未能保存,原有文件未受影响。请检查磁盘空间或保存位置后重试。', e instanceof Error ? e.message : String(e));
        }
        return {
          exportId: target.exportId,
          fileName: path.basename(target.path),
          format: a.format,
          size: produced.bytes.length,
          downloadUrl: `/exports/${target.exportId}`,
          path: target.path,
        };
      },
      (e) => ctx.log.error('report export', e),
    );
  },
};
