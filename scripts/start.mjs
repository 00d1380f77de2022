// `npm start`: everything a newcomer needs to see the seeded demo on http://localhost:3000.
// Brings the database up to date (creating and seeding the SQLite file on first run), builds the
// app when there is no build of the current sources, then serves it.
import { spawnSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ['scripts/db.mjs', 'setup']);

// Sessions are signed with NEXTAUTH_SECRET. Without one, make a random secret for this
// installation and keep it beside the SQLite file, so sessions survive a restart.
if (!process.env.NEXTAUTH_SECRET) {
  const secretFile = path.join(root, 'data', '.auth-secret');
  if (!fs.existsSync(secretFile)) {
    fs.mkdirSync(path.dirname(secretFile), { recursive: true });
    fs.writeFileSync(secretFile, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = fs.readFileSync(secretFile, 'utf8').trim();
}
process.env.NEXTAUTH_URL ??= `http://localhost:${process.env.PORT ?? '3000'}`;

// A build stamp records the sources the build was made from; rebuild when they change.
const stamp = path.join(root, '.next', 'quadrant-build-stamp');
const newest = newestSourceTime(['app', 'components', 'lib', 'types', 'next.config.js', 'package-lock.json', 'proxy.ts', 'prisma/schema.prisma']);
const built = fs.existsSync(stamp) ? Number(fs.readFileSync(stamp, 'utf8')) : 0;
if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')) || built < newest) {
  console.log('Building Quadrant (first run takes a minute)…');
  run('npx', ['next', 'build']);
  fs.writeFileSync(stamp, String(newest));
}

const port = process.env.PORT ?? '3000';
console.log(`Quadrant: http://localhost:${port}  (demo sign-ins are in the README)`);
const server = spawn('npx', ['next', 'start', '-p', port], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

function newestSourceTime(entries) {
  let newest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      if (p.includes(`${path.sep}generated`)) return;
      for (const child of fs.readdirSync(p)) visit(path.join(p, child));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of entries) visit(path.join(root, entry));
  return Math.floor(newest);
}
