/**
 * Cross-site request forgery guard for route handlers that accept POST (server actions have
 * Next.js's own check). A browser sends an Origin header with every POST made by fetch or a form;
 * the request is accepted only when it names this host, as the browser addressed it (the Host
 * header, or X-Forwarded-Host behind a proxy). A missing or unreadable Origin is refused: our own
 * pages always send one. Pure: it reads headers only.
 */
export function isSameOrigin(headers: Pick<Headers, 'get'>): boolean {
  const origin = headers.get('origin');
  if (!origin || origin === 'null') return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  return Boolean(host) && originHost.toLowerCase() === host!.toLowerCase();
}
