// Once per `vitest run`: start integration tests from empty databases, so nothing is left over
// from an earlier run (per-worker SQLite files, or per-worker PostgreSQL schemas).
import fs from 'node:fs';
import pg from 'pg';
import { pgConfig } from '../lib/db/pg-config.mjs';
import { SCHEMA_PREFIX, TEST_DB_DIR } from './database';

export default async function setup() {
  const base = process.env.DATABASE_URL;
  if (base && /^postgres(ql)?:\/\//.test(base)) {
    const client = new pg.Client(pgConfig(base));
    await client.connect();
    try {
      const { rows } = await client.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE nspname LIKE $1', [`${SCHEMA_PREFIX}%`]);
      for (const { nspname } of rows) await client.query(`DROP SCHEMA "${nspname}" CASCADE`);
    } finally {
      await client.end();
    }
    return;
  }
  fs.mkdirSync(TEST_DB_DIR, { recursive: true });
  for (const file of fs.readdirSync(TEST_DB_DIR)) {
    if (file.startsWith('vitest-w')) fs.rmSync(`${TEST_DB_DIR}/${file}`, { force: true });
  }
}
