// Drift check (CI runs it through `npm run db:check-drift`): each provider's migrations folder,
// replayed into a shadow database, must produce exactly the current schema, and the two folders
// must hold the same migration names, so that SQLite and PostgreSQL deployments share one history.
import path from 'node:path';
import { pendingSchemaChange } from './engine.mjs';
import { layout, PROVIDERS, readMigrations } from './layout.mjs';

/**
 * @param {{ prismaDir?: string, adminUrl?: string, log?: (line: string) => void, providers?: readonly import('./layout.mjs').Provider[] }} [options]
 *   `providers` limits the (database-backed) schema comparison; the name check always covers both.
 * @returns {Promise<{ provider: string, message: string, detail?: string }[]>} empty when in step
 */
export async function checkDrift(options = {}) {
  const log = options.log ?? (() => {});
  /** @type {{ provider: string, message: string, detail?: string }[]} */
  const problems = [];

  const names = Object.fromEntries(
    PROVIDERS.map((provider) => [provider, readMigrations(layout(provider, options.prismaDir).migrationsDir).map((m) => m.name)]),
  );
  for (const [provider, other] of [['sqlite', 'postgresql'], ['postgresql', 'sqlite']]) {
    const missing = names[other].filter((name) => !names[provider].includes(name));
    if (missing.length > 0) {
      problems.push({
        provider,
        message: `${relative(layout(/** @type {any} */ (provider), options.prismaDir).migrationsDir)} lacks ${missing.join(', ')}, which ${other} has`,
      });
    }
  }

  for (const provider of options.providers ?? PROVIDERS) {
    log(`${provider}: replaying ${names[provider].length} migrations into a shadow database`);
    const { sql, summary } = await pendingSchemaChange(provider, options);
    if (sql) {
      problems.push({
        provider,
        message: `the migrations in ${relative(layout(provider, options.prismaDir).migrationsDir)} do not produce the current schema`,
        detail: `${summary.trim()}\n\nSQL that would bring them in line:\n${sql.trim()}\n`,
      });
    }
  }
  return problems;
}

const relative = (/** @type {string} */ dir) => path.relative(process.cwd(), dir) || '.';
