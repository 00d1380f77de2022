import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getCurrentUser } from '@/lib/auth/session';
import { hasVerb } from '@/lib/auth/policy';

export const dynamic = 'force-dynamic';

/** The example files of docs/examples (invented data), for the imports page's download links. */
const EXAMPLES = new Set(['soc-master-list.csv', 'disruptions.csv']);

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to download examples.', { status: 401, headers: { 'Cache-Control': 'no-store' } });
  const { name } = await params;
  if (!hasVerb(user, 'import:run') || !EXAMPLES.has(name)) return new Response('Page not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const csv = await readFile(path.join(process.cwd(), 'docs', 'examples', name), 'utf8');
  return new Response(csv, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
