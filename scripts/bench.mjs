// `npm run bench`: Quadrant at national scale (issue 6 part 6; docs/performance.md).
//
// Builds a synthetic national data set in a throwaway database (SQLite file .tmp/bench/bench-<size>.db,
// or with --postgres / BENCH_DATABASE_URL the PostgreSQL schema `bench`), then measures, in the same run:
//   (a) the dashboard through the app's own code (getDashboard, lib/db/dashboard.ts), median of N;
//   (b) the floor: one hand-written SQL query per figure through the driver, sum of medians;
//   (c) the naive ORM way: Prisma findMany of plans with actions and updates, counted in JavaScript;
//   (d) the register page under load: `next start` + autocannon on /threats (needs a build: .next).
// and prints a table with the machine, and writes .tmp/bench/results-<db>[-<size>].json.
//
//   npm run bench -- [--size full|smoke] [--postgres] [--keep] [--reuse] [--runs N]
//                    [--duration S] [--connections N] [--naive-timeout S] [--no-load] [--no-naive]
//                    [--build]   run `next build` first when there is no build (take the e2e lock:
//                                flock /tmp/quadrant-e2e.lock npm run bench -- --build)
//                    [--load-only] only (d), e.g. on a data set kept from an earlier run (--reuse)
//                    [--check]   exit 1 when the dashboard's figures differ from the floor's or a
//                                request under load fails (what CI's smoke run asserts; never timings)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIZES, generate } from './bench/generate.mjs';
import { BENCH_DIR, benchDatabase, createDatabase, databaseVersion, dropDatabase } from './bench/database.mjs';
import { openWriter } from './bench/writer.mjs';
import { runFloor } from './bench/floor.mjs';
import { HAS_BUILD, freePort, loadTest, signIn, startServer } from './bench/load.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

// --- Options -------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const flag = (/** @type {string} */ name) => argv.includes(`--${name}`);
const option = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0 && argv[i + 1] !== undefined) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
};
const sizeName = option('size', 'full');
const size = SIZES[sizeName];
if (!size) {
  console.error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  process.exit(2);
}
const smoke = sizeName === 'smoke';
const runs = Number(option('runs', smoke ? '3' : '5'));
const duration = Number(option('duration', smoke ? '3' : '30'));
const connections = Number(option('connections', '16'));
const naiveTimeoutS = Number(option('naive-timeout', smoke ? '60' : '180'));
const keep = flag('keep');
const reuse = flag('reuse');
const db = benchDatabase({ postgres: flag('postgres'), size: sizeName });
const manifestFile = path.join(BENCH_DIR, `manifest-${db.kind}-${sizeName}.json`);
const log = (/** @type {string} */ line) => console.log(line);
/** What --check fails on. @type {string[]} */
const problems = [];
fs.mkdirSync(BENCH_DIR, { recursive: true });

