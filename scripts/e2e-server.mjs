// The server the end-to-end tests drive: a freshly reset and seeded database (SQLite file
// .tmp/e2e.db unless DATABASE_URL names PostgreSQL, where the schema `e2e` is used), then the
// production build, exactly as `npm start` serves it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const base = process.env.DATABASE_URL;
let url;
if (base && /^postgres(ql)?:\/\//.test(base)) {
  const u = new URL(base);
  u.searchParams.set('schema', 'e2e');
  url = u.toString();
} else {
  url = `file:${path.join(root, '.tmp', 'e2e.db')}`;
}
process.env.DATABASE_URL = url;
process.env.E2E_DATABASE_URL = url;
process.env.NEXTAUTH_SECRET ??= 'e2e-only-secret-0123456789abcdef';
// No daily digest on a timer: a journey runs it itself (npm run reminders) when it needs one.
process.env.REMINDERS_SCHEDULE = 'off';

const reset = spawnSync(process.execPath, [path.join(root, 'scripts/db.mjs'), 'reset'], { stdio: 'inherit', env: process.env });
if (reset.status !== 0) process.exit(reset.status ?? 1);
await import('./start.mjs');
