import type { NextRequest } from 'next/server';
import { getCurrentUser } from '@/lib/auth/session';
import { hasVerb } from '@/lib/auth/policy';
import { exportThreatsCsv, threatsExportFilename } from '@/lib/services/exports';
import { threatRegisterQuerySchema } from '@/lib/validation/threat-register';

// Every download reads the register afresh and is audited: never cached, never prerendered.
export const dynamic = 'force-dynamic';

/**
 * The threats register as CSV, with the same query string as /threats (filters and sort; the
 * page is ignored: every matching threat within the user's scope). Co-ordinators only
 * (export:create); anyone else gets a 404, as for a page they may not see.
 */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to download exports.', { status: 401, headers: { 'Cache-Control': 'no-store' } });
  if (!hasVerb(user, 'export:create')) return new Response('Page not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });

  const params: Record<string, string[]> = {};
  for (const [key, value] of request.nextUrl.searchParams) (params[key] ??= []).push(value);
  const query = threatRegisterQuerySchema.parse(params);
  const now = new Date();
  const { csv } = await exportThreatsCsv(user, query, now);
  return new Response(csv, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${threatsExportFilename(now)}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
