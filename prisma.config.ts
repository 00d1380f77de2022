import { defineConfig } from 'prisma/config';

// The stock CLI is used for `prisma generate` (and `prisma validate`). It wants a native schema
// engine it cannot download here; generate never runs it, so any existing file satisfies the
// check. Migrations run through scripts/db (docs/adr/0002-offline-migrations.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: process.env.QUADRANT_PRISMA_SCHEMA ?? 'prisma/schema.prisma',
  // For the stock CLI where it can run (e.g. `prisma migrate deploy` on a machine that can fetch
  // the native engine, with QUADRANT_PRISMA_SCHEMA=prisma/postgres/schema.prisma).
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
