// The narrow download route of the loopback host: GET /exports/<export id>, nothing else of the data folder.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { AppContext } from '../context';
import path from 'node:path';
import type { HostRoute } from '../../host/routes';
import { contentDisposition, sendText } from '../../host/routes';
import { findExport } from './exports';
import { MIME } from './produce';
import type { ReportFormat } from '../../../shared/report/types';

const EXPORT_PATH = /^\/exports\/([0-9a-f-]{36})$/;
const NOT_FOUND = '找不到该导出文件,它可能已被清理。请重新导出。';

function downloadHeaders(found: { fileName: string; size: number }): Record<string, string> {
  const ext = path.extname(found.fileName).slice(1) as ReportFormat;
  return {
    'Content-Type': MIME[ext] ?? 'application/octet-stream',
    'Content-Length': String(found.size),
    'Content-Disposition': contentDisposition('attachment', found.fileName),
    'Cache-Control': 'no-store',
    // A downloaded report is never run as a page of this origin.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
  };
}

export const reportDownloadRoute: HostRoute = {
  method: 'GET',
  pattern: EXPORT_PATH,
  handle(ctx, _req, res, match) {
    const found = findExport(ctx.dataDir, match[1]!);
    if (!found) return sendText(res, 404, NOT_FOUND);
    res.writeHead(200, downloadHeaders(found));
    fs.createReadStream(found.path).pipe(res);
  },
};

/** The same route for Electron's app:// protocol (Electron turns the attachment into a save dialog); null for other paths. */
export function exportProtocolResponse(ctx: AppContext, url: URL): Response | null {
  if (!url.pathname.startsWith('/exports/')) return null;
  const m = EXPORT_PATH.exec(url.pathname);
  const found = m ? findExport(ctx.dataDir, m[1]!) : null;
  if (!found) return new Response(NOT_FOUND, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(Readable.toWeb(fs.createReadStream(found.path)) as ReadableStream, { status: 200, headers: downloadHeaders(found) });
}
