// The e2e tests' own door to the database the server under test uses (same URL rule as
// scripts/e2e-server.mjs), for arranging what the browser cannot, such as deactivating a user.
import path from 'node:path';
import { connect } from '../../scripts/db/migrator.mjs';

export function e2eDatabaseUrl(): string {
  const base = process.env.DATABASE_URL;
  if (base && /^postgres(ql)?:\/\//.test(base)) {
    const u = new URL(base);
    u.searchParams.set('schema', 'e2e');
    return u.toString();
  }
  return `file:${path.join(process.cwd(), '.tmp', 'e2e.db')}`; // Playwright runs from the repository root
}

export async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof connect>>) => Promise<T>): Promise<T> {
  const db = await connect(e2eDatabaseUrl());
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** SQLite keeps booleans as 1 and 0 (and its driver refuses JavaScript booleans). */
export function sqlBool(db: { provider: string }, value: boolean): boolean | number {
  return db.provider === 'sqlite' ? (value ? 1 : 0) : value;
}
