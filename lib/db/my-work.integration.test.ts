import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from './client';
import { getThreatFlags } from './compliance';
import { countFlags } from './compliance-sql';
import { listFlagRecords } from './flag-records';
import { countScopeFlags, countScopeFlagsByOrganisation, holdsLiveThreats, listActionsNeedingAttention, listHeldThreats, ownsOpenActions } from './my-work';
import { FLAG_CODES } from '@/lib/domain/compliance/flags';
import { asCurrentUser, makeActionForTest, makeOrganisation, makePlanForActions, makeRegion, makeThreat, makeUser } from '@/test/factories';

// The data behind My work (issue 4, item 4), against a real database, at a fixed `now`.

const NOW = new Date('2026-06-01T11:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const at = (iso: string) => new Date(`${iso}T10:00:00.000Z`);

let world: Awaited<ReturnType<typeof build>>;

async function build() {
  const orgs = await makeRegion();
  const lro = await asCurrentUser((await makeUser(orgs.west, ['LRO'], { name: 'Held Officer' })).id);
  const other = await makeUser(orgs.west, ['LRO'], { name: 'Other Officer' });
  const owner = await asCurrentUser((await makeUser(orgs.partner, ['ACTION_OWNER'], { name: 'Partner Owner' })).id);

  const led = await makeThreat(orgs.west, { name: 'Work Led', leadResponsibleOfficerId: lro.id, mappedOn: day('2026-05-20') });
  const deputised = await makeThreat(orgs.westLpa, { name: 'Work Deputised', leadResponsibleOfficerId: other.id, deputyId: lro.id, mappedOn: day('2026-01-10') });
  await makeThreat(orgs.west, { name: 'Work Archived', leadResponsibleOfficerId: lro.id, status: 'ARCHIVED' });
  const notHeld = await makeThreat(orgs.west, { name: 'Work Not Held', leadResponsibleOfficerId: other.id, sharedWith: [orgs.partner.id], mappedOn: day('2026-05-25') });

  const plan = await makePlanForActions(led.id);
  const mk = (description: string, opts: Parameters<typeof makeActionForTest>[1]) => makeActionForTest(plan.id, { description, ...opts });
  const stale = await mk('Stale visits', { strand: 'PREVENT', dueOn: day('2026-09-01'), lastUpdatedAt: at('2026-04-01') });
  const overdue = await mk('Overdue warrant', { strand: 'PURSUE', dueOn: day('2026-05-25'), lastUpdatedAt: at('2026-05-30'), ownerUserId: other.id });
  const dueSoon = await mk('Due soon briefing', { strand: 'PROTECT', dueOn: day('2026-06-10'), lastUpdatedAt: at('2026-05-30') });
  const dueToday = await mk('Due today check', { strand: 'PREPARE', dueOn: day('2026-06-01'), lastUpdatedAt: at('2026-05-31') });
  await mk('Due later', { strand: 'PREPARE', dueOn: day('2026-08-01'), lastUpdatedAt: at('2026-05-30') });
  await mk('Done long ago', { status: 'COMPLETE', dueOn: day('2026-01-01'), lastUpdatedAt: at('2026-01-01') });

  const otherPlan = await makePlanForActions(notHeld.id);
  const ownedElsewhere = await makeActionForTest(otherPlan.id, { description: 'Partner stale return', ownerUserId: owner.id, dueOn: day('2026-12-01'), lastUpdatedAt: at('2026-03-01') });
  await makeActionForTest(otherPlan.id, { description: 'Not mine, stale', dueOn: day('2026-12-01'), lastUpdatedAt: at('2026-03-01') });

  return { orgs, lro, owner, threats: { led, deputised, notHeld }, actions: { stale, overdue, dueSoon, dueToday, ownedElsewhere } };
}

beforeAll(async () => {
  world = await build();
});

describe('listHeldThreats', () => {
  it('lists the live threats held as LRO or deputy, with the flags the rules give them, the most alerts first', async () => {
    const { rows, total } = await listHeldThreats(world.lro, NOW);
    expect(total).toBe(2);
    expect(rows.map((r) => [r.name, r.role])).toEqual([
      ['Work Deputised', 'DEPUTY'],
      ['Work Led', 'LRO'],
    ]);
    for (const row of rows) {
      const flags = await getThreatFlags(row.id, NOW);
      expect(row.flags.reduce((n, t) => n + t.count, 0), row.name).toBe(flags.length);
      expect(new Set(row.flags.map((t) => t.code)), row.name).toEqual(new Set(flags.map((f) => f.code)));
    }
    expect(rows[0]!.flags.some((t) => t.code === 'THREAT_NO_PLAN' && t.severity === 'alert')).toBe(true);
  });

  it('limits the list and still counts them all', async () => {
    const { rows, total } = await listHeldThreats(world.lro, NOW, { take: 1 });
    expect(rows).toHaveLength(1);
    expect(total).toBe(2);
  });

  it('says whether someone holds any live threat', async () => {
    expect(await holdsLiveThreats(world.lro)).toBe(true);
    expect(await holdsLiveThreats(world.owner)).toBe(false);
  });
});

describe('listActionsNeedingAttention', () => {
  it('lists the open actions on held threats, and those owned, that are overdue, stale or due within 14 days, soonest due first', async () => {
    const { rows, total } = await listActionsNeedingAttention(world.lro, NOW);
    expect(rows.map((r) => r.description)).toEqual(['Overdue warrant', 'Due today check', 'Due soon briefing', 'Stale visits']);
    expect(total).toBe(4);
    const by = Object.fromEntries(rows.map((r) => [r.description, r]));
    expect(by['Overdue warrant']).toMatchObject({ isOverdue: true, isStale: false, isDueSoon: false, isOwn: false, ownerName: 'Other Officer' });
    expect(by['Stale visits']).toMatchObject({ isOverdue: false, isStale: true, isDueSoon: false });
    expect(by['Due soon briefing']).toMatchObject({ isOverdue: false, isStale: false, isDueSoon: true });
    expect(by['Due today check']).toMatchObject({ isDueSoon: true, isOverdue: false });
  });

  it('says stale and overdue exactly as the flags do', async () => {
    const flags = await getThreatFlags(world.threats.led.id, NOW);
    const flagged = (code: string) => flags.filter((f) => f.code === code).map((f) => f.subject.id).sort();
    const { rows } = await listActionsNeedingAttention(world.lro, NOW);
    expect(rows.filter((r) => r.isStale).map((r) => r.id).sort()).toEqual(flagged('ACTION_STALE'));
    expect(rows.filter((r) => r.isOverdue).map((r) => r.id).sort()).toEqual(flagged('ACTION_OVERDUE'));
  });

  it('shows an action owner only their own actions, wherever they are', async () => {
    const { rows } = await listActionsNeedingAttention(world.owner, NOW);
    expect(rows.map((r) => r.description)).toEqual(['Partner stale return']);
    expect(rows[0]).toMatchObject({ isOwn: true, isStale: true });
    expect(await ownsOpenActions(world.owner)).toBe(true);
  });

  it('follows the organisation\'s stale threshold', async () => {
    await prisma.complianceSettings.create({ data: { organisationId: world.orgs.west.id, actionStaleDays: 365 } });
    try {
      const { rows } = await listActionsNeedingAttention(world.lro, NOW);
      expect(rows.map((r) => r.description)).not.toContain('Stale visits');
      expect(rows.some((r) => r.isStale)).toBe(false);
    } finally {
      await prisma.complianceSettings.delete({ where: { organisationId: world.orgs.west.id } });
    }
  });

  it('limits the list and still counts them all', async () => {
    const { rows, total } = await listActionsNeedingAttention(world.lro, NOW, { take: 2 });
    expect(rows.map((r) => r.description)).toEqual(['Overdue warrant', 'Due today check']);
    expect(total).toBe(4);
  });
});

describe('flag counts for a scope, and the records behind them', () => {
  it('counts by code what the engine counts, alerts and warnings apart', async () => {
    const viewer = { organisationPath: world.orgs.west.path };
    const counts = await countScopeFlags(viewer, NOW);
    const engine = await countFlags({ organisationPath: world.orgs.west.path }, NOW);
    for (const code of FLAG_CODES) {
      const row = counts.find((c) => c.code === code) ?? { alerts: 0, warnings: 0 };
      const of = (severity: string) => engine.filter((e) => e.code === code && e.severity === severity).reduce((n, e) => n + e.count, 0);
      expect([row.alerts, row.warnings], code).toEqual([of('alert'), of('warning')]);
    }
    expect(counts.find((c) => c.code === 'ACTION_STALE')?.warnings).toBe(3);
  });

  it('counts by organisation, listing a clean one with zeros', async () => {
    const quietLpa = await makeOrganisation({ parent: world.orgs.west, kind: 'LPA', name: 'West quiet LPA' });
    const rows = await countScopeFlagsByOrganisation({ organisationPath: world.orgs.west.path }, NOW);
    expect(rows.map((r) => r.organisationName)).toEqual(['West force', 'West LPA', 'West quiet LPA']);
    expect(rows.find((r) => r.organisationId === quietLpa.id)).toMatchObject({ alerts: 0, warnings: 0 });
    const lpa = rows.find((r) => r.organisationId === world.orgs.westLpa.id)!;
    expect(lpa.alerts + lpa.warnings).toBeGreaterThan(0);
  });

  it('lists exactly the records each count counts', async () => {
    const viewer = { organisationPath: world.orgs.west.path };
    const counts = await countScopeFlags(viewer, NOW);
    for (const row of counts) {
      for (const [severity, count] of [['alert', row.alerts], ['warning', row.warnings]] as const) {
        const list = await listFlagRecords(viewer, NOW, { code: row.code, severity }, 1);
        expect(list.total, `${row.code} ${severity}`).toBe(count);
        expect(list.rows.every((r) => r.code === row.code && r.severity === severity)).toBe(true);
      }
    }
    const byOrganisation = await countScopeFlagsByOrganisation(viewer, NOW);
    for (const row of byOrganisation) {
      const list = await listFlagRecords(viewer, NOW, { organisationId: row.organisationId, severity: 'alert' }, 1);
      expect(list.total, row.organisationName).toBe(row.alerts);
    }
  });

  it('describes each record and never reaches outside the scope', async () => {
    const viewer = { organisationPath: world.orgs.west.path };
    const stale = await listFlagRecords(viewer, NOW, { code: 'ACTION_STALE' }, 1);
    expect(stale.rows.map((r) => r.subjectText).sort()).toEqual(["Action 'Not mine, stale'", "Action 'Partner stale return'", "Action 'Stale visits'"]);
    expect(stale.rows.every((r) => r.threat !== null && r.organisationName !== '')).toBe(true);
    const elsewhere = await listFlagRecords(viewer, NOW, { organisationId: world.orgs.south.id }, 1);
    expect(elsewhere.total).toBe(0);
  });
});
