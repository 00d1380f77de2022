// Prisma's schema engine, compiled to WebAssembly and shipped on npm, driven through the same
// driver adapters the app uses. This is what lets us create migrations and check drift on machines
// that cannot download the native engine (docs/adr/0002-offline-migrations.md).
//
// Only `create` and `check` load this file; applying migrations needs no engine (./migrator.mjs).
// The packages used here are Prisma internals, pinned exactly in package.json and covered by
// scripts/db/migrator.integration.test.ts:
//   @prisma/schema-engine-wasm   SchemaEngine.new, .diff, .free (and .applyMigrations in the test);
//                                its schema_engine.d.ts is the API
//   @prisma/driver-adapter-utils bindMigrationAwareSqlAdapterFactory
// Both arrive with @prisma/internals + @prisma/migrate, whose own loader
// (SchemaEngineWasm.setup -> wasmSchemaEngineLoader) reads the .wasm from
// @prisma/internals/build/, a file that package does not ship. We load the identical .wasm from
// @prisma/schema-engine-wasm itself instead of copying files into node_modules.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { layout, lockFileContent, readMigrations, schemaFor } from './layout.mjs';
import { pgConfig, schemaFromUrl } from '../../lib/db/pg-config.mjs';
import { isPostgresUrl, sqliteFilePath } from '../../lib/db/database-url.mjs';

const require = createRequire(import.meta.url);

export const DEFAULT_POSTGRES_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** @type {Promise<typeof import('@prisma/schema-engine-wasm').SchemaEngine> | undefined} */
let engineClass;

/** The same instantiation @prisma/internals does, with the .wasm found where it actually ships. */
function loadEngineClass() {
  engineClass ??= (async () => {
    const glue = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const runtime = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = fs.readFileSync(path.join(path.dirname(glue), 'schema_engine_bg.wasm'));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { './schema_engine_bg.js': runtime });
    runtime.__wbg_set_wasm(instance.exports);
    /** @type {any} */ (instance.exports).__wbindgen_start();
    return runtime.SchemaEngine;
  })();
  return engineClass;
}

/**
 * The engine introspects pg_catalog columns of Postgres's internal one-byte `"char"` type (oid 18),
 * which adapter-pg refuses (UnsupportedNativeDataType). Its values arrive as plain strings, so
 * reporting the column as text (oid 25) is exact. Used for the tools only, never the app.
 */
