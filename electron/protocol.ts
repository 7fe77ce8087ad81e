// The app:// scheme: serves the built renderer from disk, so the window never loads remote content.
import { protocol, net } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './services/csp';
import type { AppContext } from './services/context';
import { evidenceProtocolResponse } from './services/evidence-routes';
import { exportProtocolResponse } from './services/reports/route';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://fazhi`;

/** Must run before the app is ready. */
export function registerScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer, and stored evidence through the same narrow route the loopback host has. */
export function serveRenderer(ctx: AppContext, rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'fazhi') return new Response('未找到', { status: 404 });
    const served = evidenceProtocolResponse(ctx, url) ?? exportProtocolResponse(ctx, url);
    if (served) return served;
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep)) return new Response('未找到', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}
