// The loopback host: the same services and built renderer as the Electron app, over HTTP on 127.0.0.1.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../services/context';
import { openContext } from '../services/backup';
import { watchIdle } from '../services/store-lock';
import { dispatch } from '../services/dispatch';
import { handlers } from '../services/handlers/index';
import { hostRoutes } from '../services/host-routes';
import { checkOrigin, checkRequest, checkSignedLink, loggable, newSecret, Tickets } from './security';
import { readBody, sendJson, sendText } from './routes';
import { CONTENT_SECURITY_POLICY } from '../services/csp';

export interface HostOptions {
  dataDir: string;
  rendererDir: string;
  port?: number;
}

export interface RunningHost {
  origin: string;
  /** A fresh start address: it opens the app once (handing the page its secret), then is refused. */
  openUrl(): string;
  secret: string;
  ctx: AppContext;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const API_BODY_LIMIT = 80 * 1024 * 1024;

function securityHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

/** Page paths that get the app's index.html. */
const PAGE = /^\/(index\.html)?$/;

function serveStatic(rendererDir: string, pathname: string, res: http.ServerResponse): void {
  const rel = PAGE.test(pathname) ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(rendererDir, rel);
  if (!file.startsWith(path.resolve(rendererDir) + path.sep)) return sendText(res, 404, '未找到');
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) return sendText(res, 404, '未找到');
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', 'Content-Length': st.size, 'Cache-Control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
}

/** index.html with the run's secret in a meta tag the page reads once and removes; never cached. */
function serveWithSecret(rendererDir: string, secret: string, res: http.ServerResponse): void {
  let html: string;
  try {
    html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  } catch {
    return sendText(res, 404, '未找到');
  }
  const meta = `<meta name="fazhi-secret" content="${secret}">`;
  const body = Buffer.from(/<head>/i.test(html) ? html.replace(/<head>/i, `<head>${meta}`) : html.replace(/^(<!doctype[^>]*>)?/i, `$1${meta}`));
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.end(body);
}

class TooLarge extends Error {}

function readApiBody(req: http.IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > API_BODY_LIMIT) return Promise.reject(new TooLarge());
  return readBody(req, API_BODY_LIMIT).catch((e: unknown) => {
    throw e instanceof Error && e.message === 'body too large' ? new TooLarge() : e;
  });
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const ctx = await openContext(opts.dataDir);
  watchIdle(ctx);
  const secret = newSecret();
  let port = 0;

  const tickets = new Tickets();
  const server = http.createServer((req, res) => {
    void (async () => {
      securityHeaders(res);
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://127.0.0.1');
        decodeURIComponent(url.pathname);
      } catch {
        return sendText(res, 400, '请求地址格式不正确。');
      }
      const origin = checkOrigin(req, port);
      if (origin !== 'ok') return sendText(res, 403, '拒绝访问:请求来源不是本机的法治台账。');
      const hasSecret = checkRequest(req, port, secret) === 'ok';
      if (req.method === 'GET' && PAGE.test(url.pathname) && url.searchParams.has('token')) {
        if (!tickets.redeem(url.searchParams.get('token'))) {
          return sendText(res, 401, '该启动地址已使用过或无效。请使用法治台账本次启动时显示的地址,或重新启动程序。');
        }
        return serveWithSecret(opts.rendererDir, secret, res);
      }
      const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
      if (api) {
        if (!hasSecret) return sendText(res, 401, '未授权:请使用法治台账启动时显示的完整地址打开。');
        if (req.method !== 'POST') return sendText(res, 405, '仅支持 POST');
        let args: unknown;
        try {
          const body = await readApiBody(req);
          args = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch (e) {
          if (e instanceof TooLarge) {
            res.setHeader('Connection', 'close');
            return sendJson(res, 413, { ok: false, error: { code: 'too_large', message: '提交的内容超过大小限制。请减小文件或分批提交。' } });
          }
          return sendJson(res, 400, { ok: false, error: { code: 'validation', message: '请求内容不是有效的数据。请重试。' } });
        }
        return sendJson(res, 200, await dispatch(ctx, handlers, api[1]!, args));
      }
      for (const route of hostRoutes) {
        const m = route.method === req.method ? route.pattern.exec(url.pathname) : null;
        if (!m) continue;
        // Files are opened by links (previews, downloads) that cannot carry a header: those carry a short-lived signature.
        if (!hasSecret && !(req.method === 'GET' && checkSignedLink(url, secret))) {
          return sendText(res, 401, '链接已过期或无效。请回到法治台账重新打开该文件。');
        }
        return await route.handle(ctx, req, res, m, url);
      }
      if (req.method !== 'GET') return sendText(res, 405, '不支持的请求');
      // The app's code is not secret; the data behind /api and the file routes is.
      return serveStatic(opts.rendererDir, decodeURIComponent(url.pathname), res);
    })().catch((e: unknown) => {
      // The query string may carry a ticket or a link signature: only method and path go to the log.
      ctx.log.error(`host ${loggable(req)}`, e);
      if (!res.headersSent) sendText(res, 500, '程序内部出错,请重试;如仍出错,请联系管理员并提供日志。');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    openUrl: () => `${origin}/?token=${tickets.issue()}`,
    secret,
    ctx,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          ctx.close();
          resolve();
        });
      }),
  };
}
