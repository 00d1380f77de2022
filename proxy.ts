import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { authSecret } from '@/lib/env';

/**
 * Runs before every page and route handler (not static files, see `config`). Two jobs:
 *
 * 1. A Content-Security-Policy with a fresh nonce per request. Next.js reads the nonce from the
 *    request's CSP header and puts it on its own scripts, so pages must render per request
 *    (the root layout makes sure of that). No inline styles are needed in production: the CSS
 *    is one stylesheet from 'self'; `next dev` injects <style> tags, so development allows them.
 *
 * 2. Sending people with no session to the sign-in page. This is a convenience, NEVER the only
 *    guard: every page, route handler and server action checks the user again (lib/auth guards,
 *    authedAction), because a matcher or a refactor can silently leave a path uncovered.
 */

const isDevelopment = process.env.NODE_ENV === 'development';

/** Paths anyone may reach without a session. */
function isPublicPath(pathname: string): boolean {
  return (
    pathname === '/sign-in' ||
    pathname === '/api/health' ||
    pathname === '/api/auth' ||
    pathname.startsWith('/api/auth/')
  );
}

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ''}`,
    `style-src 'self'${isDevelopment ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

async function hasSession(request: NextRequest): Promise<boolean> {
  try {
    return (await getToken({ req: request, secret: authSecret() })) !== null;
  } catch {
    // No usable secret, or a token that cannot be read: the same as no session.
    return false;
  }
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;

  if (!isPublicPath(pathname) && !(await hasSession(request))) {
    if (pathname.startsWith('/api/')) {
      return NextResponse.json({ error: 'Sign in to use this service' }, { status: 401 });
    }
    // A server action posts to the page it is on. Redirected, it would fail with "unexpected
    // response"; let it through instead, and its own check (authedAction) answers with a form
    // state that asks the user to sign in again, keeping what they typed.
    const isServerAction = request.method === 'POST' && request.headers.has('next-action');
    if (!isServerAction) {
      const signIn = new URL('/sign-in', request.url);
      if (pathname !== '/') signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
      // 303 so that a plain form post becomes a GET of the sign-in page.
      return NextResponse.redirect(signIn, request.method === 'GET' || request.method === 'HEAD' ? 307 : 303);
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    // Everything except Next.js's build output, image optimisation and public files.
    '/((?!_next/static|_next/image|favicon\\.ico|robots\\.txt|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|txt|woff2?)$).*)',
  ],
};
