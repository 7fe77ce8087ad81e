// The loopback host: the same services and built renderer as the Electron app, over HTTP on 127.0.0.1.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../services/context';
import { openContext } from '../services/backup';
import { dispatch } from '../services/dispatch';
import { handlers } from '../services/handlers/index';
import { hostRoutes } from '../services/host-routes';
import { checkRequest, COOKIE, newSecret, secretFromQuery } from './security';
import { readBody, sendJson, sendText } from './routes';
import { CONTENT_SECURITY_POLICY } from '../services/csp';

export interface HostOptions {
  dataDir: string;
  rendererDir: string;
  port?: number;
}

export interface RunningHost {
  origin: string;
  /** Opening this sets the secret cookie and lands on the app. */
  url: string;
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

function serveStatic(rendererDir: string, pathname: string, res: http.ServerResponse): void {
  const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = path.resolve(rendererDir, rel);
  if (!file.startsWith(path.resolve(rendererDir) + path.sep)) return sendText(res, 404, '未找到');
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) return sendText(res, 404, '未找到');
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', 'Content-Length': st.size, 'Cache-Control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const ctx = await openContext(opts.dataDir);
  const secret = newSecret();
  let port = 0;

  const server = http.createServer((req, res) => {
    void (async () => {
      securityHeaders(res);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const verdict = checkRequest(req, port, secret);
      if (verdict === 'bad-host' || verdict === 'bad-origin') return sendText(res, 403, '拒绝访问:请求来源不是本机的法治台账。');
      if (verdict === 'no-secret') {
        if (req.method === 'GET' && url.pathname === '/' && secretFromQuery(url, secret)) {
          res.writeHead(303, { 'Set-Cookie': `${COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`, Location: '/' });
          return res.end();
        }
        return sendText(res, 401, '未授权:请使用法治台账启动时显示的完整地址打开。');
      }
      const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
      if (api) {
        if (req.method !== 'POST') return sendText(res, 405, '仅支持 POST');
        let args: unknown;
        try {
          const body = await readBody(req, API_BODY_LIMIT);
          args = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'validation', message: '请求内容不是有效的数据,或超过大小限制。请重试。' } });
        }
        return sendJson(res, 200, await dispatch(ctx, handlers, api[1]!, args));
      }
      for (const route of hostRoutes) {
        const m = route.method === req.method ? route.pattern.exec(url.pathname) : null;
        if (m) return await route.handle(ctx, req, res, m, url);
      }
      if (req.method !== 'GET') return sendText(res, 405, '不支持的请求');
      return serveStatic(opts.rendererDir, url.pathname, res);
    })().catch((e: unknown) => {
      ctx.log.error(`host ${req.method} ${req.url}`, e);
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
    url: `${origin}/?token=${secret}`,
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
