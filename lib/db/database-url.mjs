// Where the database is. Shared by the app (lib/db/client.ts) and the scripts (scripts/db.mjs),
// so that both always agree. No DATABASE_URL means the embedded SQLite file data/quadrant.db.
import path from 'node:path';

export const DEFAULT_SQLITE_FILE = path.join(process.cwd(), 'data', 'quadrant.db');

/** @returns {string} */
export function databaseUrl() {
  return process.env.DATABASE_URL || `file:${DEFAULT_SQLITE_FILE}`;
}

/** @param {string} url */
export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//.test(url);
}

/** @param {string} url @returns {string} the file path of a `file:` URL */
export function sqliteFilePath(url) {
  return path.resolve(url.replace(/^file:/, ''));
}
