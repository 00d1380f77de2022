#!/usr/bin/env node
// The database CLI behind the npm scripts (db:migrate, db:seed, db:reset, db:create-migration,
// db:check-drift, and `setup` before dev/start). The database is DATABASE_URL, or the SQLite file
// data/quadrant.db when it is unset (lib/db/database-url.mjs).
//
//   node scripts/db.mjs migrate          apply pending migrations (no Prisma engine needed)
//   node scripts/db.mjs create <name>    write a new migration for SQLite and PostgreSQL
//   node scripts/db.mjs check [--provider sqlite|postgresql]   fail if a migrations folder differs from the schema
//   node scripts/db.mjs seed             run prisma/seed.ts
//   node scripts/db.mjs reset            empty the database, migrate, seed
//   node scripts/db.mjs setup            migrate; seed only an empty database
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { databaseUrl, isPostgresUrl, sqliteFilePath } from '../lib/db/database-url.mjs';
import { REPO_ROOT } from './db/layout.mjs';
import { applyMigrations, connect, displayPath } from './db/migrator.mjs';
import { pgConfig, schemaFromUrl } from '../lib/db/pg-config.mjs';

const log = (/** @type {string} */ line) => console.log(`db: ${line}`);

async function migrate() {
  const { applied } = await applyMigrations({ url: databaseUrl(), log });
  if (applied.length > 0) log(`applied ${applied.length} migration${applied.length === 1 ? '' : 's'}`);
}

function seed() {
  log('seeding (prisma/seed.ts)');
  // react-server: lib/db imports 'server-only', which throws unless resolved under this condition.
  const result = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join('prisma', 'seed.ts')],
    { cwd: REPO_ROOT, stdio: 'inherit', env: process.env },
  );
  if (result.status !== 0) throw new Error(`seed failed (exit ${result.status ?? result.signal})`);
}

async function reset() {
  const url = databaseUrl();
  if (process.env.NODE_ENV === 'production' && !process.argv.includes('--force')) {
    throw new Error('refusing to reset with NODE_ENV=production (add --force if you really mean it)');
  }
  if (isPostgresUrl(url)) {
    const schema = schemaFromUrl(url);
    log(`dropping and recreating schema ${schema}`);
    const pg = (await import('pg')).default;
    const client = new pg.Client(pgConfig(url));
    await client.connect();
    try {
      // Recreated schemas belong to the connecting user (public normally belongs to
      // pg_database_owner); that is fine for the development and test databases this is for.
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}"`);
    } finally {
      await client.end();
    }
  } else {
    const file = sqliteFilePath(url);
    log(`deleting ${displayPath(file)}`);
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  }
  await migrate();
  seed();
}

async function setup() {
  await migrate();
  const db = await connect(databaseUrl());
  let organisations;
  try {
    [{ count: organisations }] = await db.rows(`SELECT COUNT(*) AS count FROM "Organisation"`);
  } finally {
    await db.close();
  }
  if (Number(organisations) === 0) seed();
  else log('database already has data; not seeding');
}

async function create() {
  const name = process.argv[3];
  if (!name) throw new Error('usage: node scripts/db.mjs create <name>   e.g. create add_threat_owner');
  // Imported here, not at the top: it pulls in the wasm engine and devDependencies that a
  // production install (which only ever runs `migrate` and `setup`) does not have.
  const { createMigration } = await import('./db/engine.mjs');
  const dirName = await createMigration(name, { log });
  if (dirName) log(`created ${dirName}; apply it with npm run db:migrate`);
  else log('the schema matches the migrations; nothing to create');
}

async function check() {
  const { checkDrift } = await import('./db/drift.mjs');
  // `--provider sqlite` checks only what needs no PostgreSQL server (npm test on a bare machine);
  // CI checks both.
  const at = process.argv.indexOf('--provider');
  const providers = at > 0 ? [/** @type {'sqlite' | 'postgresql'} */ (process.argv[at + 1])] : undefined;
  const problems = await checkDrift({ log, providers });
  for (const problem of problems) console.error(`\ndb: DRIFT (${problem.provider}): ${problem.message}\n${problem.detail ?? ''}`);
  if (problems.length > 0) {
    console.error('db: fix by running `npm run db:create-migration -- <name>` and committing both folders');
    return 1;
  }
  log(`migrations match the schema for ${(providers ?? ['sqlite', 'postgresql']).join(' and ')}`);
  return 0;
}

/** @type {Record<string, () => Promise<number | void> | void>} */
const commands = { migrate, create, check, seed, reset, setup };
const command = process.argv[2] ?? '';

if (!(command in commands)) {
  console.error(`usage: node scripts/db.mjs <${Object.keys(commands).join('|')}>`);
  process.exit(2);
}
try {
  const code = (await commands[command]()) ?? 0;
  // Exit explicitly: the wasm engine and pg pools can keep the event loop alive after the work is
  // done, and a CLI that never exits hangs CI.
  process.exit(code);
} catch (error) {
  console.error(`db: ${command} failed: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(1);
}
