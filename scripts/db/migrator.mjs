// Applies committed migrations without any Prisma engine: each migration.sql, in directory-name
// order, recorded in `_prisma_migrations` exactly as Prisma records it, so `prisma migrate deploy`
// on a machine that has the native engine sees the same history (docs/adr/0002-offline-migrations.md).
//
// Deliberately free of @prisma/* imports: it runs at `npm start` in production, where only
// dependencies (not devDependencies) are installed.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl, sqliteFilePath } from '../../lib/db/database-url.mjs';
import { checksum, layout, readMigrations } from './layout.mjs';
import { pgConfig, schemaFromUrl } from '../../lib/db/pg-config.mjs';

// The DDL Prisma's schema engine uses for its history table (copied from the engine so that the
// stock CLI finds the table it would have created itself).
const HISTORY_TABLE = {
  sqlite: `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
  postgresql: `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`,
};

// The key Prisma's engine takes before migrating PostgreSQL, so that we and the stock CLI (and two
// copies of us starting at once) never apply the same migration twice.
const PRISMA_ADVISORY_LOCK = 72707369;

/**
 * A connection with just what the migrator needs, over either database. Placeholders are `?` and
 * are rewritten to `$n` for PostgreSQL.
 * @typedef {{
 *   provider: import('./layout.mjs').Provider,
 *   label: string,
 *   rows: (sql: string, params?: unknown[]) => Promise<any[]>,
 *   run: (sql: string, params?: unknown[]) => Promise<void>,
 *   script: (sql: string) => Promise<void>,
 *   now: () => unknown,
 *   close: () => Promise<void>,
 * }} Connection
 */

/**
 * Opens the database named by `url`, creating what must exist first: the SQLite file and its
 * directory, or the PostgreSQL schema named by `?schema=` (the session's search_path).
 * @param {string} url
 * @returns {Promise<Connection>}
 */
export async function connect(url) {
  if (isPostgresUrl(url)) {
    const schema = schemaFromUrl(url);
    const config = pgConfig(url);
    const client = new pg.Client(config);
    await client.connect();
    const numbered = (/** @type {string} */ sql) => {
      let i = 0;
      return sql.replace(/\?/g, () => `$${++i}`);
    };
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    // Only when missing: CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege even when it exists.
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA "${schema}"`);
    return {
      provider: 'postgresql',
      label: `postgresql ${config.host ?? ''}${config.port ? `:${config.port}` : ''}/${config.database ?? ''} schema ${schema}`,
      rows: async (sql, params = []) => (await client.query(numbered(sql), params)).rows,
      run: async (sql, params = []) => void (await client.query(numbered(sql), params)),
      // No parameters means pg's simple query protocol, which runs a multi-statement script as one
      // implicit transaction: a failing PostgreSQL migration leaves no half-applied schema.
      script: async (sql) => void (await client.query(sql)),
      now: () => new Date(),
      close: () => client.end(),
    };
  }
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('busy_timeout = 5000'); // wait for a running app rather than fail with SQLITE_BUSY
  return {
    provider: 'sqlite',
    label: `sqlite ${displayPath(file)}`,
    rows: async (sql, params = []) => db.prepare(sql).all(...params),
    run: async (sql, params = []) => void db.prepare(sql).run(...params),
    // Not wrapped in a transaction, as Prisma does not: SQLite table-rebuild migrations switch
    // `PRAGMA foreign_keys`, which is ignored inside a transaction.
    script: async (sql) => void db.exec(sql),
    // What Prisma's engine stores through the driver adapter: RFC 3339, milliseconds, +00:00.
    now: () => new Date().toISOString().replace('Z', '+00:00'),
    close: async () => void db.close(),
  };
}

