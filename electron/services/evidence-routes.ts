// Host routes of the evidence store: a streamed upload, and stored files served only by a known hash.
import { validationMessage } from './dispatch';
import { Readable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostRoute } from '../host/routes';
import { contentDisposition, sendJson } from '../host/routes';
import type { AppContext } from './context';
import { currentUser } from './context';
import { requireAccess } from './access';
import { AppError, toErrorData, type ErrorCode } from '../../shared/errors';
import { uploadParams } from '../../shared/api/evidence';
import { requireOwnMeasure } from '../../db/queries/clerk-scope';
import { attachStream, blobChunks, blobPath, blobSize, evidenceKey, isSha256, maxEvidenceBytes, servedType, tooLarge, cleanName } from '../../db/evidence-store/index';
import type { DataKey } from '../../db/evidence-store/data-key';
import { servedFile } from '../../db/queries/evidence';

const STATUS: Partial<Record<ErrorCode, number>> = { validation: 400, not_found: 404, forbidden: 403, too_large: 413, cancelled: 400, unreadable_file: 400, conflict: 409 };

/** Answers before the body is read: the connection closes so the rest of the body is never taken in. */
function refuse(res: ServerResponse, e: unknown): void {
  if (res.headersSent) return void res.destroy();
  res.setHeader('Connection', 'close');
  const error = toErrorData(e);
  sendJson(res, STATUS[error.code] ?? 500, { ok: false, error });
}

async function upload(ctx: AppContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const raw: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (k !== 'token' && v !== '') raw[k] = v;
  const parsed = uploadParams.safeParse(raw);
  if (!parsed.success) return refuse(res, new AppError('validation', validationMessage(parsed.error.issues, '上传参数')));
  const p = parsed.data;
  let userId: string;
  try {
    // An upload is the browser host's way of attaching: the same roles as evidence.attachPaths.
    // Inspectors upload their on-site photos the same way (then linked to the review as theirs).
    // Replacing a file is a clerk's change to the record: inspectors may not.
    if (currentUser(ctx).role === 'inspector' && !p.replaces) requireAccess(ctx, 'reviews.linkFiles');
    else requireAccess(ctx, 'evidence.attachPaths');
    requireOwnMeasure(ctx.db, currentUser(ctx), p.measureId);
    userId = currentUser(ctx).id;
  } catch (e) {
    return refuse(res, e);
  }
  const lengthHeader = req.headers['content-length'];
  const expectedSize = lengthHeader !== undefined && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
  const max = maxEvidenceBytes();
  if (expectedSize !== undefined && expectedSize > max) return refuse(res, tooLarge(cleanName(p.name), expectedSize, max));
  const abort = new AbortController();
  req.on('close', () => {
    if (!req.complete) abort.abort();
  });
  try {
    const value = await attachStream(
      ctx.db,
      ctx.dataDir,
      { measureId: p.measureId, periodId: p.periodId, userId, maxBytes: max, signal: abort.signal, expectedSize, replaces: p.replaces },
      req,
      { name: p.name, description: p.description, docNumber: p.docNumber, docDate: p.docDate },
    );
    ctx.log.info(`evidence upload ${value.items[0]?.sha256 ?? '(duplicate)'} to ${p.measureId} by ${userId}`);
    sendJson(res, 200, { ok: true, value });
  } catch (e) {
    if (!(e instanceof AppError) || e.detail) ctx.log.error('evidence upload', e);
    if (!req.complete) req.resume();
    refuse(res, e);
  }
}

const NO_FILE = '未找到该文件。';

function notFound(res: ServerResponse, message = NO_FILE): void {
  sendJson(res, 404, { ok: false, error: { code: 'not_found', message } });
}

type Served = { ok: true; file: string; dk: DataKey | null; headers: Record<string, string> } | { ok: false; message: string };

/** What serving a hash means, whatever the transport: the file and its headers, or why not (always a 404). */
function resolveServed(ctx: AppContext, sha256: string, download: boolean): Served {
  if (!isSha256(sha256)) return { ok: false, message: NO_FILE };
  const meta = servedFile(ctx.db, sha256);
  if (!meta) return { ok: false, message: NO_FILE };
  const file = blobPath(ctx.dataDir, sha256);
  // In an encrypted store the file is decrypted as it is sent: the length is the plaintext's, known from the size on disk.
  const dk = evidenceKey(ctx.dataDir);
  let size: number | null;
  try {
    size = blobSize(file, dk);
  } catch {
    return { ok: false, message: `文件“${meta.name}”在存储中已损坏。请在“佐证材料”中运行完整性检查。` };
  }
  if (size === null) return { ok: false, message: `文件“${meta.name}”在存储中缺失。请在“佐证材料”中运行完整性检查。` };
  const served = servedType(meta.mime);
  return {
    ok: true,
    file,
    dk,
    headers: {
      'Content-Type': served.contentType,
      'Content-Length': String(size),
      'Content-Disposition': contentDisposition(download || !served.inline ? 'attachment' : 'inline', meta.name),
      'Cache-Control': 'private, no-cache',
      ETag: `"${sha256}"`,
      'X-Content-Type-Options': 'nosniff',
      // A stored file is data, never a page of ours: nothing in it may run.
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  };
}

function serveFile(ctx: AppContext, req: IncomingMessage, res: ServerResponse, sha256: string, url: URL): void {
  const r = resolveServed(ctx, sha256, url.searchParams.get('download') === '1');
  if (!r.ok) return notFound(res, r.message);
  if (req.headers['if-none-match'] === r.headers.ETag) {
    res.writeHead(304, { ETag: r.headers.ETag });
    return void res.end();
  }
  res.writeHead(200, r.headers);
  const stream = Readable.from(blobChunks(r.file, r.dk));
  // A chunk that fails authentication ends the response short, so the browser never takes altered bytes as whole.
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * The same narrow route for Electron's app:// protocol handler: `/evidence/file/<sha256>` only,
 * anything else a 404. Returns null for paths outside /evidence/ so the caller serves the renderer.
 */
export function evidenceProtocolResponse(ctx: AppContext, url: URL): Response | null {
  if (!/^\/evidence(\/|$)/.test(url.pathname)) return null;
  const m = /^\/evidence\/file\/([0-9a-f]{64})$/.exec(url.pathname);
  const r = m ? resolveServed(ctx, m[1]!, url.searchParams.get('download') === '1') : ({ ok: false, message: NO_FILE } as const);
  if (!r.ok) {
    return new Response(JSON.stringify({ ok: false, error: { code: 'not_found', message: r.message } }), {
      status: 404,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
  }
  return new Response(Readable.toWeb(Readable.from(blobChunks(r.file, r.dk))) as ReadableStream, { status: 200, headers: r.headers });
}

export const evidenceRoutes: HostRoute[] = [
  { method: 'PUT', pattern: /^\/evidence\/upload$/, handle: (ctx, req, res, _m, url) => upload(ctx, req, res, url) },
  { method: 'GET', pattern: /^\/evidence\/file\/([0-9a-f]{64})$/, handle: (ctx, req, res, m, url) => serveFile(ctx, req, res, m[1]!, url) },
  // Anything else under /evidence/ (other names, traversal, encoded tricks) is refused here, never left to the static files.
  { method: 'GET', pattern: /^\/evidence(\/|$)/, handle: (_ctx, _req, res) => notFound(res) },
  ...(['PUT', 'POST', 'DELETE'] as const).map(
    (method): HostRoute => ({ method, pattern: /^\/evidence(\/|$)/, handle: (_ctx, _req, res) => refuse(res, new AppError('not_found', '未找到该地址。')) }),
  ),
];
