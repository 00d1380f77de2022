import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
// Both generated clients are imported statically, so one `next build` serves either database and
// DATABASE_URL alone chooses at runtime (docs/adr/0003-two-databases.md). A generated client is
// bound to one provider: the SQLite one refuses adapter-pg, hence two.
import { PrismaClient, Prisma as SqlitePrisma } from './generated/sqlite/client';
import { PrismaClient as PostgresPrismaClient } from './generated/postgres/client';
import { databaseUrl, isPostgresUrl, sqliteFilePath } from './database-url.mjs';
// Shared with the migration scripts so the app and `npm run db:migrate` read a URL the same way.
import { pgConfig, schemaFromUrl } from './pg-config.mjs';

export type { Prisma } from './generated/sqlite/client';

// Tagged raw SQL (lib/db/compliance-sql.ts). The helpers come from the Prisma runtime both
// generated clients share, so an Sql built here runs on the PostgreSQL client as well.
export const sql = SqlitePrisma.sql;
export const join = SqlitePrisma.join;
export const raw = SqlitePrisma.raw;
export const empty = SqlitePrisma.empty;
export type Sql = SqlitePrisma.Sql;

/** Which database DATABASE_URL points at: raw SQL differs in a few places (casts, date text). */
export function sqlDialect(): 'postgres' | 'sqlite' {
  return isPostgresUrl(databaseUrl()) ? 'postgres' : 'sqlite';
}
export type Db = PrismaClient;
/** The client inside `prisma.$transaction(async (tx) => ...)`. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/**
 * better-sqlite3 with the settings a web server needs, applied on every connection because the
 * adapter offers no hook for them: WAL so readers do not block the writer, a busy timeout so
 * concurrent writers wait instead of failing with SQLITE_BUSY, and foreign keys on (better-sqlite3
 * defaults to on, but SQLite itself does not, and Prisma's cascades depend on it).
 */
class QuadrantSqlite extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;');
    return adapter;
  }
}

function createClient(): PrismaClient {
  const url = databaseUrl();
  if (isPostgresUrl(url)) {
    // pg gets a parsed config, not { connectionString } (which silently overrides other fields);
    // `?schema=x` sets both the session search_path and the schema Prisma names in its queries,
    // which is how tests give each worker its own schema.
    const adapter = new PrismaPg(pgConfig(url), { schema: schemaFromUrl(url) });
    // The cast is sound: both clients are generated from the same models, so their model API is
    // the same, and typing every caller against the SQLite client keeps provider-only features
    // (e.g. `mode: 'insensitive'`) out of code that must run on both databases.
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  const adapter = new QuadrantSqlite({ url: `file:${sqliteFilePath(url)}`, timeout: 5000 }, { timestampFormat: 'iso8601' });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { quadrantPrisma?: PrismaClient };

/** The one Prisma client. Only lib/db imports it. */
export const prisma: PrismaClient = globalForPrisma.quadrantPrisma ?? createClient();
if (process.env.NODE_ENV !== 'production') globalForPrisma.quadrantPrisma = prisma;
