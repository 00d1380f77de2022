// The benchmark's window on the app's own TypeScript code, run by scripts/bench.mjs as a child
// process with DATABASE_URL set to the benchmark's database:
//   node --conditions=react-server --import tsx scripts/bench/app.ts <mode> <email> [runs]
// Modes (each prints one JSON line on stdout):
//   dashboard  getDashboard(user, { period }, now) from lib/db/dashboard.ts: one warm-up, then `runs`
//              timed calls; their times and the figures of the last
//   floor-sql  what the floor's hand-written queries need from the app: the flag engine's SQL
//              (flagRowsSql, grouped as countFlagsByOrganisation groups it) and each organisation's
//              review cut-offs, so that the floor runs them through the driver without the app
//   naive      the "what not to do" baseline: Prisma findMany of the scope's plans with their
//              actions, action updates and reviews, counted in JavaScript
import { prisma, sql } from '../../lib/db/client';
import { getSessionUser } from '../../lib/db/users';
import { flagRowsSql } from '../../lib/db/compliance-sql';
import { pathIds } from '../../lib/db/settings';
import type { Actor } from '../../lib/auth/policy';
import { complianceCutoffs } from '../../lib/domain/compliance/cutoffs';
import { resolveThresholds, SETTING_KEYS, type ThresholdOverrides } from '../../lib/domain/settings';
import { addCalendarDays, londonDateKey, londonDayStart } from '../../lib/domain/dates';
import { periodEnding } from '../../lib/domain/dashboard';

const [mode, email, runsArg] = process.argv.slice(2);
const runs = Math.max(1, Number(runsArg ?? 5));
const now = new Date(Number(process.env.BENCH_NOW ?? Date.now()));

async function actorFor(address: string): Promise<Actor> {
  const found = await prisma.user.findUnique({ where: { email: address }, select: { id: true } });
  const user = found && (await getSessionUser(found.id));
  if (!user) throw new Error(`No bench user ${address}`);
  return { id: user.id, roles: user.roles, organisationId: user.organisationId, organisationPath: user.organisationPath, organisationKind: user.organisationKind };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The period the dashboard opens on: the 12 months ending with the current London month. */
const period = () => periodEnding(londonDateKey(now).slice(0, 7));

async function dashboard(user: Actor) {
  // Imported here so that the other modes run while lib/db/dashboard.ts is being written.
  const { getDashboard } = await import('../../lib/db/dashboard');
  const p = period();
  await getDashboard(user, { period: p }, now); // warm-up: connection, prepared statements, caches
  const times: number[] = [];
  let data: Awaited<ReturnType<typeof getDashboard>> | null = null;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    data = await getDashboard(user, { period: p }, now);
    times.push(performance.now() - t);
  }
  const total = data!.total;
  return {
    times,
    medianMs: median(times),
    rows: data!.organisations.length,
    figures: {
      activePlans: total.reviews.activePlans,
      reviewedInCadence: total.reviews.reviewedInCadence,
      flags: Object.fromEntries(total.flags.map((f) => [f.code, f.alerts + f.warnings])),
      balance: total.balance.counts,
      annexB: { lead: total.disruptions.lead, pursue: total.disruptions.pursue },
      unmetTotal: total.unmetDemand.reduce((s, u) => s + u.total, 0),
      unmetOpen: total.unmetDemand.reduce((s, u) => s + u.open, 0),
      lros: total.caseload.lros,
      threatsHeld: total.caseload.threatsHeld,
      trained: total.caseload.trained,
      untrained: total.caseload.untrained,
    },
  };
}

async function floorSql(user: Actor) {
  const inner = await flagRowsSql({ organisationPath: user.organisationPath }, now);
  const grouped = sql`SELECT f.organisation_id, f.code, f.severity, COUNT(*) AS n FROM (${inner}) f GROUP BY f.organisation_id, f.code, f.severity`;
  // Each organisation's review cut-offs by tier, as the flag engine resolves them.
  const organisations = await prisma.organisation.findMany({ where: { path: { startsWith: user.organisationPath } }, select: { id: true, path: true } });
  const settings = await prisma.complianceSettings.findMany({ where: { organisationId: { in: [...new Set(organisations.flatMap((o) => pathIds(o.path)))] } } });
  const byId = new Map<string, ThresholdOverrides>(settings.map((s) => [s.organisationId, Object.fromEntries(SETTING_KEYS.map((k) => [k, s[k]]))]));
  const cutoffs = organisations.map((o) => {
    const c = complianceCutoffs(resolveThresholds(pathIds(o.path).map((id) => byId.get(id))), now);
    return { id: o.id, tierOne: c.tiers.map((t) => t.oneCadenceBefore.toISOString()) };
  });
  const p = period();
  const todayKey = londonDateKey(now);
  return {
    flags: { sql: grouped.sql, text: grouped.text, values: grouped.values.map((v) => (v instanceof Date ? { date: v.toISOString() } : v)) },
    cutoffs,
    todayStart: londonDayStart(todayKey).toISOString(),
    periodStart: londonDayStart(p.from).toISOString(),
    periodEnd: londonDayStart(addCalendarDays(p.to, 1)).toISOString(),
    path: user.organisationPath,
  };
}

/** Loads the scope's plans with everything under them and counts in JavaScript. */
async function naive(user: Actor) {
  await prisma.$queryRaw`SELECT 1`; // connected before timing, as the dashboard's warm-up is
  const t = performance.now();
  const plans = await prisma.fourPPlan.findMany({
    where: { status: 'ACTIVE', threat: { status: { in: ['MAPPED', 'ACTIVE'] }, organisation: { path: { startsWith: user.organisationPath } } } },
    include: { threat: true, reviews: true, actions: { include: { updates: true } } },
  });
  const today = londonDayStart(londonDateKey(now)).getTime();
  const staleBefore = now.getTime() - 30 * 24 * 60 * 60 * 1000;
  const balance = { PURSUE: 0, PREVENT: 0, PROTECT: 0, PREPARE: 0 };
  let reviewed = 0;
  let stale = 0;
  let updates = 0;
  let actions = 0;
  for (const plan of plans) {
    if (plan.reviews.length > 0 && (!plan.nextReviewDue || plan.nextReviewDue.getTime() >= today)) reviewed++;
    for (const action of plan.actions) {
      actions++;
      updates += action.updates.length;
      if (!['NOT_STARTED', 'IN_PROGRESS', 'BLOCKED'].includes(action.status)) continue;
      balance[action.strand]++;
      const last = Math.max(action.createdAt.getTime(), ...action.updates.map((u) => u.createdAt.getTime()));
      if (last < staleBefore) stale++;
    }
  }
  return { ms: performance.now() - t, plans: plans.length, actions, updates, balance, reviewed, stale, maxRssKb: process.resourceUsage().maxRSS };
}

try {
  const user = await actorFor(email!);
  const result = mode === 'dashboard' ? await dashboard(user) : mode === 'floor-sql' ? await floorSql(user) : mode === 'naive' ? await naive(user) : null;
  if (!result) throw new Error(`Unknown mode ${mode}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
