import type { ExportFile } from '@/lib/services/exports';

// What every download route answers: the file as an attachment that no one caches, or the same
// refusals as a page (401 without a session, 404 for what the user may not see or make).

const noStore = { 'Cache-Control': 'no-store' };

export function fileResponse(file: ExportFile): Response {
  const body = typeof file.body === 'string' ? file.body : new Blob([new Uint8Array(file.body)]);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export const signInResponse = () => new Response('Sign in to download exports.', { status: 401, headers: noStore });

export const notFoundResponse = () => new Response('Page not found', { status: 404, headers: noStore });