/** Relative to the working directory when inside it (data/quadrant.db), absolute otherwise. */
export function displayPath(/** @type {string} */ file) {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

/** @param {Connection} db */
async function ensureHistoryTable(db) {
  const found =
    db.provider === 'sqlite'
      ? await db.rows(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`)
      : await db.rows(`SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = '_prisma_migrations'`);
  if (found.length === 0) await db.script(HISTORY_TABLE[db.provider]);
}

/**
 * Prisma compares checksums across line-ending conversions (a Windows checkout must not count as
 * an edit); so do we.
 * @param {string} sql @param {string} recorded
 */
function sameChecksum(sql, recorded) {
  const lf = sql.replace(/\r\n/g, '\n');
  return [sql, lf, lf.replace(/\n/g, '\r\n')].some((variant) => checksum(variant) === recorded);
}

/**
 * Applies every migration in the provider's folder that the database has not recorded.
 * Refuses, before changing anything, when an applied migration's file has changed or an earlier
 * attempt failed (the same states in which `prisma migrate deploy` stops).
 * @param {{ url: string, prismaDir?: string, log?: (line: string) => void }} options
 * @returns {Promise<{ applied: string[], total: number }>}
 */
export async function applyMigrations({ url, prismaDir, log = () => {} }) {
  const db = await connect(url);
  try {
    if (db.provider === 'postgresql') await db.run(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK})`);
    await ensureHistoryTable(db);
    const { migrationsDir } = layout(db.provider, prismaDir);
    const migrations = readMigrations(migrationsDir);
    if (migrations.length === 0) throw new Error(`No migrations in ${migrationsDir}.`);

    const history = await db.rows(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at`,
    );
    const live = history.filter((row) => row.rolled_back_at == null);
    const failed = live.filter((row) => row.finished_at == null).map((row) => row.migration_name);
    if (failed.length > 0) {
      throw new Error(
        `${db.label}: migration ${failed.join(', ')} failed earlier and was left half-applied. Repair the ` +
          'database by hand and mark it rolled back (`prisma migrate resolve --rolled-back <name>` where the ' +
          'engine is available), or for a development database run `npm run db:reset`.',
      );
    }
    const applied = new Map(live.map((row) => [row.migration_name, row.checksum]));
    const edited = migrations.filter((m) => applied.has(m.name) && !sameChecksum(m.sql, applied.get(m.name)));
    if (edited.length > 0) {
      throw new Error(
        `${db.label}: ${edited.map((m) => m.name).join(', ')} changed after being applied (checksum differs). ` +
          'Applied migrations are history: restore the file (git checkout) and put the change in a new migration ' +
          '(`npm run db:create-migration -- <name>`), or for a development database run `npm run db:reset`.',
      );
    }
    const known = new Set(migrations.map((m) => m.name));
    for (const name of applied.keys()) {
      if (!known.has(name)) log(`${db.label}: warning: ${name} is recorded as applied but is not in ${migrationsDir}`);
    }

    const pending = migrations.filter((m) => !applied.has(m.name));
    if (pending.length === 0) log(`${db.label}: up to date (${migrations.length} migration${migrations.length === 1 ? '' : 's'})`);
    for (const migration of pending) {
      log(`${db.label}: applying ${migration.name}`);
      // Prisma's sequence: a started row, the script, then one step counted and finished_at set;
      // on failure the error goes in `logs` and finished_at stays empty, which blocks later runs.
      const id = randomUUID();
      await db.run(
        `INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name, applied_steps_count) VALUES (?, ?, ?, ?, 0)`,
        [id, migration.checksum, db.now(), migration.name],
      );
      try {
        await db.script(migration.sql);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await db.run(`UPDATE _prisma_migrations SET logs = ? WHERE id = ?`, [message, id]);
        throw new Error(`${db.label}: migration ${migration.name} failed: ${message}`);
      }
      await db.run(
        `UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1, finished_at = ? WHERE id = ?`,
        [db.now(), id],
      );
    }
    return { applied: pending.map((m) => m.name), total: migrations.length };
  } finally {
    await db.close();
  }
}
