// Where integration tests keep their data: a fresh SQLite file per worker by default, or one
// PostgreSQL schema per worker when DATABASE_URL is a postgres URL (as in CI's second pass).
import path from 'node:path';

export const TEST_DB_DIR = path.join(import.meta.dirname, '..', '.tmp');
export const SCHEMA_PREFIX = 'vitest_w';

/** The database URL for one Vitest worker, derived from the URL the run was started with. */
export function workerDatabaseUrl(baseUrl: string | undefined, worker: string): string {
  if (baseUrl && /^postgres(ql)?:\/\//.test(baseUrl)) {
    const url = new URL(baseUrl);
    url.searchParams.set('schema', `${SCHEMA_PREFIX}${worker}`);
    return url.toString();
  }
  return `file:${path.join(TEST_DB_DIR, `vitest-w${worker}.db`)}`;
}
