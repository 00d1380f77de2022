// The offline migration path leans on Prisma internals (docs/adr/0002-offline-migrations.md); this
// is the test that says whether a Prisma upgrade broke it. SQLite always runs; PostgreSQL runs when
// DATABASE_URL is a postgres URL (CI sets one), each run in its own throwaway schemas.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresUrl } from '../../lib/db/database-url.mjs';
import { checkDrift } from './drift.mjs';
import { createMigration, withEngine } from './engine.mjs';
import { checksum, layout, PRISMA_DIR, readMigrations } from './layout.mjs';
import { applyMigrations } from './migrator.mjs';
import { pgConfig } from '../../lib/db/pg-config.mjs';

const TIMEOUT = 60_000;
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const models = [...fs.readFileSync(path.join(PRISMA_DIR, 'schema.prisma'), 'utf8').matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quadrant-migrator-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A private copy of the prisma folder that a test may edit. */
function copyPrismaDir() {
  const dir = path.join(tmp, `prisma-${randomUUID()}`);
  fs.cpSync(PRISMA_DIR, dir, { recursive: true, filter: (src) => !src.endsWith(path.join('postgres', 'schema.prisma')) });
  return dir;
}

/** Adds a column to the copy's schema, which no migration creates. */
function addFieldToSchema(prismaDir: string) {
  const file = path.join(prismaDir, 'schema.prisma');
  const source = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, source.replace(/^model Organisation \{\n/m, '$&  driftProbe String?\n'));
}

function tamperFirstMigration(migrationsDir: string) {
  const [first] = readMigrations(migrationsDir);
  fs.appendFileSync(path.join(migrationsDir, first.name, 'migration.sql'), '\n-- edited after being applied\n');
}

const noFilters = { externalTables: [], externalEnums: [] };

describe('SQLite', () => {
  it('applies every migration to a new file, recording them as Prisma does', { timeout: TIMEOUT }, async () => {
    const file = path.join(tmp, 'nested', 'dir', 'ours.db');
    const migrations = readMigrations(layout('sqlite').migrationsDir);
    const result = await applyMigrations({ url: `file:${file}` });
    expect(result.applied).toEqual(migrations.map((m) => m.name));

    const db = new Database(file, { readonly: true });
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining([...models, '_prisma_migrations']));
    const rows = db.prepare(`SELECT * FROM _prisma_migrations ORDER BY started_at`).all() as Record<string, unknown>[];
    expect(rows).toHaveLength(migrations.length);
    rows.forEach((row, i) => {
      expect(row).toMatchObject({ migration_name: migrations[i].name, checksum: migrations[i].checksum, logs: null, rolled_back_at: null, applied_steps_count: 1 });
      expect(row.id).toMatch(UUID);
      expect(row.started_at).toMatch(ISO_UTC);
      expect(row.finished_at).toMatch(ISO_UTC);
    });
    const ours = { table: db.prepare(`SELECT sql FROM sqlite_master WHERE name = '_prisma_migrations'`).pluck().get(), storage: storageClasses(db) };
    db.close();

    // Prisma's own engine applying the same folder must write the same table and value formats.
    const theirsFile = path.join(tmp, 'prisma-engine.db');
    await withEngine('sqlite', { url: `file:${theirsFile}` }, (engine, { migrationsList }) =>
      engine.applyMigrations({ migrationsList, filters: noFilters }),
    );
    const theirs = new Database(theirsFile, { readonly: true });
    expect(ours).toEqual({ table: theirs.prepare(`SELECT sql FROM sqlite_master WHERE name = '_prisma_migrations'`).pluck().get(), storage: storageClasses(theirs) });
    expect(theirs.prepare(`SELECT checksum FROM _prisma_migrations ORDER BY started_at`).pluck().all()).toEqual(migrations.map((m) => m.checksum));
    expect(theirs.prepare(`SELECT finished_at FROM _prisma_migrations`).pluck().all()).toEqual(migrations.map(() => expect.stringMatching(ISO_UTC)));
    theirs.close();
  });

  it('is a no-op the second time', { timeout: TIMEOUT }, async () => {
    const url = `file:${path.join(tmp, 'twice.db')}`;
    await applyMigrations({ url });
    expect((await applyMigrations({ url })).applied).toEqual([]);
    const db = new Database(url.slice(5), { readonly: true });
    expect(db.prepare(`SELECT COUNT(*) FROM _prisma_migrations`).pluck().get()).toBe(readMigrations(layout('sqlite').migrationsDir).length);
    db.close();
  });

  it('refuses a migration whose file changed after it was applied', { timeout: TIMEOUT }, async () => {
    const prismaDir = copyPrismaDir();
    const url = `file:${path.join(tmp, 'tampered.db')}`;
    await applyMigrations({ url, prismaDir });
    tamperFirstMigration(layout('sqlite', prismaDir).migrationsDir);
    await expect(applyMigrations({ url, prismaDir })).rejects.toThrow(/changed after being applied/);
  });

  it('records a failed migration as Prisma does and stops there', { timeout: TIMEOUT }, async () => {
    const prismaDir = copyPrismaDir();
    const broken = path.join(layout('sqlite', prismaDir).migrationsDir, '29991231000000_broken');
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, 'migration.sql'), 'CREATE TABLE "Organisation" ("id" TEXT);\n');
    const file = path.join(tmp, 'broken.db');
    await expect(applyMigrations({ url: `file:${file}`, prismaDir })).rejects.toThrow(/29991231000000_broken failed: .*already exists/);
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT finished_at, logs, applied_steps_count FROM _prisma_migrations WHERE migration_name = '29991231000000_broken'`).get()).toEqual({
      finished_at: null,
      logs: expect.stringMatching(/already exists/),
      applied_steps_count: 0,
    });
    db.close();
    await expect(applyMigrations({ url: `file:${file}`, prismaDir })).rejects.toThrow(/failed earlier/);
  });

  it('finds no drift in the repository, and drift in a schema with an extra field', { timeout: TIMEOUT }, async () => {
    expect(await checkDrift({ providers: ['sqlite'] })).toEqual([]);
    const prismaDir = copyPrismaDir();
    addFieldToSchema(prismaDir);
    const problems = await checkDrift({ prismaDir, providers: ['sqlite'] });
    expect(problems).toHaveLength(1);
    expect(problems[0].provider).toBe('sqlite');
    expect(problems[0].detail).toMatch(/driftProbe/);
  });

  it('fails when one provider has a migration the other lacks', async () => {
    const prismaDir = copyPrismaDir();
    const extra = path.join(layout('sqlite', prismaDir).migrationsDir, '29991231000000_only_sqlite');
    fs.mkdirSync(extra);
    fs.writeFileSync(path.join(extra, 'migration.sql'), 'SELECT 1;\n');
    // providers: [] runs only the name check, which needs no database
    const problems = await checkDrift({ prismaDir, providers: [] });
    expect(problems).toEqual([expect.objectContaining({ provider: 'postgresql', message: expect.stringMatching(/29991231000000_only_sqlite/) })]);
  });
});

function storageClasses(db: Database.Database) {
  return db.prepare(`SELECT typeof(id), typeof(checksum), typeof(started_at), typeof(finished_at), typeof(logs), typeof(applied_steps_count) FROM _prisma_migrations`).all();
}

const databaseUrl = process.env.DATABASE_URL ?? '';
const postgres = isPostgresUrl(databaseUrl);
if (!postgres) console.warn('migrator.integration: PostgreSQL tests SKIPPED: DATABASE_URL is not a postgres:// URL');

describe.skipIf(!postgres)('PostgreSQL (runs only when DATABASE_URL is a postgres:// URL)', () => {
  const run = randomUUID().slice(0, 8);
  const schemas: string[] = [];
  let admin: pg.Client;

  /** DATABASE_URL pointed at a new schema of this run; dropped afterwards. */
  function schemaUrl(label: string) {
    const schema = `migrator_test_${run}_${label}`;
    schemas.push(schema);
    const url = new URL(databaseUrl);
    url.searchParams.set('schema', schema);
    return { schema, url: url.toString() };
  }

  beforeAll(async () => {
    admin = new pg.Client(pgConfig(databaseUrl));
    await admin.connect();
  });
  afterAll(async () => {
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });

  async function historyColumns(schema: string) {
    const { rows } = await admin.query(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = $1 AND table_name = '_prisma_migrations' ORDER BY column_name`,
      [schema],
    );
    return rows;
  }

  it('applies every migration into a new schema, recording them as Prisma does', { timeout: TIMEOUT }, async () => {
    const { schema, url } = schemaUrl('fresh');
    const migrations = readMigrations(layout('postgresql').migrationsDir);
    expect((await applyMigrations({ url })).applied).toEqual(migrations.map((m) => m.name));

    const tables = (await admin.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [schema])).rows.map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining([...models, '_prisma_migrations']));
    const { rows } = await admin.query(`SELECT * FROM "${schema}"._prisma_migrations ORDER BY started_at`);
    rows.forEach((row, i) => {
      expect(row).toMatchObject({ migration_name: migrations[i].name, checksum: checksum(migrations[i].sql), logs: null, rolled_back_at: null, applied_steps_count: 1 });
      expect(row.id).toMatch(UUID);
      expect(row.finished_at).toBeInstanceOf(Date);
    });

    // Prisma's own engine, applying into a sibling schema, creates the same table.
    const theirs = schemaUrl('engine');
    await admin.query(`CREATE SCHEMA "${theirs.schema}"`);
    await withEngine('postgresql', { url: theirs.url }, (engine, { migrationsList }) =>
      engine.applyMigrations({ migrationsList, filters: noFilters }),
    );
    expect(await historyColumns(schema)).toEqual(await historyColumns(theirs.schema));
    const theirRows = await admin.query(`SELECT checksum, applied_steps_count, logs FROM "${theirs.schema}"._prisma_migrations ORDER BY started_at`);
    expect(theirRows.rows).toEqual(rows.map(({ checksum, applied_steps_count, logs }) => ({ checksum, applied_steps_count, logs })));
  });

  it('is a no-op the second time and refuses a changed migration', { timeout: TIMEOUT }, async () => {
    const prismaDir = copyPrismaDir();
    const { url } = schemaUrl('tamper');
    await applyMigrations({ url, prismaDir });
    expect((await applyMigrations({ url, prismaDir })).applied).toEqual([]);
    tamperFirstMigration(layout('postgresql', prismaDir).migrationsDir);
    await expect(applyMigrations({ url, prismaDir })).rejects.toThrow(/changed after being applied/);
  });

  it('finds no drift in the repository, and drift in a schema with an extra field', { timeout: TIMEOUT }, async () => {
    expect(await checkDrift({ providers: ['postgresql'] })).toEqual([]);
    const prismaDir = copyPrismaDir();
    addFieldToSchema(prismaDir);
    const problems = await checkDrift({ prismaDir, providers: ['postgresql'] });
    expect(problems.map((p) => p.provider)).toEqual(['postgresql']);
    expect(problems[0].detail).toMatch(/driftProbe/);
  });

  // `create` always writes both providers, so it needs the PostgreSQL server too.
  it('creates nothing without a schema change, and a migration for both providers with one', { timeout: TIMEOUT }, async () => {
    const prismaDir = copyPrismaDir();
    const before = readMigrations(layout('sqlite', prismaDir).migrationsDir).length;
    expect(await createMigration('nothing', { prismaDir })).toBeNull();
    expect(readMigrations(layout('sqlite', prismaDir).migrationsDir)).toHaveLength(before);

    addFieldToSchema(prismaDir);
    const name = await createMigration('add drift probe', { prismaDir, now: new Date('2999-01-02T03:04:05Z') });
    expect(name).toBe('29990102030405_add_drift_probe');
    for (const provider of ['sqlite', 'postgresql'] as const) {
      const created = readMigrations(layout(provider, prismaDir).migrationsDir).at(-1)!;
      expect(created.name).toBe(name);
      expect(created.sql).toMatch(/driftProbe/);
    }
    expect(await checkDrift({ prismaDir })).toEqual([]);
    // and the new migration applies on top of the old ones
    const { url } = schemaUrl('created');
    expect((await applyMigrations({ url, prismaDir })).applied.at(-1)).toBe(name);
    expect((await applyMigrations({ url: `file:${path.join(tmp, 'created.db')}`, prismaDir })).applied.at(-1)).toBe(name);
  });
});