class CharAsTextClient extends pg.Client {
  /** @param {any} config @param {any} [values] @param {any} [callback] @returns {any} */
  query(config, values, callback) {
    if (typeof values === 'function') [values, callback] = [undefined, values];
    const fix = (/** @type {any} */ result) => {
      for (const r of Array.isArray(result) ? result : [result]) {
        for (const field of r?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
      }
      return result;
    };
    if (typeof callback === 'function') {
      return super.query(config, values, (/** @type {any} */ error, /** @type {any} */ result) =>
        callback(error, error ? result : fix(result)),
      );
    }
    if (config && typeof config.submit === 'function') return super.query(config, values);
    return /** @type {Promise<any>} */ (super.query(config, values)).then(fix);
  }
}

/**
 * The engine replays each migration.sql into the shadow database with one executeRaw call;
 * better-sqlite3 prepares one statement at a time and throws on a script. Scripts take no
 * parameters, so run those through executeScript (better-sqlite3's exec) instead.
 * @param {any} adapter
 */
function acceptScripts(adapter) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (/** @type {any} */ query) => {
    try {
      return await executeRaw(query);
    } catch (/** @type {any} */ error) {
      if (query.args.length > 0 || !/more than one statement/.test(String(error?.message))) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
}

/** @param {string} url */
function pgAdapterFactory(url) {
  // (any: adapter-pg is typed against its own copy of @types/pg)
  const Client = /** @type {any} */ (CharAsTextClient);
  return new PrismaPg({ ...pgConfig(url), Client, max: 2 }, { schema: schemaFromUrl(url) });
}

/** @param {string} adminUrl @param {string} sql */
async function adminQuery(adminUrl, sql) {
  const client = new pg.Client(pgConfig(adminUrl));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * An engine for one provider. `create` and `check` compare the migrations folder with the schema
 * and never need the developer's database, so by default the engine only sees throwaway ones:
 * SQLite: main and shadow are files in a temporary directory.
 * PostgreSQL: main is the admin database (left untouched); the shadow database is created and
 * dropped here, because adapter-pg's own connectToShadowDb reuses the pool config and is easy to
 * point back at the main database by accident.
 * `url` makes a real database the main one instead (the test uses it to have Prisma's own
 * applyMigrations write the history table that ours must match).
 * @template T
 * @param {import('./layout.mjs').Provider} provider
 * @param {{ prismaDir?: string, adminUrl?: string, url?: string }} options
 * @param {(engine: import('@prisma/schema-engine-wasm').SchemaEngine, ctx: { schemaFiles: { path: string, content: string }[], migrationsList: any }) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withEngine(provider, options, fn) {
  const { prismaDir } = options;
  const adminUrl = options.adminUrl ?? process.env.POSTGRES_ADMIN_URL ?? DEFAULT_POSTGRES_ADMIN_URL;
  const { schemaPath, migrationsDir } = layout(provider, prismaDir);
  const schemaFiles = [{ path: schemaPath, content: schemaFor(provider, prismaDir) }];
  /** @type {(() => Promise<void>)[]} */
  const cleanups = [];

  // Every connection the engine opens is closed here: engine.free() does not dispose them, and a
  // still-open SQLite handle keeps the file locked while a pg pool keeps the process alive.
  /** @type {any[]} */
  const adapters = [];
  const track = async (/** @type {Promise<any>} */ opening) => {
    const adapter = await opening;
    const dispose = adapter.dispose.bind(adapter);
    let disposed = false;
    adapter.dispose = async () => {
      if (disposed) return;
      disposed = true;
      await dispose();
    };
    adapters.push(adapter);
    return adapter;
  };

  /** @type {any} */
  let factory;
  if (provider === 'sqlite') {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quadrant-migrate-'));
    cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));
    const main = new PrismaBetterSqlite3({
      url: `file:${options.url && !isPostgresUrl(options.url) ? sqliteFilePath(options.url) : path.join(tmp, 'main.db')}`,
    });
    let shadows = 0;
    factory = {
      provider: main.provider,
      adapterName: main.adapterName,
      connect: () => track(main.connect().then(acceptScripts)),
      // A new file each time: the engine expects an empty shadow database on every request.
      connectToShadowDb: () =>
        track(new PrismaBetterSqlite3({ url: `file:${path.join(tmp, `shadow-${++shadows}.db`)}` }).connect().then(acceptScripts)),
    };
  } else {
    const main = pgAdapterFactory(options.url && isPostgresUrl(options.url) ? options.url : adminUrl);
    factory = {
      provider: main.provider,
      adapterName: main.adapterName,
      connect: () => track(main.connect()),
      async connectToShadowDb() {
        const database = `quadrant_shadow_${randomUUID().replaceAll('-', '')}`;
        await adminQuery(adminUrl, `CREATE DATABASE "${database}"`);
        const adapter = await track(pgAdapterFactory(pgUrlWithDatabase(adminUrl, database)).connect());
        const drop = () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        const dispose = adapter.dispose;
        adapter.dispose = async () => {
          await dispose();
          await drop();
        };
        // If the engine never disposes it, drop it anyway at the end.
        cleanups.push(drop);
        return adapter;
      },
    };
  }

  const migrationsList = {
    baseDir: migrationsDir,
    // The engine takes the provider of a migrations folder from its lock file; we know it already,
    // and an empty folder (before `init`) has none yet.
    lockfile: { path: 'migration_lock.toml', content: lockFileContent(provider) },
    shadowDbInitScript: '',
    migrationDirectories: readMigrations(migrationsDir).map((m) => ({
      path: m.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.sql } },
    })),
  };
  const SchemaEngine = await loadEngineClass();
  const debug = process.env.DEBUG?.includes('quadrant:engine') ? (/** @type {string} */ m) => console.error(m) : () => {};
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  /** @type {import('@prisma/schema-engine-wasm').SchemaEngine | undefined} */
  let engine;
  try {
    engine = await SchemaEngine.new({ datamodels: schemaFiles.map((f) => [f.path, f.content]) }, debug, bound);
    return await fn(engine, { schemaFiles, migrationsList });
  } catch (error) {
    const wrapped = engineError(provider, error, bound.errorRegistry);
    if (provider === 'postgresql' && /reach database server|ECONNREFUSED|authentication|database "[^"]*" does not exist/i.test(wrapped.message)) {
      wrapped.message += `\n(PostgreSQL migrations are compared in a shadow database created on POSTGRES_ADMIN_URL, now ${adminUrl}.)`;
    }
    throw wrapped;
  } finally {
    engine?.free();
    for (const adapter of adapters) await adapter.dispose().catch(() => {});
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
}

