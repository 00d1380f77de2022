import { beforeAll, describe, expect, it } from 'vitest';
import { getThreatDetail, listThreats, listRegisterFilterOptions } from './threats';
import { threatRegisterQuerySchema } from '@/lib/validation/threat-register';
import type { Role } from '@/lib/auth/policy';
import { asCurrentUser, makeOrganisation, makePlanWithAction, makeRegion, makeThreat, makeUser } from '@/test/factories';

const query = (params: Record<string, string> = {}) => threatRegisterQuerySchema.parse(params);

let world: Awaited<ReturnType<typeof build>>;

async function build() {
  const orgs = await makeRegion();
  const user = async (org: { id: string }, role: Role) => asCurrentUser((await makeUser(org, [role])).id);
  const [lro, manager, coordinator, regional, partner, admin, southManager, lpaManager] = await Promise.all([
    user(orgs.west, 'LRO'),
    user(orgs.west, 'MANAGER'),
    user(orgs.west, 'COORDINATOR'),
    user(orgs.region, 'COORDINATOR'),
    user(orgs.partner, 'ACTION_OWNER'),
    user(orgs.region, 'ADMIN'),
    user(orgs.south, 'MANAGER'),
    user(orgs.westLpa, 'MANAGER'),
  ]);
  const held = await makeThreat(orgs.west, { name: 'Amber Heron', leadResponsibleOfficerId: lro.id, tier: 2, areas: ['DRUGS', 'COUNTY_LINES'] });
  const inLpa = await makeThreat(orgs.westLpa, { name: 'Slate Lantern', type: 'VULNERABILITY', tier: 4, areas: ['FRAUD'] });
  const south = await makeThreat(orgs.south, { name: 'Copper Finch', areas: ['FIREARMS'], deputyId: null });
  const shared = await makeThreat(orgs.west, { name: 'Quiet Meadow', sharedWith: [orgs.partner.id], status: 'MAPPED' });
  const withPartnerAction = await makeThreat(orgs.west, { name: 'Birch Tally', type: 'PRIORITY_INDIVIDUAL', status: 'ARCHIVED' });
  await makePlanWithAction(withPartnerAction.id, { ownerUserId: partner.id });
  const southHeldByWestLro = await makeThreat(orgs.south, { name: 'Far Holding', deputyId: lro.id });
  return { orgs, users: { lro, manager, coordinator, regional, partner, admin, southManager, lpaManager }, threats: { held, inLpa, south, shared, withPartnerAction, southHeldByWestLro } };
}

beforeAll(async () => {
  world = await build();
});

const names = async (userKey: keyof typeof world.users, params: Record<string, string> = {}) =>
  (await listThreats(world.users[userKey], query(params))).rows.map((r) => r.name).sort();

describe('listThreats scope', () => {
  it.each([
    ['lro', ['Amber Heron', 'Birch Tally', 'Far Holding', 'Quiet Meadow', 'Slate Lantern']],
    ['manager', ['Amber Heron', 'Birch Tally', 'Quiet Meadow', 'Slate Lantern']],
    ['coordinator', ['Amber Heron', 'Birch Tally', 'Quiet Meadow', 'Slate Lantern']],
    ['regional', ['Amber Heron', 'Birch Tally', 'Copper Finch', 'Far Holding', 'Quiet Meadow', 'Slate Lantern']],
    ['partner', ['Birch Tally', 'Quiet Meadow']],
    ['admin', ['Amber Heron', 'Birch Tally', 'Copper Finch', 'Far Holding', 'Quiet Meadow', 'Slate Lantern']],
    ['southManager', ['Copper Finch', 'Far Holding']],
    ['lpaManager', ['Slate Lantern']],
  ] as const)('%s sees exactly their scope', async (userKey, expected) => {
    expect(await names(userKey)).toEqual([...expected]);
  });
});