// --- Machine ---------------------------------------------------------------------------------
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
  os: `${os.type()} ${os.release()}`,
  database: await databaseVersion(db.url).catch((e) => `unavailable (${e.message})`),
};
log(`Quadrant benchmark, size ${sizeName}, on ${db.label}`);
log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, Node ${machine.node}, ${machine.database}`);

// --- Data set ----------------------------------------------------------------------------------
/** @type {{ users: { regional: string, national: string, force: string }, password: string, counts: Record<string, number>, generatedAt: string, seconds: number }} */
let manifest;
const reusable = reuse && fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, 'utf8')) : null;
if (reusable && reusable.url === db.url) {
  manifest = reusable;
  log(`Reusing the data set generated ${manifest.generatedAt} (--reuse; its dates are relative to then)`);
} else {
  log('Generating the data set…');
  const t = Date.now();
  await dropDatabase(db.url);
  await createDatabase(db.url);
  const w = await openWriter(db.url);
  try {
    await w.begin();
    const generated = await generate(w, { size, log });
    await w.commit();
    // PostgreSQL's autovacuum would analyse the new tables within minutes; do it now. SQLite has no
    // statistics unless someone runs ANALYZE, and the app never does, so neither do we.
    if (w.kind === 'postgres') {
      log('  ANALYZE');
      await w.exec('ANALYZE');
    }
    manifest = { ...generated, url: db.url, generatedAt: new Date().toISOString(), seconds: (Date.now() - t) / 1000 };
  } finally {
    await w.close();
  }
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  log(`Data set ready in ${manifest.seconds.toFixed(0)} s`);
}
const now = new Date();

// --- Child processes running the app's TypeScript --------------------------------------------------
/**
 * Runs scripts/bench/app.ts in a child process; resolves with its JSON, its peak RSS (kB, from
 * /proc while it runs) and whether it was stopped at the timeout.
 * @param {string[]} args @param {number} timeoutMs
 */
function appChild(args, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/bench/app.ts', ...args], {
      env: { ...process.env, DATABASE_URL: db.url, BENCH_NOW: String(now.getTime()), NODE_OPTIONS: '--max-old-space-size=8192' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let peakKb = 0;
    let stopped = false;
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // gone
      }
    }, 200);
    const timer = setTimeout(() => {
      stopped = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const started = performance.now();
    child.on('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      const elapsedMs = performance.now() - started;
      let json = null;
      try {
        json = JSON.parse(out.trim().split('\n').at(-1) ?? '');
      } catch {
        // no result
      }
      resolve({ json, code, stopped, elapsedMs, peakKb: Math.max(peakKb, json?.maxRssKb ?? 0), stderr: err });
    });
  });
}

/** @type {Record<string, any>} */
const results = { size: sizeName, database: db.kind, machine, counts: manifest.counts, runs, at: now.toISOString() };
const targets = { dashboardOverFloor: 1.5, naiveOverDashboard: 10, registerP95Ms: 150 };
results.targets = targets;

const scopes = /** @type {const} */ ([
  ['regional', manifest.users.regional],
  ['national', manifest.users.national],
]);

const loadOnly = flag('load-only');

// (b) the floor first: it needs nothing but the driver
results.floor = {};
for (const [scope, email] of loadOnly ? [] : scopes) {
  const input = /** @type {any} */ (await appChild(['floor-sql', email], 120_000));
  if (!input.json) throw new Error(`floor-sql failed:\n${input.stderr}`);
  log(`Floor (${scope}): ${email}`);
  results.floor[scope] = await runFloor(db.url, input.json, { runs, now });
  for (const q of results.floor[scope].queries) log(`  ${q.name.padEnd(30)} ${q.medianMs.toFixed(1).padStart(9)} ms`);
}

// (a) the dashboard through the app
results.dashboard = {};
if (loadOnly) {
  // measured in another run
} else if (fs.existsSync('lib/db/dashboard.ts')) {
  for (const [scope, email] of scopes) {
    const r = /** @type {any} */ (await appChild(['dashboard', email, String(runs)], 600_000));
    if (!r.json) {
      results.dashboard[scope] = { error: r.stderr.slice(-2000) };
      problems.push(`dashboard (${scope}) failed`);
      log(`Dashboard (${scope}) failed:\n${r.stderr.slice(-2000)}`);
      continue;
    }
    results.dashboard[scope] = r.json;
    log(`Dashboard (${scope}): median ${r.json.medianMs.toFixed(1)} ms of ${runs} (${r.json.times.map((/** @type {number} */ t) => t.toFixed(0)).join(', ')})`);
    const mismatches = compareFigures(r.json.figures, results.floor[scope].figures);
    results.dashboard[scope].agreesWithFloor = mismatches.length === 0;
    if (mismatches.length) {
      log(`  figures differ from the floor's: ${mismatches.join('; ')}`);
      problems.push(`dashboard (${scope}) differs from the floor: ${mismatches.join('; ')}`);
    }
  }
} else {
  log('Dashboard: lib/db/dashboard.ts not found, skipped');
}

// (c) the naive ORM way
results.naive = {};
if (!flag('no-naive') && !loadOnly) {
  for (const [scope, email] of scopes) {
    const r = /** @type {any} */ (await appChild(['naive', email], naiveTimeoutS * 1000));
    results.naive[scope] = r.json
      ? { ms: r.json.ms, stopped: false, peakRssMb: Math.round(r.peakKb / 1024), plans: r.json.plans, actions: r.json.actions, updates: r.json.updates }
      : { ms: r.stopped ? naiveTimeoutS * 1000 : null, stopped: r.stopped, peakRssMb: Math.round(r.peakKb / 1024), error: r.stopped ? null : r.stderr.slice(-1000) };
    const n = results.naive[scope];
    log(`Naive ORM (${scope}): ${n.stopped ? `>${naiveTimeoutS} s (stopped)` : n.ms != null ? `${(n.ms / 1000).toFixed(2)} s` : 'failed'}, peak RSS ${n.peakRssMb} MB${n.updates != null ? `, ${n.plans} plans, ${n.actions} actions, ${n.updates} updates loaded` : ''}`);
    if (n.error) log(n.error);
  }
}

// (d) the register under load
results.load = null;
if (flag('no-load')) {
  log('Load: skipped (--no-load)');
} else {
  if (!HAS_BUILD() && flag('build')) {
    log('Building the app (next build)…');
    const b = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('next build failed');
  }
  if (!HAS_BUILD()) {
    log('Load: skipped: no production build in .next (run `flock /tmp/quadrant-e2e.lock npm run build` first, or pass --build under that lock)');
    results.load = { skipped: 'no build' };
  } else {
    const port = await freePort(Number(option('port', '3300')));
    const server = await startServer({ url: db.url, port, log });
    try {
      const cookie = await signIn(server.base, manifest.users.regional, manifest.password);
      log(`  signed in as ${manifest.users.regional}`);
      const paths = ['/threats', '/threats?sort=flags', '/account/notifications'];
      results.load = { connections, duration, pages: [] };
      for (const p of paths) {
        const r = await loadTest({ base: server.base, path: p, cookie, connections, duration });
        results.load.pages.push(r);
        if (r.errors || r.non2xx || r.timeouts) problems.push(`${p}: ${r.errors} errors, ${r.non2xx} non-2xx, ${r.timeouts} timeouts under load`);
        log(`  ${p.padEnd(26)} p50 ${fmt(r.p50)} ms  p95 ${fmt(r.p95)} ms  p99 ${fmt(r.p99)} ms  ${r.reqPerSec.toFixed(1)} req/s  non-2xx ${r.non2xx}  errors ${r.errors}`);
      }
    } finally {
      await server.stop();
    }
  }
}

