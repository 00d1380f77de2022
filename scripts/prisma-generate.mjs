// `npm install`'s postinstall: derive prisma/postgres/schema.prisma from the one source schema and
// generate both Prisma clients, so that one build can serve SQLite or PostgreSQL as DATABASE_URL
// decides at runtime (docs/adr/0003-two-databases.md). Run it by hand after editing the schema:
//   node scripts/prisma-generate.mjs
//
// Offline: `prisma generate` never runs the native engine it would like to download;
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY at an existing file to satisfy the check.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { derivePostgresSchema, layout, PRISMA_DIR, REPO_ROOT } from './db/layout.mjs';

const require = createRequire(import.meta.url);
// Inside `npm install` a failure here must not abort the whole install (the error still shows,
// and the app fails clearly at its first query); run by hand, it fails properly.
const duringInstall = process.env.npm_lifecycle_event === 'postinstall';
const source = path.join(PRISMA_DIR, 'schema.prisma');

/** @param {string} schemaPath */
function generate(schemaPath) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('prisma/build/index.js'), 'generate'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        QUADRANT_PRISMA_SCHEMA: path.relative(REPO_ROOT, schemaPath), // read by prisma.config.ts
        CHECKPOINT_DISABLE: '1', // no update check over the network
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`prisma generate (${path.relative(REPO_ROOT, schemaPath)}) exited ${code}:\n${output}`)),
    );
  });
}

async function main() {
  if (!fs.existsSync(source)) {
    // e.g. a Docker layer that installs dependencies before copying the source
    console.log('prisma-generate: no prisma/schema.prisma yet; skipping');
    return;
  }
  const postgres = layout('postgresql').schemaPath;
  const derived = derivePostgresSchema(fs.readFileSync(source, 'utf8'));
  fs.mkdirSync(path.dirname(postgres), { recursive: true });
  // Rewrite only on change, so file watchers do not see a new schema on every install.
  if (!fs.existsSync(postgres) || fs.readFileSync(postgres, 'utf8') !== derived) fs.writeFileSync(postgres, derived);

  const started = Date.now();
  // Independent outputs (lib/db/generated/sqlite and .../postgres), so in parallel.
  await Promise.all([generate(source), generate(postgres)]);
  console.log(`prisma-generate: generated the sqlite and postgresql clients in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

try {
  await main();
} catch (error) {
  console.error(`prisma-generate: ${error instanceof Error ? error.message : String(error)}`);
  if (duringInstall) console.error('prisma-generate: continuing the install; run `node scripts/prisma-generate.mjs` once fixed');
  else process.exitCode = 1;
}
