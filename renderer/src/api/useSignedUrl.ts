// A file link for an <a href> or <iframe src>: signed for the loopback host and re-signed before it expires.
import { useEffect, useState } from 'react';
import { hostSecret, LINK_TTL_MS, signPath } from './secret';

/** The signed form of `path`; the plain path in Electron (app:// needs no signature), null while signing. */
export function useSignedUrl(path: string): string | null {
  const [url, setUrl] = useState<string | null>(() => (hostSecret() ? null : path));
  useEffect(() => {
    if (!hostSecret()) {
      setUrl(path);
      return;
    }
    let live = true;
    const sign = () => {
      void signPath(path).then((u) => {
        if (live) setUrl(u);
      });
    };
    sign();
    const timer = setInterval(sign, LINK_TTL_MS / 2);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [path]);
  return url;
}
