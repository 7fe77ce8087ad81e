// The loopback host's gate: a per-run secret (cookie or header), and Host/Origin that must be ours.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const COOKIE = 'fazhi_token';
export const HEADER = 'x-fazhi-token';

export function newSecret(): string {
  return randomBytes(32).toString('hex');
}

function sameSecret(a: string | undefined, secret: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(secret);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export type GateVerdict = 'ok' | 'bad-host' | 'bad-origin' | 'no-secret';

/** Host must name us (DNS rebinding), Origin if sent must be us (CSRF), and the secret must match. */
export function checkRequest(req: IncomingMessage, port: number, secret: string): GateVerdict {
  const hosts = allowedHosts(port);
  if (!req.headers.host || !hosts.has(req.headers.host)) return 'bad-host';
  const origin = req.headers.origin;
  if (origin !== undefined && !['http://127.0.0.1', 'http://localhost'].some((o) => origin === `${o}:${port}`)) return 'bad-origin';
  const header = req.headers[HEADER];
  if (sameSecret(typeof header === 'string' ? header : undefined, secret)) return 'ok';
  if (sameSecret(cookieValue(req, COOKIE), secret)) return 'ok';
  return 'no-secret';
}

export function secretFromQuery(url: URL, secret: string): boolean {
  return sameSecret(url.searchParams.get('token') ?? undefined, secret);
}
