const probeOrigin = 'http://quadrant.invalid';

/**
 * Where to send someone after sign-in: only a path on this site, never another site (an open
 * redirect would let a phishing link borrow Quadrant's address). Anything else, and the sign-in
 * page itself, gives `fallback`.
 */
export function safeCallbackUrl(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(value, probeOrigin);
  } catch {
    return fallback;
  }
  // The parser drops tabs and newlines and reads backslashes as slashes: "/\t/evil.example"
  // becomes "//evil.example". Whatever it made of the value must still be on this site.
  if (url.origin !== probeOrigin) return fallback;
  if (url.pathname === '/sign-in' || url.pathname.startsWith('/api/auth')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
