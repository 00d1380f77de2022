// The compliance SQL API: universes, counts by organisation, register summaries, paging. Whether
// each rule is right is the agreement test's job (compliance-agreement.integration.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma, sql } from './client';
import { getThreatFlags } from './compliance';
import { countFlags, countFlagsByOrganisation, flagRowsSql, listFlagRows, threatFlagSummaries } from './compliance-sql';
import { threatScopeSql } from './scope';
import { asCurrentUser, makeActionForTest, makeOrganisation, makePlanForActions, makeThreat, makeTraining, makeUser } from '@/test/factories';

// Half an hour before the clocks go back (01:30 BST).
const now = new Date('2026-10-25T00:30:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

let world: Awaited<ReturnType<typeof build>>;

async function build() {
  const region = await makeOrganisation({ kind: 'REGION' });
  const strict = await makeOrganisation({ parent: region, kind: 'FORCE' });
  const lax = await makeOrganisation({ parent: region, kind: 'FORCE' });
  const strictLpa = await makeOrganisation({ parent: strict, kind: 'LPA' });
  const elsewhere = await makeOrganisation({ kind: 'REGION' });
  // The region lets a threat go 20 days without an LRO; the strict force only 5 (its LPA inherits that).
  await prisma.complianceSettings.create({ data: { organisationId: region.id, noLroDays: 20, noPlanDays: 1000, morileOverdueMonths: 100, possibleUnmetDemandDays: 1000 } });
  await prisma.complianceSettings.create({ data: { organisationId: strict.id, noLroDays: 5 } });
  await prisma.complianceSettings.create({ data: { organisationId: elsewhere.id, noLroDays: 5 } });

  const officer = await makeUser(strict, ['LRO']);
  await makeTraining(officer.id, { completedOn: daysAgo(400), expiresOn: daysAgo(10) }); // expired: untrained

  const tenDaysOld = { mappedOn: daysAgo(10), leadResponsibleOfficerId: null };
  const inStrict = await makeThreat(strict, tenDaysOld);
  const inStrictLpa = await makeThreat(strictLpa, tenDaysOld);
  const inLax = await makeThreat(lax, tenDaysOld);
  const led = await makeThreat(lax, { mappedOn: daysAgo(10), leadResponsibleOfficerId: officer.id });
  const archived = await makeThreat(strict, { status: 'ARCHIVED', mappedOn: daysAgo(10), leadResponsibleOfficerId: officer.id });
  const archivedPlan = await makePlanForActions(archived.id, { status: 'CLOSED' });
  await makeActionForTest(archivedPlan.id, { status: 'BLOCKED' });
  const outside = await makeThreat(elsewhere, tenDaysOld);
  // An order of the lax force on a threat of the strict force, never checked since it started 200 days ago.
  const order = await prisma.ancillaryOrder.create({
    data: { kind: 'SCPO', subjectName: 'A Person', threatId: inStrict.id, organisationId: lax.id, madeOn: daysAgo(200), startsOn: daysAgo(200) },
    select: { id: true },
  });
  return { region, strict, lax, strictLpa, elsewhere, officer, threats: { inStrict, inStrictLpa, inLax, led, archived, outside }, order };
}

beforeAll(async () => {
  world = await build();
});

describe('organisation universe', () => {
  it('applies each organisation its own or inherited thresholds, and includes officers and orders', async () => {
    const rows = await listFlagRows({ organisationPath: world.region.path }, now);
    const keys = rows.map((r) => `${r.code}:${r.severity}:${r.subject.id}`).sort();
    expect(keys).toEqual(
      [
        `THREAT_NO_LRO:alert:${world.threats.inStrict.id}`,
        `THREAT_NO_LRO:alert:${world.threats.inStrictLpa.id}`,
        `LRO_UNTRAINED:alert:${world.officer.id}`,
        `ORDER_NOT_MONITORED:alert:${world.order.id}`,
        `ARCHIVED_WITH_OPEN_ACTIONS:warning:${world.threats.archived.id}`,
      ].sort(),
    );
    const officerFlag = rows.find((r) => r.code === 'LRO_UNTRAINED')!;
    expect(officerFlag).toMatchObject({ threatId: null, organisationId: world.strict.id, subject: { kind: 'OFFICER' } });
    const orderFlag = rows.find((r) => r.code === 'ORDER_NOT_MONITORED')!;
    expect(orderFlag).toMatchObject({ threatId: world.threats.inStrict.id, organisationId: world.lax.id });
  });

  it('lists alerts first, then in the order of the flag codes, and pages', async () => {
    const universe = { organisationPath: world.region.path };
    const all = await listFlagRows(universe, now);
    expect(all.map((r) => r.code)).toEqual(['THREAT_NO_LRO', 'THREAT_NO_LRO', 'LRO_UNTRAINED', 'ORDER_NOT_MONITORED', 'ARCHIVED_WITH_OPEN_ACTIONS']);
    expect(await listFlagRows(universe, now, { take: 2, skip: 1 })).toEqual(all.slice(1, 3));
    expect(await listFlagRows(universe, now, { skip: 3 })).toEqual(all.slice(3));
    expect(await listFlagRows(universe, now, { take: 0 })).toEqual([]);
    expect((await listFlagRows(universe, now, { codes: ['THREAT_NO_LRO', 'ORDER_NOT_MONITORED'] })).map((r) => r.code)).toEqual([
      'THREAT_NO_LRO',
      'THREAT_NO_LRO',
      'ORDER_NOT_MONITORED',
    ]);
    expect(await listFlagRows(universe, now, { codes: [] })).toEqual([]);
  });

  it('counts by code and severity, and by organisation, in SQL', async () => {
    expect(await countFlags({ organisationPath: world.region.path }, now)).toEqual([
      { code: 'THREAT_NO_LRO', severity: 'alert', count: 2 },
      { code: 'LRO_UNTRAINED', severity: 'alert', count: 1 },
      { code: 'ORDER_NOT_MONITORED', severity: 'alert', count: 1 },
      { code: 'ARCHIVED_WITH_OPEN_ACTIONS', severity: 'warning', count: 1 },
    ]);
    const byOrganisation = await countFlagsByOrganisation(world.strict.path, now);
    expect(byOrganisation).toHaveLength(4);
    expect(byOrganisation).toEqual(
      expect.arrayContaining([
        { organisationId: world.strict.id, code: 'THREAT_NO_LRO', severity: 'alert', count: 1 },
        { organisationId: world.strictLpa.id, code: 'THREAT_NO_LRO', severity: 'alert', count: 1 },
        { organisationId: world.strict.id, code: 'LRO_UNTRAINED', severity: 'alert', count: 1 },
        { organisationId: world.strict.id, code: 'ARCHIVED_WITH_OPEN_ACTIONS', severity: 'warning', count: 1 },
      ]),
    );
    // Nothing of the strict force is in the lax force's counts, except what is the lax force's own.
    expect(await countFlagsByOrganisation(world.lax.path, now)).toEqual([{ organisationId: world.lax.id, code: 'ORDER_NOT_MONITORED', severity: 'alert', count: 1 }]);
  });

  it('is empty for a path with no organisations', async () => {
    expect(await listFlagRows({ organisationPath: '/no-such-organisation/' }, now)).toEqual([]);
    expect(await countFlags({ organisationPath: '/no-such-organisation/' }, now)).toEqual([]);
  });
});

describe('threat universes', () => {
  it('reads only the given threats and the orders on them, wherever the order sits, without officers', async () => {
    const rows = await listFlagRows({ threatIds: [world.threats.inStrict.id, world.threats.led.id, world.threats.outside.id] }, now);
    expect(rows.map((r) => `${r.code}:${r.subject.id}`).sort()).toEqual(
      [`THREAT_NO_LRO:${world.threats.inStrict.id}`, `ORDER_NOT_MONITORED:${world.order.id}`, `THREAT_NO_LRO:${world.threats.outside.id}`].sort(),
    );
    expect(await listFlagRows({ threatIds: [] }, now)).toEqual([]);
  });

  it('takes a scoped SELECT, e.g. what a manager of the strict force may read', async () => {
    const manager = await asCurrentUser((await makeUser(world.strict, ['MANAGER'])).id);
    const scope = threatScopeSql(manager, 'threat:read')!;
    const counts = await countFlags({ threatSql: scope }, now);
    expect(counts).toEqual([
      { code: 'THREAT_NO_LRO', severity: 'alert', count: 2 },
      { code: 'ORDER_NOT_MONITORED', severity: 'alert', count: 1 },
      { code: 'ARCHIVED_WITH_OPEN_ACTIONS', severity: 'warning', count: 1 },
    ]);
  });

  it('agrees with the single-threat loader (less the LRO’s own flags)', async () => {
    for (const threat of Object.values(world.threats)) {
      const single = (await getThreatFlags(threat.id, now)).filter((f) => f.threatId !== null).map((f) => `${f.code}:${f.severity}:${f.subject.id}`);
      const fromSql = (await listFlagRows({ threatIds: [threat.id] }, now)).map((f) => `${f.code}:${f.severity}:${f.subject.id}`);
      expect(fromSql.sort()).toEqual(single.sort());
    }
  });
});

describe('threatFlagSummaries', () => {
  it('gives every requested threat its flags within the universe, alerts first', async () => {
    const ids = [world.threats.inStrict.id, world.threats.inLax.id, world.threats.archived.id, world.threats.outside.id];
    const summaries = await threatFlagSummaries({ organisationPath: world.region.path }, now, ids);
    expect([...summaries.keys()]).toEqual(ids);
    expect(summaries.get(world.threats.inStrict.id)).toEqual([
      { code: 'THREAT_NO_LRO', severity: 'alert' },
      { code: 'ORDER_NOT_MONITORED', severity: 'alert' },
    ]);
    expect(summaries.get(world.threats.inLax.id)).toEqual([]);
    expect(summaries.get(world.threats.archived.id)).toEqual([{ code: 'ARCHIVED_WITH_OPEN_ACTIONS', severity: 'warning' }]);
    // Outside the universe: no flags, even though the threat has one.
    expect(summaries.get(world.threats.outside.id)).toEqual([]);
    // The order belongs to the lax force: within the lax force's universe, only it shows.
    const lax = await threatFlagSummaries({ organisationPath: world.lax.path }, now, [world.threats.inStrict.id]);
    expect(lax.get(world.threats.inStrict.id)).toEqual([{ code: 'ORDER_NOT_MONITORED', severity: 'alert' }]);
    expect((await threatFlagSummaries({ organisationPath: world.lax.path }, now, [])).size).toBe(0);
  });
});

describe('flagRowsSql', () => {
  it('composes as a subquery', async () => {
    const inner = await flagRowsSql({ organisationPath: world.strict.path }, now);
    const [row] = await prisma.$queryRaw<{ n: bigint | number }[]>(sql`SELECT COUNT(*) AS n FROM (${inner}) f WHERE f.severity = 'alert'`);
    expect(Number(row!.n)).toBe(3);
  });
});

describe('rules the random data rarely reaches', () => {
  it('counts Pursue over the limit in whole numbers: 11 of 20 open actions is exactly 55%', async () => {
    const org = await makeOrganisation({ kind: 'FORCE' });
    await prisma.complianceSettings.create({ data: { organisationId: org.id, pursueOnlyPercent: 55 } });
    const threat = await makeThreat(org, { mappedOn: daysAgo(3) });
    const plan = await makePlanForActions(threat.id, { status: 'ACTIVE' });
    for (let i = 0; i < 20; i++) await makeActionForTest(plan.id, { strand: i < 11 ? 'PURSUE' : i < 19 ? 'PREVENT' : 'PREPARE', lastUpdatedAt: now, dueOn: null, ownerOrganisationId: org.id });
    const pursueOnly = async () => (await listFlagRows({ threatIds: [threat.id] }, now, { codes: ['PLAN_PURSUE_ONLY'] })).length;
    expect(await pursueOnly()).toBe(0);
    expect((await getThreatFlags(threat.id, now)).filter((f) => f.code === 'PLAN_PURSUE_ONLY')).toEqual([]);
    await makeActionForTest(plan.id, { strand: 'PURSUE', lastUpdatedAt: now, ownerOrganisationId: org.id }); // 12 of 21
    expect(await pursueOnly()).toBe(1);
  });

  it('treats an APMIS reference of only whitespace (any JavaScript whitespace) as none', async () => {
    const org = await makeOrganisation({ kind: 'FORCE' });
    const threat = await makeThreat(org, { status: 'ARCHIVED' });
    const references = [null, '', ' ', '\t\n', '\u00a0\u2003', 'APMIS/1', ' APMIS/2 '];
    for (const [i, apmisReference] of references.entries()) {
      await prisma.disruption.create({
        data: { reference: `D-${threat.id}-${i}`, threatId: threat.id, disruptedOn: daysAgo(30), strand: 'PURSUE', category: 'MINOR', role: 'LEAD', description: 'Arrest', apmisReference },
      });
    }
    const fromSql = await listFlagRows({ threatIds: [threat.id] }, now);
    expect(fromSql.filter((f) => f.code === 'DISRUPTION_NOT_ON_APMIS')).toHaveLength(5);
    expect((await getThreatFlags(threat.id, now)).filter((f) => f.code === 'DISRUPTION_NOT_ON_APMIS')).toHaveLength(5);
  });
});
