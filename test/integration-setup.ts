// Runs before each integration test file, before it imports the Prisma client: point this worker
// at its own database and bring it up to the committed migrations (a no-op once applied).
import { applyMigrations } from '../scripts/db/migrator.mjs';
import { workerDatabaseUrl } from './database';

const worker = process.env.VITEST_POOL_ID ?? '1';
process.env.QUADRANT_TEST_BASE_URL ??= process.env.DATABASE_URL ?? '';
process.env.DATABASE_URL = workerDatabaseUrl(process.env.QUADRANT_TEST_BASE_URL || undefined, worker);

await applyMigrations({ url: process.env.DATABASE_URL });
