// Extra host routes (file upload and download) that domains register beside the JSON API.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../services/context';

export interface HostRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Matched against the URL's pathname. */
  pattern: RegExp;
  handle(ctx: AppContext, req: IncomingMessage, res: ServerResponse, match: RegExpExecArray, url: URL): Promise<void> | void;
}

/** RFC 6266/5987: a plain ASCII fallback and the exact name as UTF-8. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/gu, '_').slice(0, 200) || 'file';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': data.length, 'Cache-Control': 'no-store' });
  res.end(data);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  const data = Buffer.from(text);
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': data.length, 'Cache-Control': 'no-store' });
  res.end(data);
}

/** Reads a request body up to `limit` bytes; past it the request is refused, not buffered. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
