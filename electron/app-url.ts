// Whether a URL is one of the app's own pages. Custom schemes have origin "null" in WHATWG URL, so compare scheme and host.
export function isAppUrl(url: string | undefined, appOrigin: string): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === appOrigin;
  } catch {
    return false;
  }
}
