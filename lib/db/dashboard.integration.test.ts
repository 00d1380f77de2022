import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from './client';
import { countFlags } from './compliance-sql';
import { getDashboard } from './dashboard';
import { listActivePlanRecords, listDisruptionRecords, listOpenActionRecords, listUnmetDemandRecords } from './dashboard-records';
import { listFlagRecords } from './flag-records';
import { listLroRegister } from './lro-register';
import { FLAG_CODES } from '@/lib/domain/compliance/flags';
import { periodEnding, type DashboardData, type DashboardRow } from '@/lib/domain/dashboard';
import {
  actionRecordsHref,
  actionRecordsQuerySchema,
  disruptionRecordsHref,
  disruptionRecordsQuerySchema,
  flagRecordsHref,
  lroRecordsHref,
  planRecordsHref,
  planRecordsQuerySchema,
  unmetDemandRecordsHref,
  unmetDemandRecordsQuerySchema,
} from '@/lib/validation/dashboard';
import { flagRecordsQuerySchema } from '@/lib/validation/flag-records';
import { lroRegisterQuerySchema } from '@/lib/validation/lro-register';
import { STRANDS } from '@/lib/domain/vocabulary';
import { asCurrentUser, makeActionForTest, makeOrganisation, makePlanForActions, makeRegion, makeThreat, makeTraining, makeUser } from '@/test/factories';

// getDashboard (issue 6 part 4) on a small hand-built region at a fixed `now`: two forces (one
// with an LPA), a ROCU, a partner, and a threat the region owns itself. Figures were worked out by
// hand from the records below.

const NOW = new Date('2026-06-15T11:00:00Z');
const PERIOD = periodEnding('2026-05'); // 1 June 2025 to 31 May 2026 (London dates)
let seq = 0;

type World = Awaited<ReturnType<typeof build>>;
let world: World;
let dashboard: DashboardData;

async function disruption(threatId: string, at: string, opts: { strand?: 'PURSUE' | 'PREVENT' | 'PROTECT' | 'PREPARE'; category?: 'MAJOR' | 'MODERATE' | 'MINOR' | 'NONE' | 'NEGATIVE'; role?: 'LEAD' | 'SUPPORTING' } = {}) {
  seq += 1;
  await prisma.disruption.create({
    data: {
      reference: `DASH-${Date.now()}-${seq}-${Math.random().toString(36).slice(2, 8)}`,
      threatId,
      disruptedOn: new Date(at),
      strand: opts.strand ?? 'PURSUE',
      category: opts.category ?? 'MAJOR',
      role: opts.role ?? 'LEAD',
      description: 'Test disruption',
      apmisReference: 'APMIS-1',
    },
  });
}

async function activePlan(threatId: string, opts: { reviewed?: { at: string; nextDue: string }; reviewerId: string }) {
  const plan = await makePlanForActions(threatId);
  await prisma.fourPPlan.update({
    where: { id: plan.id },
    data: { activatedAt: new Date('2026-01-10T10:00:00Z'), nextReviewDue: opts.reviewed ? new Date(opts.reviewed.nextDue) : new Date('2026-03-07T00:00:00Z') },
  });
  if (opts.reviewed) {
    await prisma.planReview.create({
      data: {
        planId: plan.id,
        reviewerId: opts.reviewerId,
        reviewedAt: new Date(opts.reviewed.at),
        outcome: 'SATISFACTORY',
        comments: 'Fine',
        nextReviewDue: new Date(opts.reviewed.nextDue),
        planVersion: 1,
        snapshot: '{}',
      },
    });
  }
  return plan;
}

