// The loopback host's gate: Host/Origin that must be ours, a per-run secret sent as a header, one-time start tickets, signed file links.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The page sends the secret in this header; no cookie is ever set (cookies ignore ports, so any local port would get it). */
export const HEADER = 'x-fazhi-token';
/** Signed file links (evidence previews, downloads) last this long; the page signs a new one before it runs out. */
export const LINK_TTL_MS = 10 * 60 * 1000;

export function newSecret(): string {
  return randomBytes(32).toString('hex');
}

function same(a: string | undefined | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export type GateVerdict = 'ok' | 'bad-host' | 'bad-origin' | 'no-secret';

/** Host must name us (DNS rebinding) and Origin, if sent, must be us (CSRF). */
export function checkOrigin(req: IncomingMessage, port: number): 'ok' | 'bad-host' | 'bad-origin' {
  if (!req.headers.host || !allowedHosts(port).has(req.headers.host)) return 'bad-host';
  const origin = req.headers.origin;
  if (origin !== undefined && !['http://127.0.0.1', 'http://localhost'].some((o) => origin === `${o}:${port}`)) return 'bad-origin';
  return 'ok';
}

/** Host and Origin as above, and the secret in the header. */
export function checkRequest(req: IncomingMessage, port: number, secret: string): GateVerdict {
  const o = checkOrigin(req, port);
  if (o !== 'ok') return o;
  const header = req.headers[HEADER];
  return same(typeof header === 'string' ? header : undefined, secret) ? 'ok' : 'no-secret';
}

/** The HMAC a file link carries: over its path and expiry, keyed by the run's secret. */
export function linkSignature(secret: string, pathname: string, expires: number): string {
  return createHmac('sha256', secret).update(`${pathname}\n${expires}`).digest('hex');
}

/** True for a GET link signed by the page within its lifetime. */
export function checkSignedLink(url: URL, secret: string, now = Date.now()): boolean {
  const exp = Number(url.searchParams.get('exp'));
  if (!Number.isSafeInteger(exp) || exp < now || exp > now + LINK_TTL_MS + 60_000) return false;
  return same(url.searchParams.get('sig'), linkSignature(secret, url.pathname, exp));
}

/** Start tickets: each opens the app once, then is refused, so a URL left in history or a log opens nothing. */
export class Tickets {
  private readonly open = new Set<string>();

  issue(): string {
    const t = randomBytes(24).toString('hex');
    this.open.add(t);
    return t;
  }

  /** Uses the ticket up; false if it was never issued or was used before. */
  redeem(ticket: string | null): boolean {
    if (!ticket) return false;
    for (const t of this.open) {
      if (same(ticket, t)) {
        this.open.delete(t);
        return true;
      }
    }
    return false;
  }
}

/** What may be written to the log about a request: method and path only, never the query (a ticket or signature may be in it). */
export function loggable(req: IncomingMessage): string {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  return `${req.method ?? '?'} ${(q < 0 ? raw : raw.slice(0, q)).slice(0, 200)}`;
}
