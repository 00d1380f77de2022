// Times each database round trip of one threats-register request (listThreats and
// listRegisterFilterOptions, lib/db/threats.ts) in-process, for a bench user, and prints the
// queries' own times beside the whole: where the register's SQL time goes.
//   node --conditions=react-server --import tsx scripts/bench/register-steps.ts <email> [runs] [query string…]
// with DATABASE_URL set to the benchmark's database (e.g. file:.tmp/bench/bench-full.db).
// It wraps the client's $queryRaw and model calls in this process only; nothing is changed on disk.
import { prisma } from '../../lib/db/client';
import { getSessionUser } from '../../lib/db/users';
import { listThreats, listRegisterFilterOptions } from '../../lib/db/threats';
import { threatRegisterQuerySchema } from '../../lib/validation/threat-register';

type Step = { label: string; ms: number };
let steps: Step[] = [];
const client = prisma as unknown as Record<string, unknown>;
const rawQuery = client.$queryRaw as (...args: unknown[]) => Promise<unknown>;
client.$queryRaw = async (...args: unknown[]) => {
  const t = performance.now();
  const result = await rawQuery.apply(prisma, args);
  const text = String((args[0] as { sql?: string }).sql ?? args[0]).replace(/\s+/g, ' ').trim();
  steps.push({ label: `raw: ${text.slice(0, 90)}`, ms: performance.now() - t });
  return result;
};
for (const model of ['socThreat', 'organisation', 'complianceSettings', 'user']) {
  const delegate = client[model] as Record<string, (...args: unknown[]) => Promise<unknown>> | undefined;
  if (!delegate) continue;
  for (const method of ['findMany', 'findFirst', 'findUnique']) {
    const original = delegate[method];
    if (typeof original !== 'function') continue;
    try {
      delegate[method] = async (...args: unknown[]) => {
        const t = performance.now();
        const result = await original.apply(delegate, args);
        steps.push({ label: `${model}.${method}`, ms: performance.now() - t });
        return result;
      };
    } catch {
      // a read-only delegate: not timed
    }
  }
}

const [email, runsArg, ...queries] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const found = await prisma.user.findUnique({ where: { email: email! }, select: { id: true } });
const row = found && (await getSessionUser(found.id));
if (!row) throw new Error(`No user ${email}`);
const user = { id: row.id, roles: row.roles, organisationId: row.organisationId, organisationPath: row.organisationPath, organisationKind: row.organisationKind };
for (const q of queries.length ? queries : ['']) {
  const query = threatRegisterQuerySchema.parse(Object.fromEntries(new URLSearchParams(q)));
  await Promise.all([listThreats(user, query), listRegisterFilterOptions(user)]);
  const totals: number[] = [];
  const byLabel = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    steps = [];
    const t = performance.now();
    // One after the other, so that each round trip's time is its own (the page runs them together).
    await listThreats(user, query);
    await listRegisterFilterOptions(user);
    totals.push(performance.now() - t);
    for (const step of steps) byLabel.set(step.label, [...(byLabel.get(step.label) ?? []), step.ms]);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`${q || '(default)'}: median ${median(totals).toFixed(1)} ms over ${runs} runs; ${steps.length} round trips per request`);
  for (const [label, times] of byLabel) console.log(`  ${median(times).toFixed(1).padStart(7)} ms  ${label}`);
}
process.exit(0);
