import type { ImportEvent, ImportKind, ImportMode, ImportProgress, ImportResult } from '@/lib/domain/imports/types';

/** A problem to show the person as it is (a file problem, the session ended, the network failed). */
export class ImportProblem extends Error {}

/**
 * Sends the file to the import route handler (app/api/imports/[kind]/route.ts) and reads its
 * answer as it streams: each progress event goes to `onProgress`; the result is returned, and an
 * error event (or a broken connection) is thrown as an ImportProblem.
 */
export async function postImport(kind: ImportKind, file: File, mode: ImportMode, onProgress: (progress: ImportProgress) => void): Promise<ImportResult> {
  const body = new FormData();
  body.set('file', file);
  body.set('mode', mode);
  let response: Response;
  try {
    response = await fetch(`/api/imports/${kind}`, { method: 'POST', body, credentials: 'same-origin' });
  } catch {
    throw new ImportProblem('Quadrant could not be reached. Check your connection and try again.');
  }
  if (!response.body) throw new ImportProblem('The import could not be started. Try again.');
  if (response.status === 404) throw new ImportProblem('You do not have access to imports.');

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let result: ImportResult | null = null;
  const handle = (line: string) => {
    if (!line.trim()) return;
    let event: ImportEvent;
    try {
      event = JSON.parse(line) as ImportEvent;
    } catch {
      throw new ImportProblem(response.ok ? 'The answer from Quadrant could not be read. Try again.' : 'The import could not be started. Try again.');
    }
    if (event.type === 'progress') onProgress(event);
    else if (event.type === 'error') throw new ImportProblem(event.message);
    else result = event.result;
  };
  for (;;) {
    let chunk: ReadableStreamReadResult<string>;
    try {
      chunk = await reader.read();
    } catch {
      throw new ImportProblem('The connection to Quadrant was lost before the import finished. Check the register before trying again.');
    }
    if (chunk.done) break;
    buffer += chunk.value;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    lines.forEach(handle);
  }
  handle(buffer);
  if (!result) throw new ImportProblem('The import stopped before it finished. Nothing was imported if no confirmation was shown: check the register before trying again.');
  return result;
}
