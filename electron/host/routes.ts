// Extra host routes (file upload and download) that domains register beside the JSON API.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../services/context';

export interface HostRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Matched against the URL's pathname. */
  pattern: RegExp;
  handle(ctx: AppContext, req: IncomingMessage, res: ServerResponse, match: RegExpExecArray, url: URL): Promise<void> | void;
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
