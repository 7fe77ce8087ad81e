// The narrow download route of the loopback host: GET /exports/<export id>, nothing else of the data folder.
import fs from 'node:fs';
import path from 'node:path';
import type { HostRoute } from '../../host/routes';
import { sendText } from '../../host/routes';
import { findExport } from './exports';
import { MIME } from './produce';
import type { ReportFormat } from '../../../shared/report/types';

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const reportDownloadRoute: HostRoute = {
  method: 'GET',
  pattern: /^\/exports\/([0-9a-f-]{36})$/,
  handle(ctx, _req, res, match) {
    const found = findExport(ctx.dataDir, match[1]!);
    if (!found) return sendText(res, 404, '找不到该导出文件,它可能已被清理。请重新导出。');
    const ext = path.extname(found.fileName).slice(1) as ReportFormat;
    res.writeHead(200, {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'Content-Length': found.size,
      'Content-Disposition': contentDisposition(found.fileName),
      'Cache-Control': 'no-store',
      // A downloaded report is never run as a page of this origin.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
    });
    fs.createReadStream(found.path).pipe(res);
  },
};
