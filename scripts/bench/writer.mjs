// Bulk inserts through the raw drivers (no Prisma): better-sqlite3 prepared statements in one
// transaction, or PostgreSQL multi-row INSERTs of up to 1,000 rows with parameters.
import Database from 'better-sqlite3';
import pg from 'pg';
import { pgConfig, schemaFromUrl } from '../../lib/db/pg-config.mjs';
import { isPostgresUrl, sqliteFilePath } from '../../lib/db/database-url.mjs';

/** SQLite stores DateTime as the adapter writes it (timestampFormat iso8601): 2026-03-29T01:00:00.000+00:00. */
const sqliteDate = (/** @type {Date} */ d) => d.toISOString().replace('Z', '+00:00');
/** PostgreSQL timestamp(3) without time zone, in UTC, as Prisma stores it. */
const pgDate = (/** @type {Date} */ d) => d.toISOString().replace('T', ' ').replace('Z', '');

/**
 * @typedef {{
 *   kind: 'sqlite' | 'postgres',
 *   insert: (table: string, columns: string[], rows: Iterable<unknown[]>) => Promise<number>,
 *   exec: (sql: string) => Promise<void>,
 *   query: (sql: string, params?: unknown[]) => Promise<any[]>,
 *   begin: () => Promise<void>,
 *   commit: () => Promise<void>,
 *   close: () => Promise<void>,
 * }} Writer
 */

/** @param {string} url @returns {Promise<Writer>} */
export async function openWriter(url) {
  if (isPostgresUrl(url)) {
    const client = new pg.Client(pgConfig(url));
    await client.connect();
    const schema = schemaFromUrl(url);
    await client.query(`SET search_path TO "${schema}"`);
    const value = (/** @type {unknown} */ v) => (v instanceof Date ? pgDate(v) : v);
    return {
      kind: 'postgres',
      async insert(table, columns, rows) {
        const width = columns.length;
        const perBatch = Math.min(1000, Math.floor(60000 / width));
        const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
        /** @type {unknown[]} */
        let params = [];
        let count = 0;
        let n = 0;
        const flush = async () => {
          if (n === 0) return;
          const tuples = [];
          for (let r = 0; r < n; r++) {
            const ph = [];
            for (let c = 0; c < width; c++) ph.push(`$${r * width + c + 1}`);
            tuples.push(`(${ph.join(', ')})`);
          }
          await client.query(head + tuples.join(', '), params);
          params = [];
          n = 0;
        };
        for (const row of rows) {
          for (const v of row) params.push(value(v));
          n++;
          count++;
          if (n === perBatch) await flush();
        }
        await flush();
        return count;
      },
      exec: async (sql) => void (await client.query(sql)),
      query: async (sql, params = []) => (await client.query(sql, params)).rows,
      begin: async () => void (await client.query('BEGIN')),
      commit: async () => void (await client.query('COMMIT')),
      close: () => client.end(),
    };
  }
  const db = new Database(sqliteFilePath(url));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  const value = (/** @type {unknown} */ v) => (v instanceof Date ? sqliteDate(v) : typeof v === 'boolean' ? (v ? 1 : 0) : v);
  return {
    kind: 'sqlite',
    async insert(table, columns, rows) {
      const stmt = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      let count = 0;
      for (const row of rows) {
        stmt.run(row.map(value));
        count++;
      }
      return count;
    },
    exec: async (sql) => void db.exec(sql),
    query: async (sql, params = []) => db.prepare(sql).all(...params),
    begin: async () => void db.exec('BEGIN'),
    commit: async () => void db.exec('COMMIT'),
    close: async () => {
      db.pragma('foreign_keys = ON');
      db.close();
    },
  };
}
