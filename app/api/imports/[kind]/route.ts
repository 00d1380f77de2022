import { getCurrentUser } from '@/lib/auth/session';
import { hasVerb } from '@/lib/auth/policy';
import { isSameOrigin } from '@/lib/auth/same-origin';
import { isImportKind, MAX_IMPORT_BYTES, type ImportEvent } from '@/lib/domain/imports/types';
import { AppError } from '@/lib/errors';
import { fileTooLarge, runImport } from '@/lib/services/imports';

// Reads the user and the database on every request: never cached, never prerendered.
export const dynamic = 'force-dynamic';

const NOT_FOUND = () => new Response('Page not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
const problem = (status: number, message: string) =>
  new Response(`${JSON.stringify({ type: 'error', message } satisfies ImportEvent)}\n`, { status, headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * Preview or commit an import file (issue 6, "Imports"; docs/imports.md): a multipart form with
 * `file` and `mode` (preview or commit). The answer is a stream of JSON lines (NDJSON): progress
 * events `{type:'progress', phase, done, total}` while the file is read, checked and written, then
 * `{type:'result', result}` or `{type:'error', message}`. Co-ordinators and admins (import:run);
 * anyone else gets a 404, as for a page they may not see. The service checks every row against
 * the user's scope. POST from another site is refused (the Origin must be this host).
 */
export async function POST(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  if (!isSameOrigin(request.headers)) return problem(403, 'This request did not come from Quadrant.');
  const user = await getCurrentUser();
  if (!user) return problem(401, 'Your session has ended. Sign in again.');
  const { kind } = await params;
  if (!hasVerb(user, 'import:run') || !isImportKind(kind)) return NOT_FOUND();

  // The body is the file and a few form fields: anything much larger than the file limit is refused unread.
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > MAX_IMPORT_BYTES + 64 * 1024) return problem(413, fileTooLarge().message);

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return problem(400, 'Choose a CSV file to import.');
  }
  const file = form.get('file');
  const mode = form.get('mode');
  if (!(file instanceof File) || file.size === 0) return problem(400, file instanceof File ? 'The selected file is empty.' : 'Choose a CSV file to import.');
  if (mode !== 'preview' && mode !== 'commit') return problem(400, 'Say whether to check the file or import it.');
  if (file.size > MAX_IMPORT_BYTES) return problem(413, fileTooLarge().message);
  const content = new Uint8Array(await file.arrayBuffer());
  const fileName = file.name.replace(/[^\w .()-]/g, '_').slice(0, 200) || 'import.csv';

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ImportEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        const result = await runImport(user, { kind, fileName, content, mode, onProgress: (progress) => send({ type: 'progress', ...progress }) });
        send({ type: 'result', result });
      } catch (error) {
        if (error instanceof AppError) send({ type: 'error', message: error.message });
        else {
          console.error(JSON.stringify({ event: 'import-failed', kind, mode, userId: user.id, error: String(error) }));
          send({ type: 'error', message: 'The import failed and nothing was imported. Try again; if it keeps failing, contact your administrator.' });
        }
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}