async function build() {
  const orgs = await makeRegion();
  const rocu = await makeOrganisation({ parent: orgs.region, kind: 'ROCU', name: 'Region ROCU' });
  const reviewer = await makeUser(orgs.region, ['MANAGER']);
  // The region's thresholds: a caseload warning at 2 (so Alder, with two, is overloaded) and a national average of 40%.
  await prisma.complianceSettings.create({ data: { organisationId: orgs.region.id, lroCaseloadWarning: 2, lroCaseloadAlert: 5, nationalPursuePercent: 40 } });

  const alder = await makeUser(orgs.west, ['LRO'], { name: 'Alder' });
  const birch = await makeUser(orgs.westLpa, ['LRO'], { name: 'Birch' });
  const spruce = await makeUser(orgs.south, ['LRO'], { name: 'Spruce' });
  await makeTraining(alder.id, { completedOn: new Date('2025-01-01T00:00:00Z'), expiresOn: null });
  await makeTraining(spruce.id, { completedOn: new Date('2025-01-01T00:00:00Z'), expiresOn: null });

  // West: W1 reviewed within cadence; W2 (in the LPA) never reviewed; W3 archived.
  const w1 = await makeThreat(orgs.west, { status: 'ACTIVE', leadResponsibleOfficerId: alder.id });
  const w2 = await makeThreat(orgs.westLpa, { status: 'MAPPED', leadResponsibleOfficerId: alder.id });
  const w3 = await makeThreat(orgs.west, { status: 'ARCHIVED', leadResponsibleOfficerId: alder.id });
  const w1Plan = await activePlan(w1.id, { reviewerId: reviewer.id, reviewed: { at: '2026-06-01T10:00:00Z', nextDue: '2026-07-27T00:00:00Z' } });
  const w2Plan = await activePlan(w2.id, { reviewerId: reviewer.id });
  const w3Plan = await activePlan(w3.id, { reviewerId: reviewer.id });
  await makeActionForTest(w1Plan.id, { strand: 'PURSUE' });
  await makeActionForTest(w1Plan.id, { strand: 'PURSUE', status: 'IN_PROGRESS' });
  await makeActionForTest(w1Plan.id, { strand: 'PREVENT', status: 'BLOCKED' });
  await makeActionForTest(w1Plan.id, { strand: 'PURSUE', status: 'COMPLETE' });
  await makeActionForTest(w1Plan.id, { strand: 'PREPARE', status: 'CANCELLED' });
  await makeActionForTest(w2Plan.id, { strand: 'PROTECT' });
  await makeActionForTest(w3Plan.id, { strand: 'PURSUE' }); // archived threat: not in the balance

  // South: S1 reviewed but overdue; held by Birch of West's LPA.
  const s1 = await makeThreat(orgs.south, { status: 'ACTIVE', leadResponsibleOfficerId: birch.id });
  const s1Plan = await activePlan(s1.id, { reviewerId: reviewer.id, reviewed: { at: '2026-03-01T10:00:00Z', nextDue: '2026-04-26T00:00:00Z' } });
  await makeActionForTest(s1Plan.id, { strand: 'PREPARE' });

  // The ROCU: R1 with no plan, held by Spruce of South. The region owns G1 itself.
  const r1 = await makeThreat(rocu, { status: 'ACTIVE', leadResponsibleOfficerId: spruce.id });
  const g1 = await makeThreat(orgs.region, { status: 'ACTIVE' });

  // Disruptions. In the period and counted (Annex B): W1 x3 (two Pursue), W2 x1 (Pursue), S1 x1 (Protect).
  await disruption(w1.id, '2025-12-01T00:00:00Z', { strand: 'PURSUE', category: 'MAJOR' });
  await disruption(w1.id, '2026-02-01T00:00:00Z', { strand: 'PREVENT', category: 'MINOR' });
  await disruption(w1.id, '2026-05-31T22:59:00Z', { strand: 'PURSUE', category: 'MODERATE' }); // 23:59 BST on 31 May
  await disruption(w2.id, '2026-03-01T00:00:00Z', { strand: 'PURSUE', category: 'MODERATE' });
  await disruption(s1.id, '2026-01-10T00:00:00Z', { strand: 'PROTECT', category: 'MAJOR' });
  // Not counted: supporting, NONE, NEGATIVE, before and after the period (London dates).
  await disruption(w1.id, '2026-01-05T00:00:00Z', { role: 'SUPPORTING' });
  await disruption(w1.id, '2026-01-06T00:00:00Z', { category: 'NONE' });
  await disruption(w1.id, '2026-01-07T00:00:00Z', { category: 'NEGATIVE' });
  await disruption(w1.id, '2025-05-31T22:30:00Z'); // 23:30 BST on 31 May 2025
  await disruption(s1.id, '2026-05-31T23:30:00Z', { strand: 'PROTECT' }); // 00:30 BST on 1 June 2026

  // Unmet demand.
  const unmet = (threatId: string, shortfall: 'CAPACITY' | 'CAPABILITY', capabilityNeeded: 'SURVEILLANCE' | 'ANALYSIS', resolved: boolean) =>
    prisma.unmetDemand.create({
      data: { threatId, shortfall, capabilityNeeded, description: 'Short', raisedOn: new Date('2026-05-01T00:00:00Z'), resolvedOn: resolved ? new Date('2026-05-20T00:00:00Z') : null },
    });
  await unmet(w1.id, 'CAPACITY', 'SURVEILLANCE', false);
  await unmet(w2.id, 'CAPACITY', 'SURVEILLANCE', true);
  await unmet(s1.id, 'CAPABILITY', 'ANALYSIS', false);

  const viewers = {
    regional: await asCurrentUser((await makeUser(orgs.region, ['COORDINATOR'])).id),
    westManager: await asCurrentUser((await makeUser(orgs.west, ['MANAGER'])).id),
    southCoordinator: await asCurrentUser((await makeUser(orgs.south, ['COORDINATOR'])).id),
    lro: await asCurrentUser(alder.id),
  };
  return { orgs: { ...orgs, rocu }, viewers, threats: { w1, w2, w3, s1, r1, g1 } };
}

