// Times the threats register's query (listThreats, lib/db/threats.ts) in-process, without Next.js,
// for a bench user: `node --conditions=react-server --import tsx scripts/bench/register-profile.ts <email> [runs] [query string…]`
// with DATABASE_URL set to the benchmark's database. Used to separate query cost from rendering cost.
import { prisma } from '../../lib/db/client';
import { getSessionUser } from '../../lib/db/users';
import { listThreats, listRegisterFilterOptions } from '../../lib/db/threats';
import { threatRegisterQuerySchema } from '../../lib/validation/threat-register';

const [email, runsArg, ...queries] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const found = await prisma.user.findUnique({ where: { email: email! }, select: { id: true } });
const row = found && (await getSessionUser(found.id));
if (!row) throw new Error(`No user ${email}`);
const user = { id: row.id, roles: row.roles, organisationId: row.organisationId, organisationPath: row.organisationPath, organisationKind: row.organisationKind };
const out: Record<string, unknown> = {};
for (const q of queries.length ? queries : ['', 'sort=flags']) {
  const query = threatRegisterQuerySchema.parse(Object.fromEntries(new URLSearchParams(q)));
  const first = await listThreats(user, query);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await Promise.all([listThreats(user, query), listRegisterFilterOptions(user)]);
    times.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  out[q || '(default)'] = {
    medianMs: Math.round(times[Math.floor(times.length / 2)]!),
    // CPU time of this process (SQLite runs in it; PostgreSQL's work is not counted): steadier than wall time on a busy machine.
    medianCpuMs: Math.round(cpu[Math.floor(cpu.length / 2)]!),
    times: times.map(Math.round),
    total: first.total,
    firstPage: first.rows.map((r) => `${r.urn}:${r.flags.map((f) => `${f.code}/${f.severity}x${f.count}`).join(',')}`),
  };
}
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
