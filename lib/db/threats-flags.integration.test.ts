import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from './client';
import { getThreatFlags } from './compliance';
import { listThreats } from './threats';
import { FLAG_CODES, type ComplianceFlag, type FlagCode } from '@/lib/domain/compliance/flags';
import { threatRegisterQuerySchema } from '@/lib/validation/threat-register';
import { asCurrentUser, makeActionForTest, makePlanForActions, makeRegion, makeThreat, makeTraining, makeUser } from '@/test/factories';

// The register's flag filter, flag sort and flag tags (issue 4, "Flags everywhere"), held to the
// pure rules: whatever the SQL says of a threat must be what getThreatFlags says of it.

const NOW = new Date('2026-06-01T11:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const query = (params: Record<string, string> = {}) => threatRegisterQuerySchema.parse(params);

let world: Awaited<ReturnType<typeof build>>;
let expected: Map<string, ComplianceFlag[]>;

async function build() {
  const orgs = await makeRegion();
  const viewer = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'])).id);
  const untrainedLro = await makeUser(orgs.west, ['LRO'], { name: 'Untrained Officer' });
  const trainedLro = await makeUser(orgs.west, ['LRO'], { name: 'Trained Officer' });
  await makeTraining(trainedLro.id, { completedOn: day('2025-01-10') });

  // No flags: mapped two days ago, with a trained LRO.
  const quiet = await makeThreat(orgs.west, { name: 'Flag Quiet', mappedOn: day('2026-05-30'), leadResponsibleOfficerId: trainedLro.id });
  // Mapped months ago with nobody and nothing: no LRO and no plan (alerts), possible unmet demand.
  const neglected = await makeThreat(orgs.westLpa, { name: 'Flag Neglected', mappedOn: day('2026-01-15') });
  // A young active plan with a stale action, and an untrained LRO (an alert through the officer).
  const stale = await makeThreat(orgs.west, { name: 'Flag Stale', mappedOn: day('2026-05-20'), leadResponsibleOfficerId: untrainedLro.id });
  const stalePlan = await makePlanForActions(stale.id);
  await prisma.fourPPlan.update({ where: { id: stalePlan.id }, data: { activatedAt: day('2026-05-21') } });
  await makeActionForTest(stalePlan.id, { strand: 'PREVENT', lastUpdatedAt: new Date('2026-04-01T10:00:00Z'), dueOn: day('2026-12-01') });
  await makeActionForTest(stalePlan.id, { strand: 'PREPARE', lastUpdatedAt: new Date('2026-05-30T10:00:00Z'), dueOn: day('2026-05-15') });
  // Archived with an open action.
  const archived = await makeThreat(orgs.west, { name: 'Flag Archived', status: 'ARCHIVED', mappedOn: day('2026-05-01') });
  const archivedPlan = await makePlanForActions(archived.id);
  await makeActionForTest(archivedPlan.id, { lastUpdatedAt: new Date('2026-05-30T10:00:00Z') });
  // Another force's neglected threat: never in the viewer's register, whatever the filter.
  const elsewhere = await makeThreat(orgs.south, { name: 'Flag Elsewhere', mappedOn: day('2026-01-15') });
  return { orgs, viewer, threats: { quiet, neglected, stale, archived }, elsewhere };
}

beforeAll(async () => {
  world = await build();
  const threats = Object.values(world.threats);
  expected = new Map(await Promise.all(threats.map(async (t) => [t.name, await getThreatFlags(t.id, NOW)] as const)));
});

const names = async (params: Record<string, string>) => (await listThreats(world.viewer, query(params), NOW)).rows.map((r) => r.name);
const expectedNames = (test: (flags: ComplianceFlag[]) => boolean) =>
  [...expected]
    .filter(([, flags]) => test(flags))
    .map(([name]) => name)
    .sort();

describe('the register filtered by flag agrees with the rules', () => {
  it('the data set raises the flags the tests rely on', () => {
    const codes = (name: string) => new Set(expected.get(name)!.map((f) => f.code));
    expect(expected.get('Flag Quiet')).toEqual([]);
    expect(codes('Flag Neglected')).toEqual(new Set(['THREAT_NO_LRO', 'THREAT_NO_PLAN', 'POSSIBLE_UNMET_DEMAND']));
    expect(codes('Flag Stale')).toContain('ACTION_STALE');
    expect(codes('Flag Stale')).toContain('ACTION_OVERDUE');
    expect(codes('Flag Stale')).toContain('LRO_UNTRAINED');
    expect(codes('Flag Archived')).toEqual(new Set(['ARCHIVED_WITH_OPEN_ACTIONS']));
  });

  it.each(FLAG_CODES.map((code) => [code]))('flag=%s lists exactly the threats with that flag', async (code: FlagCode) => {
    expect((await names({ flag: code })).sort()).toEqual(expectedNames((flags) => flags.some((f) => f.code === code)));
  });

  it('flag=alert lists the threats with any alert, their LRO\'s included', async () => {
    expect((await names({ flag: 'alert' })).sort()).toEqual(expectedNames((flags) => flags.some((f) => f.severity === 'alert')));
    expect(await names({ flag: 'alert' })).toContain('Flag Stale');
  });

  it('flag=any lists the threats with any flag', async () => {
    expect((await names({ flag: 'any' })).sort()).toEqual(expectedNames((flags) => flags.length > 0));
  });

  it('combines with the other filters and never widens the scope', async () => {
    expect(await names({ flag: 'THREAT_NO_LRO', organisation: world.orgs.westLpa.id })).toEqual(['Flag Neglected']);
    expect(await names({ flag: 'THREAT_NO_LRO', organisation: world.orgs.west.id })).toEqual([]);
    expect(await names({ flag: 'THREAT_NO_LRO', organisation: world.orgs.south.id })).toEqual([]);
    expect(await names({ flag: 'any', status: 'ARCHIVED' })).toEqual(['Flag Archived']);
    expect(await names({ flag: 'any', q: 'stale' })).toEqual(['Flag Stale']);
  });

  it('counts and pages the filtered list in the database', async () => {
    const page = await listThreats(world.viewer, query({ flag: 'any' }), NOW);
    expect(page.total).toBe(expectedNames((flags) => flags.length > 0).length);
    expect(page.pageCount).toBe(1);
  });
});

describe('the register sorted by flags', () => {
  const weight = (flags: ComplianceFlag[], severity: 'alert' | 'warning') => flags.filter((f) => f.severity === severity).length;
  const byRules = (order: 'desc' | 'asc') => {
    const sign = order === 'desc' ? -1 : 1;
    return [...expected.entries()]
      .map(([name, flags]) => ({ name, urn: Object.values(world.threats).find((t) => t.name === name)!.urn, flags }))
      .sort((a, b) => sign * (weight(a.flags, 'alert') - weight(b.flags, 'alert')) || sign * (weight(a.flags, 'warning') - weight(b.flags, 'warning')) || a.urn.localeCompare(b.urn))
      .map((t) => t.name);
  };

  it('puts the most alerts first, then the most warnings, then by URN', async () => {
    expect(await names({ sort: 'flags' })).toEqual(byRules('desc'));
    expect((await names({ sort: 'flags' }))[0]).toBe('Flag Neglected');
  });

  it('ascending, the fewest first', async () => {
    expect(await names({ sort: 'flags', order: 'asc' })).toEqual(byRules('asc'));
    expect((await names({ sort: 'flags', order: 'asc' }))[0]).toBe('Flag Quiet');
  });
});

describe('the register\'s flag tags', () => {
  it('shows each threat\'s flags, counted by code and severity, alerts first, as the threat page has them', async () => {
    const page = await listThreats(world.viewer, query(), NOW);
    for (const row of page.rows) {
      const flags = expected.get(row.name)!;
      const counted = new Map<string, number>();
      for (const f of flags) counted.set(`${f.code}:${f.severity}`, (counted.get(`${f.code}:${f.severity}`) ?? 0) + 1);
      expect(new Map(row.flags.map((t) => [`${t.code}:${t.severity}`, t.count])), row.name).toEqual(counted);
      const severities = row.flags.map((t) => t.severity);
      expect(severities, row.name).toEqual([...severities].sort());
    }
  });
});

describe('the register\'s search', () => {
  it('is case-insensitive on name and URN, and takes % and _ literally', async () => {
    expect(await names({ q: 'flag neglected' })).toEqual(['Flag Neglected']);
    expect(await names({ q: 'FLAG NEGLECTED' })).toEqual(['Flag Neglected']);
    expect(await names({ q: world.threats.stale.urn.toLowerCase() })).toEqual(['Flag Stale']);
    expect(await names({ q: '%' })).toEqual([]);
    expect(await names({ q: 'Flag_Stale' })).toEqual([]);
  });
});