beforeAll(async () => {
  world = await build();
  dashboard = await getDashboard(world.viewers.regional, { period: PERIOD }, NOW);
});

const rowOf = (data: DashboardData, id: string): DashboardRow => {
  const row = data.organisations.find((r) => r.organisation.id === id);
  if (!row) throw new Error(`No row for ${id}`);
  return row;
};

describe('getDashboard: rows and scope', () => {
  it('has one row per non-partner child of the region, and the region’s own row, by name', () => {
    expect(dashboard.scope.id).toBe(world.orgs.region.id);
    expect(dashboard.organisations.map((r) => [r.organisation.name, r.own ?? false])).toEqual([
      ['Region ROCU', false],
      ['South force', false],
      ['Test region', true],
      ['West force', false],
    ]);
  });

  it('a force manager sees only their force: its LPA and its own records', async () => {
    const data = await getDashboard(world.viewers.westManager, { period: PERIOD }, NOW);
    expect(data.scope.id).toBe(world.orgs.west.id);
    expect(data.organisations.map((r) => r.organisation.name)).toEqual(['West force', 'West LPA']);
    expect(data.total.reviews).toEqual({ activePlans: 2, reviewedInCadence: 1, percent: 50 });
    expect(rowOf(data, world.orgs.westLpa.id).reviews.activePlans).toBe(1);
  });

  it('a force co-ordinator never sees another force', async () => {
    const data = await getDashboard(world.viewers.southCoordinator, { period: PERIOD }, NOW);
    expect(data.scope.id).toBe(world.orgs.south.id);
    expect(data.organisations.map((r) => r.organisation.id)).toEqual([world.orgs.south.id]);
    expect(data.total.reviews.activePlans).toBe(1);
    expect(data.total.disruptions).toMatchObject({ lead: 1, pursue: 0, percent: 0 });
  });

  it('refuses someone without compliance:read', async () => {
    await expect(getDashboard(world.viewers.lro, { period: PERIOD }, NOW)).rejects.toThrow();
  });
});

