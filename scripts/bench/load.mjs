// The register under load: the production build served by `next start` on the benchmark's
// database, a regional co-ordinator signed in through the real credentials flow (next-auth: the
// CSRF token from /api/auth/csrf, then POST /api/auth/callback/credentials), and autocannon
// against each page. Latencies are every response's time as autocannon reports it, so p95 is
// exact (autocannon's own summary stops at p90 and p97.5).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';

export const HAS_BUILD = () => fs.existsSync(path.resolve('.next', 'BUILD_ID'));

/** A free TCP port, starting at `preferred`. */
export async function freePort(preferred = 3300) {
  for (let port = preferred; port < preferred + 100; port++) {
    const ok = await new Promise((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new Error('No free port');
}

/**
 * Starts `next start` on the database; resolves once /api/health answers.
 * @param {{ url: string, port: number, log: (line: string) => void }} options
 */
export async function startServer({ url, port, log }) {
  const env = {
    ...process.env,
    DATABASE_URL: url,
    REMINDERS_SCHEDULE: 'off',
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'bench-only-secret-0123456789abcdef',
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NODE_ENV: 'production',
    PORT: String(port),
  };
  const child = spawn(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const started = Date.now();
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output.slice(-2000)}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() - started > 60_000) {
      child.kill('SIGTERM');
      throw new Error(`next start did not answer within 60 s:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`  server up on ${base} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    base,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(undefined);
        child.once('exit', () => resolve(undefined));
        child.kill('SIGTERM');
      }),
  };
}

/** Cookies from a response's Set-Cookie headers, merged into `jar`. */
function keepCookies(/** @type {Response} */ res, /** @type {Map<string, string>} */ jar) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
  }
}
const cookieHeader = (/** @type {Map<string, string>} */ jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in through next-auth's credentials flow; returns the Cookie header of the session. */
export async function signIn(/** @type {string} */ base, /** @type {string} */ email, /** @type {string} */ password) {
  const jar = new Map();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keepCookies(csrfRes, jar);
  const { csrfToken } = /** @type {{ csrfToken: string }} */ (await csrfRes.json());
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/`, json: 'true' }),
  });
  keepCookies(res, jar);
  const session = [...jar.keys()].find((k) => k.endsWith('next-auth.session-token'));
  if (!session) throw new Error(`Sign-in as ${email} failed (HTTP ${res.status})`);
  return cookieHeader(jar);
}

function percentile(/** @type {number[]} */ sorted, /** @type {number} */ p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * autocannon against one path with the session cookie.
 * @param {{ base: string, path: string, cookie: string, connections: number, duration: number }} options
 */
export async function loadTest({ base, path: urlPath, cookie, connections, duration }) {
  // One request first: a page that does not render (sign-in redirect, error) is not measured.
  const probe = await fetch(`${base}${urlPath}`, { headers: { cookie }, redirect: 'manual' });
  const body = await probe.text();
  if (probe.status !== 200) throw new Error(`${urlPath} answered HTTP ${probe.status} before the load test`);
  /** @type {number[]} */
  const latencies = [];
  const instance = autocannon({ url: `${base}${urlPath}`, connections, duration, headers: { cookie }, timeout: 30 });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const non2xx = result.non2xx ?? 0;
  return {
    path: urlPath,
    connections,
    durationS: duration,
    requests: result.requests.total,
    reqPerSec: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? null,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerPage: body.length,
  };
}