describe('listThreats filters and sort', () => {
  it('filters by type, tier, area, status, organisation and LRO', async () => {
    expect(await names('regional', { type: 'VULNERABILITY' })).toEqual(['Slate Lantern']);
    expect(await names('regional', { tier: '2' })).toEqual(['Amber Heron']);
    expect(await names('regional', { area: 'COUNTY_LINES' })).toEqual(['Amber Heron']);
    expect(await names('regional', { status: 'MAPPED' })).toEqual(['Quiet Meadow']);
    expect(await names('regional', { status: 'ARCHIVED' })).toEqual(['Birch Tally']);
    expect(await names('regional', { organisation: world.orgs.westLpa.id })).toEqual(['Slate Lantern']);
    expect(await names('regional', { lro: world.users.lro.id })).toEqual(['Amber Heron']);
    expect(await names('manager', { lro: 'none' })).toEqual(['Birch Tally', 'Quiet Meadow', 'Slate Lantern']);
  });

  it('a filter never widens the scope: another force named in the URL shows nothing', async () => {
    expect(await names('manager', { organisation: world.orgs.south.id })).toEqual([]);
  });

  it('searches by name and URN', async () => {
    expect(await names('regional', { q: 'Heron' })).toEqual(['Amber Heron']);
    expect(await names('regional', { q: world.threats.south.urn.toLowerCase() })).toEqual(['Copper Finch']);
  });

  it('sorts in the database, with the URN as tie-breaker', async () => {
    const byNameDesc = (await listThreats(world.users.regional, query({ sort: 'name', order: 'desc' }))).rows.map((r) => r.name);
    expect(byNameDesc).toEqual(['Slate Lantern', 'Quiet Meadow', 'Far Holding', 'Copper Finch', 'Birch Tally', 'Amber Heron']);
    const byTier = (await listThreats(world.users.regional, query({ sort: 'tier' }))).rows.map((r) => r.tier);
    expect(byTier).toEqual([...byTier].sort((a, b) => a - b));
  });

  it('ignores nonsense in the query string rather than failing', async () => {
    expect(await names('lpaManager', { tier: 'nine', sort: 'drop table', page: '-3', type: 'BANANA' })).toEqual(['Slate Lantern']);
  });

  it('offers filter options only from the threats in scope', async () => {
    const options = await listRegisterFilterOptions(world.users.manager);
    expect(options.organisations.map((o) => o.text).sort()).toEqual(['West LPA', 'West force']);
    expect(options.chosenLeadResponsibleOfficer).toBeNull();
  });

  it('names the LRO chosen by id only when they lead a threat in scope', async () => {
    const lro = world.users.lro;
    expect((await listRegisterFilterOptions(world.users.manager, lro.id)).chosenLeadResponsibleOfficer).toEqual({ value: lro.id, text: lro.name });
    // The south manager sees Far Holding, where this officer is only the deputy: no name is given away.
    expect((await listRegisterFilterOptions(world.users.southManager, lro.id)).chosenLeadResponsibleOfficer).toBeNull();
    expect((await listRegisterFilterOptions(world.users.manager, 'none')).chosenLeadResponsibleOfficer).toBeNull();
    expect((await listRegisterFilterOptions(world.users.manager, 'usrNoSuchUser')).chosenLeadResponsibleOfficer).toBeNull();
  });

  it('filters by part of the LRO name, case-insensitively, within scope', async () => {
    const lro = world.users.lro;
    expect(await names('regional', { lroName: lro.name.slice(-8).toUpperCase() })).toEqual(['Amber Heron']);
    expect(await names('regional', { lroName: ` ${lro.name.toLowerCase()} ` })).toEqual(['Amber Heron']);
    // The south manager's threats have no LRO of that name (Far Holding's deputy is not its LRO).
    expect(await names('southManager', { lroName: lro.name })).toEqual([]);
    // The user's % and _ are taken literally.
    expect(await names('regional', { lroName: '%' })).toEqual([]);
    expect(await names('regional', { lroName: '_' })).toEqual([]);
  });
});

describe('listThreats pagination', () => {
  it('pages in the database: 30 threats are two pages of 25 and 5', async () => {
    const force = await makeOrganisation({ kind: 'FORCE' });
    const viewer = await asCurrentUser((await makeUser(force, ['MANAGER'])).id);
    for (let i = 0; i < 30; i++) await makeThreat(force, { name: `Paged ${String(i).padStart(2, '0')}` });
    const first = await listThreats(viewer, query({ sort: 'name' }));
    const second = await listThreats(viewer, query({ sort: 'name', page: '2' }));
    expect(first).toMatchObject({ total: 30, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(25);
    expect(second.rows.map((r) => r.name)).toEqual(['Paged 25', 'Paged 26', 'Paged 27', 'Paged 28', 'Paged 29']);
    // A page past the end shows the last page rather than nothing.
    expect((await listThreats(viewer, query({ sort: 'name', page: '9' }))).page).toBe(2);
  });
});

describe('getThreatDetail', () => {
  it('returns a threat in scope with its policy resource', async () => {
    const found = await getThreatDetail(world.users.manager, world.threats.held.id);
    expect(found?.threat.name).toBe('Amber Heron');
    expect(found?.resource.leadResponsibleOfficerId).toBe(world.users.lro.id);
  });

  it('returns null for a threat of another force, exactly as for one that does not exist', async () => {
    expect(await getThreatDetail(world.users.manager, world.threats.south.id)).toBeNull();
    expect(await getThreatDetail(world.users.manager, 'no-such-threat')).toBeNull();
  });

  it('lets a partner open a shared threat but not an unshared one', async () => {
    expect(await getThreatDetail(world.users.partner, world.threats.shared.id)).not.toBeNull();
    expect(await getThreatDetail(world.users.partner, world.threats.held.id)).toBeNull();
  });
});