describe('getDashboard: figures', () => {
  it('reviews within cadence roll up the subtree (West: W1 yes, W2 in the LPA never reviewed)', () => {
    expect(rowOf(dashboard, world.orgs.west.id).reviews).toEqual({ activePlans: 2, reviewedInCadence: 1, percent: 50 });
    expect(rowOf(dashboard, world.orgs.south.id).reviews).toEqual({ activePlans: 1, reviewedInCadence: 0, percent: 0 });
    expect(rowOf(dashboard, world.orgs.rocu.id).reviews).toEqual({ activePlans: 0, reviewedInCadence: 0, percent: null });
    expect(dashboard.total.reviews).toEqual({ activePlans: 3, reviewedInCadence: 1, percent: 33.3 });
  });

  it('flag counts agree with the compliance engine for each row’s subtree and the whole scope', async () => {
    const summed = (counts: Awaited<ReturnType<typeof countFlags>>) => {
      const out: Record<string, { alerts: number; warnings: number }> = {};
      for (const c of counts) {
        out[c.code] ??= { alerts: 0, warnings: 0 };
        out[c.code]![c.severity === 'alert' ? 'alerts' : 'warnings'] += c.count;
      }
      return out;
    };
    const asRecord = (row: DashboardRow) => Object.fromEntries(row.flags.filter((f) => f.alerts + f.warnings > 0).map((f) => [f.code, { alerts: f.alerts, warnings: f.warnings }]));
    for (const org of [world.orgs.west, world.orgs.south, world.orgs.rocu]) {
      expect(asRecord(rowOf(dashboard, org.id))).toEqual(summed(await countFlags({ organisationPath: org.path }, NOW)));
    }
    expect(asRecord(dashboard.total)).toEqual(summed(await countFlags({ organisationPath: world.orgs.region.path }, NOW)));
    const west = rowOf(dashboard, world.orgs.west.id);
    const flag = (code: string) => west.flags.find((f) => f.code === code)!;
    expect(flag('PLAN_NEVER_REVIEWED').alerts + flag('PLAN_NEVER_REVIEWED').warnings).toBe(1);
    expect(flag('LRO_OVERLOADED').warnings).toBe(1); // Alder leads two, the warning level
    expect(flag('LRO_UNTRAINED').alerts).toBe(1); // Birch
    expect(rowOf(dashboard, world.orgs.south.id).flags.find((f) => f.code === 'PLAN_REVIEW_OVERDUE')).toEqual({ code: 'PLAN_REVIEW_OVERDUE', alerts: 0, warnings: 1 });
    for (const row of dashboard.organisations) expect(row.flags.map((f) => f.code)).toEqual([...FLAG_CODES]);
  });

  it('4P balance counts open actions on active plans of live threats only', () => {
    const west = rowOf(dashboard, world.orgs.west.id).balance;
    expect(west.counts).toEqual({ PURSUE: 2, PREVENT: 1, PROTECT: 1, PREPARE: 0 });
    expect(west.total).toBe(4);
    expect(west.percents).toEqual({ PURSUE: 50, PREVENT: 25, PROTECT: 25, PREPARE: 0 });
    expect(dashboard.total.balance.counts).toEqual({ PURSUE: 2, PREVENT: 1, PROTECT: 1, PREPARE: 1 });
  });

  it('Pursue share follows Annex B: lead, MAJOR/MODERATE/MINOR, within the period’s London dates', () => {
    expect(rowOf(dashboard, world.orgs.west.id).disruptions).toEqual({ lead: 4, pursue: 3, percent: 75, byStrand: { PURSUE: 3, PREVENT: 1, PROTECT: 0, PREPARE: 0 } });
    expect(rowOf(dashboard, world.orgs.south.id).disruptions).toMatchObject({ lead: 1, pursue: 0, percent: 0 });
    expect(rowOf(dashboard, world.orgs.rocu.id).disruptions).toMatchObject({ lead: 0, pursue: 0, percent: null });
    expect(dashboard.total.disruptions).toMatchObject({ lead: 5, pursue: 3, percent: 60 });
    expect(dashboard.nationalPursuePercent).toBe(40);
    expect(dashboard.period).toEqual(PERIOD);
  });

  it('unmet demand by shortfall and capability, open and total', () => {
    expect(rowOf(dashboard, world.orgs.west.id).unmetDemand).toEqual([{ shortfall: 'CAPACITY', capabilityNeeded: 'SURVEILLANCE', open: 1, total: 2 }]);
    expect(dashboard.total.unmetDemand).toEqual([
      { shortfall: 'CAPACITY', capabilityNeeded: 'SURVEILLANCE', open: 1, total: 2 },
      { shortfall: 'CAPABILITY', capabilityNeeded: 'ANALYSIS', open: 1, total: 1 },
    ]);
  });

  it('LRO caseload and training go by the officer’s organisation', () => {
    // West: Alder (West, two live, trained, overloaded at 2) and Birch (West LPA, one live in South, untrained).
    expect(rowOf(dashboard, world.orgs.west.id).caseload).toEqual({ lros: 2, threatsHeld: 3, averageCaseload: 1.5, maxCaseload: 2, overloaded: 1, trained: 1, untrained: 1 });
    expect(rowOf(dashboard, world.orgs.south.id).caseload).toEqual({ lros: 1, threatsHeld: 1, averageCaseload: 1, maxCaseload: 1, overloaded: 0, trained: 1, untrained: 0 });
    expect(rowOf(dashboard, world.orgs.rocu.id).caseload.lros).toBe(0);
    expect(dashboard.total.caseload).toMatchObject({ lros: 3, threatsHeld: 4, maxCaseload: 2, overloaded: 1, trained: 2, untrained: 1 });
  });

  it('the region’s own row holds only what it owns directly', () => {
    const own = rowOf(dashboard, world.orgs.region.id);
    expect(own.reviews.activePlans).toBe(0);
    expect(own.flags.find((f) => f.code === 'THREAT_NO_PLAN')!.alerts).toBe(1); // G1, mapped in January
    expect(own.balance.total).toBe(0);
  });
});