// --- Summary -------------------------------------------------------------------------------------
const rows = [];
for (const [scope] of scopes) {
  const a = results.dashboard[scope]?.medianMs;
  const b = results.floor[scope]?.sumOfMediansMs;
  const c = results.naive[scope];
  const ab = a != null && b ? a / b : null;
  const cOverA = c?.ms != null && a ? c.ms / a : null;
  results[`ratios_${scope}`] = { dashboardOverFloor: ab, naiveOverDashboard: cOverA, naiveStopped: c?.stopped ?? null };
  rows.push([
    scope,
    a != null ? `${fmt(a, 1)} ms` : '–',
    b != null ? `${fmt(b, 1)} ms` : '–',
    c ? (c.stopped ? `>${naiveTimeoutS} s (stopped)` : c.ms != null ? `${fmt(c.ms / 1000, 2)} s` : 'failed') : '–',
    c?.peakRssMb != null ? `${c.peakRssMb} MB` : '–',
    ab != null ? `${fmt(ab, 2)} ${ab <= targets.dashboardOverFloor ? 'met' : 'MISSED'}` : '–',
    cOverA != null ? `${c?.stopped ? '>' : ''}${fmt(cOverA, 0)} ${cOverA >= targets.naiveOverDashboard ? 'met' : 'MISSED'}` : '–',
  ]);
}
log('');
log(`Results (${sizeName}, ${db.kind}; ${runs} runs each after a warm-up; targets a/b ≤ ${targets.dashboardOverFloor}, c/a ≥ ${targets.naiveOverDashboard}, register p95 ≤ ${targets.registerP95Ms} ms)`);
table(['scope', '(a) dashboard', '(b) floor', '(c) naive ORM', 'naive peak RSS', 'a/b', 'c/a'], rows);
if (results.load?.pages) {
  log('');
  table(
    ['page (regional co-ordinator)', 'p50', 'p95', 'p99', 'req/s', 'non-2xx', 'errors', 'target'],
    results.load.pages.map((/** @type {any} */ p) => [
      p.path,
      `${fmt(p.p50)} ms`,
      `${fmt(p.p95)} ms`,
      `${fmt(p.p99)} ms`,
      fmt(p.reqPerSec, 1),
      String(p.non2xx),
      String(p.errors),
      p.path.startsWith('/threats') ? (p.p95 <= targets.registerP95Ms && p.errors === 0 && p.non2xx === 0 ? 'met' : 'MISSED') : '(framework only)',
    ]),
  );
}
const resultsFile = path.join(BENCH_DIR, `results-${db.kind}${smoke ? '-smoke' : ''}${loadOnly ? '-load' : ''}.json`);
fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
log(`\nWritten ${path.relative(root, resultsFile)}`);

if (!keep) {
  await dropDatabase(db.url);
  fs.rmSync(manifestFile, { force: true });
  log('Dropped the data set (--keep keeps it; --reuse then skips generating it)');
}
if (flag('check') && problems.length) {
  console.error(`\nCheck failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
process.exit(0);

// --- Helpers -------------------------------------------------------------------------------------
function fmt(/** @type {number | null | undefined} */ v, digits = 0) {
  return v == null ? '–' : v.toFixed(digits);
}

function table(/** @type {string[]} */ head, /** @type {string[][]} */ body) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (/** @type {string[]} */ r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  log(line(head));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of body) log(line(r));
}

/** The figures on which the dashboard and the floor should agree. */
function compareFigures(/** @type {any} */ app, /** @type {any} */ floor) {
  const out = [];
  const check = (/** @type {string} */ name, /** @type {unknown} */ x, /** @type {unknown} */ y) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${name}: app ${JSON.stringify(x)}, floor ${JSON.stringify(y)}`);
  };
  check('active plans', app.activePlans, floor.activePlans);
  check('reviewed in cadence', app.reviewedInCadence, floor.reviewedInCadence);
  for (const code of Object.keys({ ...app.flags, ...floor.flags })) check(`flag ${code}`, app.flags[code] ?? 0, floor.flags[code] ?? 0);
  check('balance', app.balance, floor.balance);
  check('Annex B', app.annexB, floor.annexB);
  check('unmet demand', [app.unmetTotal, app.unmetOpen], [floor.unmetTotal, floor.unmetOpen]);
  check('LROs', [app.lros, app.threatsHeld], [floor.lros, floor.threatsHeld]);
  check('trained LROs', app.trained, floor.trained);
  return out;
}
