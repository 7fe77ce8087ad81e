// A download link to a host file route, signed so it works without the secret header (links cannot send one).
import type { AnchorHTMLAttributes } from 'react';
import { useSignedUrl } from '../api/useSignedUrl';

export function SignedLink({ path, children, ...rest }: { path: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const href = useSignedUrl(path);
  return (
    <a {...rest} href={href ?? undefined} aria-disabled={href === null}>
      {children}
    </a>
  );
}
