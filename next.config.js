// @ts-check
import path from 'node:path';

const root = import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname);

/**
 * Headers for every response, static files included. The Content-Security-Policy is not here:
 * it carries a fresh nonce per request, so proxy.ts sets it.
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Addresses can name records (threat references): never send them to another site.
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  },
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // proxy.ts runs before every route, so Next buffers each request body for it and, past this
    // size (10 MB by default), silently cuts the body short. An import upload may be 10 MB plus
    // the multipart wrapping (app/api/imports/[kind]/route.ts refuses more than 10 MB + 64 KB
    // itself): with room above that, the person sees the import's own "smaller than 10 MB" message.
    proxyClientMaxBodySize: '11mb',
  },
  sassOptions: {
    // MoJ Frontend's Sass loads "node_modules/govuk-frontend/..." so the project root must be a
    // load path; node_modules lets our own Sass say "govuk-frontend/dist/govuk".
    loadPaths: [root, path.join(root, 'node_modules')],
    // GOV.UK and MoJ Frontend warn about their own deprecations; nothing we can act on.
    quietDeps: true,
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