// Every number on the dashboard links to a records page; the page's count must be the number.
const paramsOf = (href: string) => Object.fromEntries(new URL(href, 'http://quadrant.test').searchParams);

describe('drill-down: each figure’s records page counts the same', () => {
  const rows = () => [...dashboard.organisations, dashboard.total];
  const placeOf = (row: DashboardRow) => ({ organisationId: row.organisation.id, own: row.own });
  const viewer = () => world.viewers.regional;

  it('plans reviewed within cadence, and not', async () => {
    for (const row of rows()) {
      const all = await listActivePlanRecords(viewer(), planRecordsQuerySchema.parse(paramsOf(planRecordsHref(placeOf(row)))), NOW);
      const within = await listActivePlanRecords(viewer(), planRecordsQuerySchema.parse(paramsOf(planRecordsHref(placeOf(row), 'within'))), NOW);
      const outside = await listActivePlanRecords(viewer(), planRecordsQuerySchema.parse(paramsOf(planRecordsHref(placeOf(row), 'outside'))), NOW);
      expect([all.total, within.total, outside.total]).toEqual([row.reviews.activePlans, row.reviews.reviewedInCadence, row.reviews.activePlans - row.reviews.reviewedInCadence]);
      expect(within.rows.every((p) => p.inCadence) && outside.rows.every((p) => !p.inCadence)).toBe(true);
    }
  });

  it('flag counts (the flags page with `within`, or the own row’s exact organisation)', async () => {
    for (const row of rows()) {
      for (const f of row.flags.filter((x) => x.alerts + x.warnings > 0)) {
        for (const severity of ['alert', 'warning'] as const) {
          const q = flagRecordsQuerySchema.parse(paramsOf(flagRecordsHref(placeOf(row), { code: f.code, severity })));
          const list = await listFlagRecords(viewer(), NOW, { code: q.code, severity: q.severity, organisationId: q.organisation, withinOrganisationId: q.within }, 1);
          expect(list.total, `${row.organisation.name} ${f.code} ${severity}`).toBe(severity === 'alert' ? f.alerts : f.warnings);
        }
      }
    }
  });

  it('open actions by strand', async () => {
    for (const row of rows()) {
      expect((await listOpenActionRecords(viewer(), actionRecordsQuerySchema.parse(paramsOf(actionRecordsHref(placeOf(row)))))).total).toBe(row.balance.total);
      for (const strand of STRANDS) {
        const list = await listOpenActionRecords(viewer(), actionRecordsQuerySchema.parse(paramsOf(actionRecordsHref(placeOf(row), strand))));
        expect(list.total).toBe(row.balance.counts[strand]);
      }
    }
  });

  it('Annex B disruptions and the Pursue ones', async () => {
    for (const row of rows()) {
      const lead = await listDisruptionRecords(viewer(), disruptionRecordsQuerySchema.parse(paramsOf(disruptionRecordsHref(placeOf(row), PERIOD))));
      const pursue = await listDisruptionRecords(viewer(), disruptionRecordsQuerySchema.parse(paramsOf(disruptionRecordsHref(placeOf(row), PERIOD, 'PURSUE'))));
      expect([lead.total, pursue.total]).toEqual([row.disruptions.lead, row.disruptions.pursue]);
    }
    // Without the Annex B filters every disruption of West shows: seven on W1 and one on W2.
    const everything = await listDisruptionRecords(viewer(), disruptionRecordsQuerySchema.parse({ within: world.orgs.west.id }));
    expect(everything.total).toBe(8);
  });

  it('unmet demand, open and total', async () => {
    for (const row of rows()) {
      for (const u of row.unmetDemand) {
        const open = await listUnmetDemandRecords(viewer(), unmetDemandRecordsQuerySchema.parse(paramsOf(unmetDemandRecordsHref(placeOf(row), { shortfall: u.shortfall, capability: u.capabilityNeeded, open: true }))));
        const total = await listUnmetDemandRecords(viewer(), unmetDemandRecordsQuerySchema.parse(paramsOf(unmetDemandRecordsHref(placeOf(row), { shortfall: u.shortfall, capability: u.capabilityNeeded }))));
        expect([open.total, total.total]).toEqual([u.open, u.total]);
      }
    }
  });

  it('LROs: leading, trained, untrained and over caseload (the LRO register with `within`)', async () => {
    for (const row of rows()) {
      const count = async (href: string) => (await listLroRegister(viewer(), lroRegisterQuerySchema.parse(paramsOf(href)), NOW)).total;
      expect(await count(lroRecordsHref(placeOf(row)))).toBe(row.caseload.lros);
      expect(await count(lroRecordsHref(placeOf(row), { training: 'trained' }))).toBe(row.caseload.trained);
      expect(await count(lroRecordsHref(placeOf(row), { training: 'untrained' }))).toBe(row.caseload.untrained);
      expect(await count(lroRecordsHref(placeOf(row), { over: true }))).toBe(row.caseload.overloaded);
    }
  });

  it('records pages keep to the viewer’s scope: South’s co-ordinator sees nothing of West', async () => {
    const south = world.viewers.southCoordinator;
    expect((await listOpenActionRecords(south, actionRecordsQuerySchema.parse({ within: world.orgs.west.id }))).total).toBe(0);
    expect((await listDisruptionRecords(south, disruptionRecordsQuerySchema.parse({ within: world.orgs.region.id }))).total).toBe(2);
    expect((await listUnmetDemandRecords(south, unmetDemandRecordsQuerySchema.parse({ organisation: world.orgs.west.id }))).total).toBe(0);
    expect((await listActivePlanRecords(world.viewers.lro, planRecordsQuerySchema.parse({}), NOW)).total).toBe(0);
  });
});

describe('records pages are paged in the database', () => {
  it('lists 50 a page, the rest on the next, the count the whole', async () => {
    const force = await makeOrganisation({ parent: world.orgs.region, kind: 'FORCE', name: 'Paging force' });
    const threat = await makeThreat(force, { status: 'ACTIVE' });
    const plan = await makePlanForActions(threat.id);
    await prisma.action.createMany({
      data: Array.from({ length: 53 }, (_, i) => ({ planId: plan.id, strand: 'PURSUE' as const, description: `Paged action ${i}`, lastUpdatedAt: new Date('2026-06-01T10:00:00Z') })),
    });
    const first = await listOpenActionRecords(world.viewers.regional, actionRecordsQuerySchema.parse({ within: force.id }));
    const second = await listOpenActionRecords(world.viewers.regional, actionRecordsQuerySchema.parse({ within: force.id, page: '2' }));
    expect([first.total, first.rows.length, first.pageCount, second.page, second.rows.length]).toEqual([53, 50, 2, 2, 3]);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(53);
    // A page past the end shows the last.
    expect((await listOpenActionRecords(world.viewers.regional, actionRecordsQuerySchema.parse({ within: force.id, page: '9' }))).page).toBe(2);
  });
});
