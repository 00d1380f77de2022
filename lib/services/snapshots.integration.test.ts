import { beforeAll, describe, expect, it } from 'vitest';
import { takeDailySnapshots, twelveMonthsTo } from './snapshots';
import { prisma } from '@/lib/db/client';
import { getDashboard } from '@/lib/db/dashboard';
import { asCurrentUser, makeActionForTest, makePlanForActions, makeRegion, makeThreat, makeUser } from '@/test/factories';

// Daily compliance snapshots (issue 6 part 4) against a real database: each organisation that owns
// threats gets its own figures for the London day, the same as the dashboard's; taking the day
// again replaces its rows; the dashboard's trend sums them over the scope.

const NOW = new Date('2026-03-10T23:30:00Z'); // 23:30 GMT: still 10 March in London
const DAY = '2026-03-10';
let world: Awaited<ReturnType<typeof build>>;

async function build() {
  const orgs = await makeRegion();
  const west1 = await makeThreat(orgs.west, { status: 'ACTIVE', mappedOn: new Date('2025-12-01T00:00:00Z') });
  const west2 = await makeThreat(orgs.westLpa, { status: 'MAPPED', mappedOn: new Date('2025-12-01T00:00:00Z') });
  await makeThreat(orgs.south, { status: 'ARCHIVED' });
  const plan = await makePlanForActions(west1.id);
  await prisma.fourPPlan.update({ where: { id: plan.id }, data: { activatedAt: new Date('2026-03-01T10:00:00Z'), nextReviewDue: new Date('2026-04-26T00:00:00Z') } });
  await makeActionForTest(plan.id, { strand: 'PURSUE' });
  await makeActionForTest(plan.id, { strand: 'PURSUE' });
  await makeActionForTest(plan.id, { strand: 'PROTECT' });
  await prisma.disruption.create({
    data: { reference: `SNAP-${Date.now()}-1`, threatId: west1.id, disruptedOn: new Date('2025-03-11T00:00:00Z'), strand: 'PURSUE', category: 'MAJOR', role: 'LEAD', description: 'In', apmisReference: 'A' },
  });
  await prisma.disruption.create({
    data: { reference: `SNAP-${Date.now()}-2`, threatId: west1.id, disruptedOn: new Date('2025-03-10T12:00:00Z'), strand: 'PREVENT', category: 'MAJOR', role: 'LEAD', description: 'Out: 12 months and a day before', apmisReference: 'A' },
  });
  await prisma.unmetDemand.create({ data: { threatId: west2.id, shortfall: 'CAPACITY', capabilityNeeded: 'ANALYSIS', description: 'Open', raisedOn: new Date('2026-02-01T00:00:00Z') } });
  const coordinator = await asCurrentUser((await makeUser(orgs.region, ['COORDINATOR'])).id);
  return { orgs, coordinator };
}

beforeAll(async () => {
  world = await build();
});

const mine = async () =>
  prisma.complianceSnapshot.findMany({
    where: { day: DAY, organisationId: { in: [world.orgs.region.id, world.orgs.west.id, world.orgs.westLpa.id, world.orgs.south.id, world.orgs.partner.id] } },
    include: { flags: true },
    orderBy: { organisationId: 'asc' },
  });

describe('takeDailySnapshots', () => {
  it('the 12 months to a day run from the day after the same date a year before', () => {
    expect(twelveMonthsTo('2026-03-10')).toEqual({ from: '2025-03-11', to: '2026-03-10' });
  });

  it('writes one row per organisation owning threats, with its own figures for the London day', async () => {
    const result = await takeDailySnapshots(NOW);
    expect(result.day).toBe(DAY);
    const rows = await mine();
    expect(rows.map((r) => r.organisationId).sort()).toEqual([world.orgs.west.id, world.orgs.westLpa.id, world.orgs.south.id].sort());
    const west = rows.find((r) => r.organisationId === world.orgs.west.id)!;
    expect(west).toMatchObject({
      liveThreats: 1,
      activePlans: 1,
      plansReviewedInCadence: 1,
      openActions: 3,
      openPursue: 2,
      openPrevent: 0,
      openProtect: 1,
      openPrepare: 0,
      leadDisruptions: 1,
      pursueDisruptions: 1,
      openUnmetDemand: 0,
    });
    const lpa = rows.find((r) => r.organisationId === world.orgs.westLpa.id)!;
    expect(lpa).toMatchObject({ liveThreats: 1, activePlans: 0, openUnmetDemand: 1 });
    // Flag rows add up to the alert and warning totals.
    for (const row of rows) {
      expect(row.flags.filter((f) => f.severity === 'alert').reduce((s, f) => s + f.count, 0)).toBe(row.flagAlerts);
      expect(row.flags.filter((f) => f.severity === 'warning').reduce((s, f) => s + f.count, 0)).toBe(row.flagWarnings);
    }
    expect(lpa.flags.some((f) => f.code === 'THREAT_NO_LRO' && f.severity === 'alert' && f.count === 1)).toBe(true);
  });

  it('agrees with the dashboard of the same day and period', async () => {
    const data = await getDashboard(world.coordinator, { period: { ...twelveMonthsTo(DAY), label: '12 months' } }, NOW);
    const rows = await mine();
    const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
    expect(sum((r) => r.activePlans)).toBe(data.total.reviews.activePlans);
    expect(sum((r) => r.plansReviewedInCadence)).toBe(data.total.reviews.reviewedInCadence);
    expect(sum((r) => r.openActions)).toBe(data.total.balance.total);
    expect(sum((r) => r.leadDisruptions)).toBe(data.total.disruptions.lead);
    expect(sum((r) => r.flagAlerts)).toBe(data.total.flags.reduce((s, f) => s + f.alerts, 0));
    expect(sum((r) => r.flagWarnings)).toBe(data.total.flags.reduce((s, f) => s + f.warnings, 0));
    expect(data.trend.find((p) => p.day === DAY)).toMatchObject({ activePlans: 1, plansReviewedInCadence: 1, openActions: 3, openPursue: 2, leadDisruptions: 1, openUnmetDemand: 1 });
  });

  it('taking the same day twice leaves one set of rows, with the new figures', async () => {
    const before = await mine();
    await makeThreat(world.orgs.south, { status: 'ACTIVE' });
    await takeDailySnapshots(new Date('2026-03-10T09:00:00Z'));
    const after = await mine();
    expect(after).toHaveLength(before.length);
    expect(after.find((r) => r.organisationId === world.orgs.south.id)!.liveThreats).toBe(1);
    expect(new Set(after.map((r) => r.organisationId)).size).toBe(after.length);
  });
});
