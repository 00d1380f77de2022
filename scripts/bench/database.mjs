// The benchmark's throwaway database: a SQLite file under .tmp/bench/, or the PostgreSQL schema
// `bench` (in the database quadrant_bench unless BENCH_DATABASE_URL names another). Never the
// user's data/quadrant.db or any other schema: the URL is checked before anything is dropped.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { pgConfig, schemaFromUrl } from '../../lib/db/pg-config.mjs';
import { isPostgresUrl, sqliteFilePath } from '../../lib/db/database-url.mjs';
import { applyMigrations } from '../db/migrator.mjs';

export const BENCH_DIR = path.resolve('.tmp', 'bench');
export const DEFAULT_PG_URL = 'postgresql://postgres@127.0.0.1:5432/quadrant_bench?schema=bench';

/**
 * @param {{ postgres: boolean, size: string }} options
 * @returns {{ url: string, kind: 'sqlite' | 'postgres', label: string }}
 */
export function benchDatabase({ postgres, size }) {
  const envUrl = process.env.BENCH_DATABASE_URL;
  if (postgres || (envUrl && isPostgresUrl(envUrl))) {
    const url = envUrl && isPostgresUrl(envUrl) ? envUrl : DEFAULT_PG_URL;
    const schema = schemaFromUrl(url);
    if (schema !== 'bench' && !schema.startsWith('bench_')) {
      throw new Error(`BENCH_DATABASE_URL must name a schema called bench (or bench_…), not "${schema}": the benchmark drops it.`);
    }
    const c = pgConfig(url);
    return { url, kind: 'postgres', label: `PostgreSQL ${c.host ?? ''}:${c.port ?? 5432}/${c.database} schema ${schema}` };
  }
  const file = path.join(BENCH_DIR, `bench-${size}.db`);
  return { url: `file:${file}`, kind: 'sqlite', label: `SQLite ${path.relative(process.cwd(), file)}` };
}

/** Refuses any SQLite file outside .tmp/bench. */
function assertThrowaway(/** @type {string} */ url) {
  if (isPostgresUrl(url)) return;
  const file = sqliteFilePath(url);
  if (!file.startsWith(BENCH_DIR + path.sep)) throw new Error(`Refusing to use ${file}: the benchmark only writes under ${BENCH_DIR}.`);
}

/** The server's version string, for the machine line. */
export async function databaseVersion(/** @type {string} */ url) {
  if (!isPostgresUrl(url)) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(':memory:');
    const v = db.prepare('SELECT sqlite_version() AS v').get();
    db.close();
    return `SQLite ${/** @type {{ v: string }} */ (v).v} (better-sqlite3)`;
  }
  const client = new pg.Client(pgConfig(url));
  await client.connect();
  try {
    return (await client.query('SHOW server_version')).rows[0].server_version.replace(/^/, 'PostgreSQL ');
  } finally {
    await client.end();
  }
}

/** Drops the data set (file or schema) if present. */
export async function dropDatabase(/** @type {string} */ url) {
  assertThrowaway(url);
  if (isPostgresUrl(url)) {
    const config = pgConfig(url);
    const admin = new pg.Client({ ...config, database: 'postgres', options: undefined });
    await admin.connect();
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [config.database])).rowCount;
    await admin.end();
    if (!exists) return;
    const client = new pg.Client(config);
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schemaFromUrl(url)}" CASCADE`);
    await client.end();
    return;
  }
  const file = sqliteFilePath(url);
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

/** Creates the database (PostgreSQL: the database if missing, then the schema) and migrates it. */
export async function createDatabase(/** @type {string} */ url) {
  assertThrowaway(url);
  if (isPostgresUrl(url)) {
    const config = pgConfig(url);
    const admin = new pg.Client({ ...config, database: 'postgres', options: undefined });
    await admin.connect();
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [config.database])).rowCount;
    if (!exists) await admin.query(`CREATE DATABASE "${String(config.database).replace(/"/g, '""')}"`);
    await admin.end();
  } else {
    fs.mkdirSync(path.dirname(sqliteFilePath(url)), { recursive: true });
  }
  await applyMigrations({ url });
}

/** Statistics for the planner after a bulk load (ANALYZE on both). */
export async function analyse(/** @type {import('./writer.mjs').Writer} */ w) {
  await w.exec(w.kind === 'postgres' ? 'ANALYZE' : 'ANALYZE');
}
