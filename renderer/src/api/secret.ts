// The loopback host's per-run secret: taken once from the start page, kept for this tab only, sent as a header, used to sign file links.
const KEY = 'fazhi.secret';
export const SECRET_HEADER = 'x-fazhi-token';
/** Matches the host's LINK_TTL_MS less a margin: a link is re-signed before the host would refuse it. */
export const LINK_TTL_MS = 8 * 60 * 1000;

let cached: string | null | undefined;

/**
 * The secret, or null (Electron, or a tab opened without the start address). On the first call the meta tag the host
 * put into the start page is read and removed, and the one-time token leaves the address bar and the history entry.
 */
export function hostSecret(): string | null {
  if (cached !== undefined) return cached;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="fazhi-secret"]');
  if (meta) {
    try {
      sessionStorage.setItem(KEY, meta.content);
    } catch {
      // Without storage the secret lasts until the page is reloaded.
    }
    cached = meta.content;
    meta.remove();
  } else {
    try {
      cached = sessionStorage.getItem(KEY);
    } catch {
      cached = null;
    }
  }
  const url = new URL(window.location.href);
  if (url.searchParams.has('token')) {
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  return cached;
}

function hex(buf: ArrayBuffer): string {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** `path` with an expiry and an HMAC over both, which the host accepts instead of the header (links cannot send headers). */
export async function signPath(path: string, now = Date.now()): Promise<string> {
  const secret = hostSecret();
  if (!secret) return path;
  const url = new URL(path, window.location.origin);
  const exp = now + LINK_TTL_MS;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sig = hex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${url.pathname}\n${exp}`)));
  url.searchParams.set('exp', String(exp));
  url.searchParams.set('sig', sig);
  return `${url.pathname}${url.search}`;
}