/** @param {string} url @param {string} database */
function pgUrlWithDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  u.searchParams.delete('schema');
  return u.toString();
}

/**
 * The engine reports a database error as "External error id#N", N being a slot in the adapter's
 * error registry; put the database's own message back in, and drop the Rust span trace.
 * @param {string} provider @param {any} error @param {any} registry
 */
function engineError(provider, error, registry) {
  let message = String(error?.message ?? error);
  message = message.replace(/External error id#(\d+)/g, (text, id) => {
    const cause = registry.consumeError(Number(id))?.error;
    return cause ? `${cause.message ?? ''} ${cause.cause ? JSON.stringify(cause.cause) : ''}`.trim() || text : text;
  });
  message = message.replace(/\n\s+0: [\s\S]*$/, '');
  const code = error?.code ? `${error.code} ` : '';
  return new Error(`schema engine (${provider}): ${code}${message.trim()}`, { cause: error });
}

/**
 * The SQL that takes a database built from the migrations folder to the current schema; '' when
 * the folder already produces the schema. Uses a shadow database.
 * @param {import('./layout.mjs').Provider} provider
 * @param {{ prismaDir?: string, adminUrl?: string }} [options]
 */
export function pendingSchemaChange(provider, options = {}) {
  return withEngine(provider, options, async (engine, { schemaFiles, migrationsList }) => {
    const diff = (/** @type {boolean} */ script) =>
      engine.diff({
        from: { tag: 'migrations', ...migrationsList },
        to: { tag: 'schemaDatamodel', files: schemaFiles },
        script,
        exitCode: true,
        filters: NO_FILTERS,
      });
    const summary = await diff(false);
    if (summary.exitCode === 0) return { sql: '', summary: '' };
    const script = await diff(true);
    return { sql: script.stdout ?? '', summary: summary.stdout ?? '' };
  });
}

/**
 * The engine's own createMigration cannot reach a shadow database in the wasm build (it errors
 * "shadow DB must be provided through an external factory"); `diff` from the migrations folder to
 * the schema can, and renders the same SQL, so both create and check use it.
 * Writes `<timestamp>_<name>/migration.sql` into both providers' migrations folders when either
 * differs from the schema; a provider with nothing to do gets a comment-only script so the two
 * histories keep the same names. Returns the directory name, or null when nothing changed.
 * @param {string} name
 * @param {{ prismaDir?: string, adminUrl?: string, now?: Date, log?: (line: string) => void }} [options]
 */
export async function createMigration(name, options = {}) {
  const log = options.log ?? (() => {});
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  if (!slug) throw new Error('Give the migration a name, e.g. `npm run db:create-migration -- add_threat_owner`.');
  /** @type {Record<string, string>} */
  const scripts = {};
  for (const provider of /** @type {const} */ (['sqlite', 'postgresql'])) {
    log(`${provider}: comparing the migrations with the schema`);
    scripts[provider] = (await pendingSchemaChange(provider, options)).sql;
  }
  if (!scripts.sqlite && !scripts.postgresql) return null;

  const dirName = `${timestamp(options.now ?? new Date())}_${slug}`;
  for (const provider of /** @type {const} */ (['sqlite', 'postgresql'])) {
    const { migrationsDir } = layout(provider, options.prismaDir);
    const dir = path.join(migrationsDir, dirName);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'migration.sql'),
      scripts[provider] || `-- This migration changes nothing on ${provider}; it keeps the two histories in step.\n`,
    );
    const lock = path.join(migrationsDir, 'migration_lock.toml');
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, lockFileContent(provider));
    log(`${provider}: wrote ${path.relative(process.cwd(), path.join(dir, 'migration.sql'))}`);
  }
  return dirName;
}

/** Prisma's migration directory timestamp: UTC, YYYYMMDDHHMMSS. */
function timestamp(/** @type {Date} */ d) {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
