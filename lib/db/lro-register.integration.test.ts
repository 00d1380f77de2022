import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from './client';
import { getOfficerFlags } from './compliance';
import { countTrainingByOrganisation, findLroPerson, getLroProfile, listLroRegister, listLroRegisterOrganisations } from './lro-register';
import type { Actor, Role } from '@/lib/auth/policy';
import { LRO_REGISTER_PAGE_SIZE, lroRegisterQuerySchema } from '@/lib/validation/lro-register';
import { asCurrentUser, makeHeldThreat, makeOrganisation, makeRegion, makeThreat, makeTraining, makeUser } from '@/test/factories';

// The LRO register (issue 5) against a real database at a fixed `now`: who is on it for whom,
// caseloads as LRO and as deputy, training, flags, filters, sorting and pages.

const NOW = new Date('2026-06-01T11:00:00Z');
const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.UTC(2026, 5, 1) + days * DAY);

const query = (params: Record<string, string> = {}) => lroRegisterQuerySchema.parse(params);

type World = Awaited<ReturnType<typeof build>>;
let world: World;

async function userAt(organisation: { id: string }, roles: Role[], name?: string): Promise<Actor> {
  return asCurrentUser((await makeUser(organisation, roles, { name })).id);
}

async function build() {
  const orgs = await makeRegion();
  const mk = (org: { id: string }, roles: Role[], name: string, active = true) => makeUser(org, roles, { name, active });
  const officers = {
    // Trained for good; leads two live threats and an archived one; deputy of one.
    alder: await mk(orgs.west, ['LRO'], 'Alder Trained'),
    // Never trained; leads one live threat.
    birch: await mk(orgs.west, ['LRO'], 'Birch Untrained'),
    // Training expired; holds nothing, on the register by role.
    cedar: await mk(orgs.west, ['LRO'], 'Cedar Expired'),
    // No LRO role, but deputy of a live threat.
    damson: await mk(orgs.west, ['MANAGER'], 'Damson Deputy'),
    // LRO role but deactivated and holding nothing: not on the register.
    elm: await mk(orgs.west, ['LRO'], 'Elm Departed', false),
    // Deactivated but still leading a live threat: on the register.
    fir: await mk(orgs.west, ['LRO'], 'Fir Departed Holder', false),
    // Neither role nor threats.
    gorse: await mk(orgs.west, ['ACTION_OWNER'], 'Gorse Owner'),
    // In the LPA: trained until 30 days from now; leads four live threats (the default warning level).
    hazel: await mk(orgs.westLpa, ['LRO'], 'Hazel Loaded'),
    // In the other force.
    spruce: await mk(orgs.south, ['LRO'], 'Spruce South'),
  };
  const o = officers;
  await makeTraining(o.alder.id, { completedOn: daysFromNow(-400), expiresOn: null });
  await makeTraining(o.birch.id, { completedOn: daysFromNow(-10), kind: 'IMMERSIVE_LEARNING' }); // not an LRO course
  await makeTraining(o.cedar.id, { completedOn: daysFromNow(-1200), expiresOn: daysFromNow(-100) });
  await makeTraining(o.hazel.id, { completedOn: daysFromNow(-1000), expiresOn: daysFromNow(30) });
  await makeTraining(o.spruce.id, { completedOn: daysFromNow(-50), expiresOn: null });

  const alderLed = await makeHeldThreat(orgs.west, { lroId: o.alder.id, deputyId: o.damson.id });
  await makeHeldThreat(orgs.westLpa, { lroId: o.alder.id });
  await makeHeldThreat(orgs.west, { lroId: o.alder.id, status: 'ARCHIVED' });
  await makeHeldThreat(orgs.west, { lroId: o.birch.id, deputyId: o.alder.id });
  await makeHeldThreat(orgs.west, { lroId: o.fir.id });
  for (let i = 0; i < 4; i++) await makeHeldThreat(orgs.westLpa, { lroId: o.hazel.id });
  // A South threat led by a West officer: counts in their caseload, hidden from West's viewers.
  const southLedByAlder = await makeHeldThreat(orgs.south, { lroId: o.spruce.id, deputyId: o.alder.id });

  const viewers = {
    westCoordinator: await userAt(orgs.west, ['COORDINATOR']),
    westManager: await userAt(orgs.west, ['MANAGER']),
    lpaManager: await userAt(orgs.westLpa, ['MANAGER']),
    regionalAdmin: await userAt(orgs.region, ['ADMIN']),
    southCoordinator: await userAt(orgs.south, ['COORDINATOR']),
    partner: await userAt(orgs.partner, ['ACTION_OWNER']),
    birch: await asCurrentUser(o.birch.id),
  };
  return { orgs, officers, viewers, threats: { alderLed, southLedByAlder } };
}

beforeAll(async () => {
  world = await build();
});

const names = async (viewer: Actor, params: Record<string, string> = {}) => (await listLroRegister(viewer, query(params), NOW)).rows.map((r) => r.name);

describe('who is on the register, for whom', () => {
  it('a force co-ordinator sees every LRO and deputy of the force and below: the LRO role (active) or a live threat held', async () => {
    expect(await names(world.viewers.westCoordinator)).toEqual(['Alder Trained', 'Birch Untrained', 'Cedar Expired', 'Damson Deputy', 'Fir Departed Holder', 'Hazel Loaded']);
  });

  it('a manager of the force sees the same; an LPA manager only the LPA', async () => {
    expect(await names(world.viewers.westManager)).toEqual(await names(world.viewers.westCoordinator));
    expect(await names(world.viewers.lpaManager)).toEqual(['Hazel Loaded']);
  });

  it('a regional admin sees both forces; another force sees none of West', async () => {
    expect(await names(world.viewers.regionalAdmin)).toEqual(['Alder Trained', 'Birch Untrained', 'Cedar Expired', 'Damson Deputy', 'Fir Departed Holder', 'Hazel Loaded', 'Spruce South']);
    expect(await names(world.viewers.southCoordinator)).toEqual(['Spruce South']);
  });

  it('an LRO sees only their own entry; an action owner nothing', async () => {
    expect(await names(world.viewers.birch)).toEqual(['Birch Untrained']);
    expect(await listLroRegister(world.viewers.partner, query(), NOW)).toMatchObject({ rows: [], total: 0, pageCount: 0 });
  });

  it('offers the organisations of the officers listed', async () => {
    expect((await listLroRegisterOrganisations(world.viewers.westCoordinator, NOW)).map((o) => o.text)).toEqual(['West force', 'West LPA']);
    expect(await listLroRegisterOrganisations(world.viewers.partner, NOW)).toEqual([]);
  });
});

describe('what each entry says', () => {
  const row = async (name: string, viewer = world.viewers.westCoordinator) => (await listLroRegister(viewer, query({ q: name }), NOW)).rows[0]!;

  it('counts live threats held as LRO and as deputy, wherever the threats are', async () => {
    expect(await row('Alder')).toMatchObject({ liveThreatsAsLro: 2, liveThreatsAsDeputy: 2, caseloadLevel: 'none', organisationName: 'West force', isActive: true });
    expect(await row('Damson')).toMatchObject({ liveThreatsAsLro: 0, liveThreatsAsDeputy: 1, training: { status: 'NONE' }, flags: [] });
    expect(await row('Cedar')).toMatchObject({ liveThreatsAsLro: 0, liveThreatsAsDeputy: 0, training: { status: 'EXPIRED', expiredOn: daysFromNow(-100) }, flags: [] });
    expect(await row('Fir')).toMatchObject({ liveThreatsAsLro: 1, isActive: false });
  });

  it('judges training and caseload by the rules, and shows the flags the engine raises', async () => {
    const alder = await row('Alder');
    expect(alder.training).toEqual({ status: 'TRAINED', expiresOn: null });
    expect(alder.flags).toEqual([]);
    const birch = await row('Birch');
    expect(birch.training).toEqual({ status: 'NONE' });
    expect(birch.flags).toEqual([{ code: 'LRO_UNTRAINED', severity: 'alert', count: 1 }]);
    const hazel = await row('Hazel');
    expect(hazel).toMatchObject({ liveThreatsAsLro: 4, caseloadLevel: 'warning', thresholds: { lroCaseloadWarning: 4, lroCaseloadAlert: 6 } });
    expect(hazel.training).toEqual({ status: 'TRAINED', expiresOn: daysFromNow(30) });
    expect(hazel.flags).toEqual([{ code: 'LRO_OVERLOADED', severity: 'warning', count: 1 }]);
    // The same flags as the officer's own page.
    for (const officer of [alder, birch, hazel]) {
      const flags = await getOfficerFlags(officer.id, NOW);
      expect(officer.flags.map((f) => [f.code, f.severity])).toEqual(flags.map((f) => [f.code, f.severity]));
    }
  });

  it("measures caseload against the officer's own organisation's thresholds", async () => {
    const org = await makeOrganisation({ kind: 'FORCE', name: 'Strict force' });
    const officer = await makeUser(org, ['LRO'], { name: 'Strict Officer' });
    for (let i = 0; i < 3; i++) await makeHeldThreat(org, { lroId: officer.id });
    const viewer = await userAt(org, ['COORDINATOR']);
    expect((await listLroRegister(viewer, query(), NOW)).rows[0]).toMatchObject({ liveThreatsAsLro: 3, caseloadLevel: 'none' });
    await prisma.complianceSettings.create({ data: { organisationId: org.id, lroCaseloadWarning: 2, lroCaseloadAlert: 3 } });
    const after = (await listLroRegister(viewer, query(), NOW)).rows[0]!;
    expect(after).toMatchObject({ caseloadLevel: 'alert', thresholds: { lroCaseloadWarning: 2, lroCaseloadAlert: 3 } });
    expect(after.flags.map((f) => [f.code, f.severity])).toEqual([
      ['LRO_UNTRAINED', 'alert'],
      ['LRO_OVERLOADED', 'alert'],
    ]);
    expect(await names(viewer, { caseload: 'over' })).toEqual(['Strict Officer']);
  });
});

describe('filters', () => {
  it.each([
    [{ training: 'untrained' }, ['Birch Untrained', 'Cedar Expired', 'Damson Deputy', 'Fir Departed Holder']],
    [{ training: 'trained' }, ['Alder Trained', 'Hazel Loaded']],
    [{ training: 'expiring' }, ['Hazel Loaded']],
    [{ caseload: 'holding' }, ['Alder Trained', 'Birch Untrained', 'Fir Departed Holder', 'Hazel Loaded']],
    [{ caseload: 'over' }, ['Hazel Loaded']],
    [{ caseload: 'holding', training: 'untrained' }, ['Birch Untrained', 'Fir Departed Holder']],
    [{ q: 'departed' }, ['Fir Departed Holder']],
    [{ q: '%' }, []],
  ])('%o', async (params, expected) => {
    expect(await names(world.viewers.westCoordinator, params as Record<string, string>)).toEqual(expected);
  });

  it('by organisation (the officer’s own)', async () => {
    expect(await names(world.viewers.westCoordinator, { organisation: world.orgs.westLpa.id })).toEqual(['Hazel Loaded']);
    // Another force's organisation finds nothing, not its officers.
    expect(await names(world.viewers.westCoordinator, { organisation: world.orgs.south.id })).toEqual([]);
  });

  it('counts "expiring" up to the 90th day from today, in London days', async () => {
    const org = await makeOrganisation({ kind: 'FORCE' });
    const at90 = await makeUser(org, ['LRO'], { name: 'Expires Day 90' });
    const at91 = await makeUser(org, ['LRO'], { name: 'Expires Day 91' });
    await makeTraining(at90.id, { completedOn: daysFromNow(-10), expiresOn: daysFromNow(90) });
    await makeTraining(at91.id, { completedOn: daysFromNow(-10), expiresOn: daysFromNow(91) });
    expect(await names(await userAt(org, ['COORDINATOR']), { training: 'expiring' })).toEqual(['Expires Day 90']);
  });
});

describe('sorting', () => {
  it('by caseload, the most first: as LRO, then as deputy, then by name', async () => {
    expect(await names(world.viewers.westCoordinator, { sort: 'caseload' })).toEqual([
      'Hazel Loaded',
      'Alder Trained',
      'Birch Untrained',
      'Fir Departed Holder',
      'Damson Deputy',
      'Cedar Expired',
    ]);
    expect((await names(world.viewers.westCoordinator, { sort: 'caseload', order: 'asc' }))[0]).toBe('Cedar Expired');
  });

  it('by training, the worst first: none, expired, expiring soonest, never expiring', async () => {
    expect(await names(world.viewers.westCoordinator, { sort: 'training' })).toEqual([
      'Birch Untrained',
      'Damson Deputy',
      'Fir Departed Holder',
      'Cedar Expired',
      'Hazel Loaded',
      'Alder Trained',
    ]);
    expect((await names(world.viewers.westCoordinator, { sort: 'training', order: 'desc' })).slice(0, 2)).toEqual(['Alder Trained', 'Hazel Loaded']);
  });

  it('by name, either way, and by organisation', async () => {
    expect((await names(world.viewers.westCoordinator, { order: 'desc' }))[0]).toBe('Hazel Loaded');
    // Case-insensitively, on both databases: "West force" before "West LPA".
    expect(await names(world.viewers.westCoordinator, { sort: 'organisation', order: 'desc' })).toEqual(['Hazel Loaded', 'Alder Trained', 'Birch Untrained', 'Cedar Expired', 'Damson Deputy', 'Fir Departed Holder']);
  });
});

describe('pages', () => {
  it('counts in the database and returns one page at a time; a page past the end shows the last', async () => {
    const org = await makeOrganisation({ kind: 'FORCE' });
    const count = LRO_REGISTER_PAGE_SIZE + 2;
    for (let i = 0; i < count; i++) await makeUser(org, ['LRO'], { name: `Paged Officer ${String(i).padStart(2, '0')}` });
    const viewer = await userAt(org, ['COORDINATOR']);
    const first = await listLroRegister(viewer, query(), NOW);
    expect(first).toMatchObject({ total: count, page: 1, pageCount: 2, pageSize: LRO_REGISTER_PAGE_SIZE });
    expect(first.rows).toHaveLength(LRO_REGISTER_PAGE_SIZE);
    const second = await listLroRegister(viewer, query({ page: '2' }), NOW);
    expect(second.rows.map((r) => r.name)).toEqual(['Paged Officer 25', 'Paged Officer 26']);
    expect((await listLroRegister(viewer, query({ page: '9' }), NOW)).page).toBe(2);
  });
});

describe('training summary per organisation', () => {
  it('counts, of the officers leading live threats, the trained, the untrained and those expiring soon', async () => {
    expect(await countTrainingByOrganisation(world.viewers.westCoordinator, NOW)).toEqual([
      { organisationId: world.orgs.west.id, organisationName: 'West force', leading: 3, trained: 1, untrained: 2, expiringSoon: 0 },
      { organisationId: world.orgs.westLpa.id, organisationName: 'West LPA', leading: 1, trained: 1, untrained: 0, expiringSoon: 1 },
    ]);
    expect(await countTrainingByOrganisation(world.viewers.partner, NOW)).toEqual([]);
  });

  it('each figure is the register filtered the same way', async () => {
    const viewer = world.viewers.regionalAdmin;
    for (const row of await countTrainingByOrganisation(viewer, NOW)) {
      const count = async (training?: string) =>
        (await listLroRegister(viewer, query({ organisation: row.organisationId, caseload: 'holding', ...(training ? { training } : {}) }), NOW)).total;
      expect([await count(), await count('trained'), await count('untrained'), await count('expiring')]).toEqual([row.leading, row.trained, row.untrained, row.expiringSoon]);
    }
  });
});

describe("an officer's page", () => {
  it('is not found outside the viewer’s scope, or for someone who is no LRO or deputy', async () => {
    const { officers, viewers } = world;
    expect(await getLroProfile(viewers.southCoordinator, officers.alder.id, NOW)).toBeNull();
    expect(await getLroProfile(viewers.lpaManager, officers.alder.id, NOW)).toBeNull();
    expect(await getLroProfile(viewers.partner, officers.alder.id, NOW)).toBeNull();
    expect(await getLroProfile(viewers.birch, officers.alder.id, NOW)).toBeNull();
    expect(await getLroProfile(viewers.westCoordinator, officers.gorse.id, NOW)).toBeNull();
    expect(await getLroProfile(viewers.westCoordinator, 'no-such-user', NOW)).toBeNull();
    expect(await findLroPerson(viewers.birch, officers.birch.id)).not.toBeNull();
    // A departed LRO who holds nothing is not on the register, but their page (history) is still there.
    expect(await getLroProfile(viewers.westCoordinator, officers.elm.id, NOW)).not.toBeNull();
  });

  it('shows the live threats the viewer may read, with flags, and counts the others', async () => {
    const profile = (await getLroProfile(world.viewers.westCoordinator, world.officers.alder.id, NOW))!;
    expect(profile).toMatchObject({ liveThreatsAsLro: 2, liveThreatsAsDeputy: 2, caseloadLevel: 'none', training: { status: 'TRAINED', expiresOn: null }, flags: [] });
    expect(profile.threats.map((t) => t.role)).toEqual(['LRO', 'LRO', 'DEPUTY']);
    expect(profile.hiddenThreats).toBe(1);
    expect(profile.threats.map((t) => t.id)).not.toContain(world.threats.southLedByAlder.id);
    // The regional admin reads all four.
    expect((await getLroProfile(world.viewers.regionalAdmin, world.officers.alder.id, NOW))!.threats).toHaveLength(4);
    expect(profile.trainingRecords).toEqual([expect.objectContaining({ kind: 'LRO_COURSE', completedOn: daysFromNow(-400), expiresOn: null, recordedByName: null })]);
  });

  it('gives their own flags with a sentence each', async () => {
    const profile = (await getLroProfile(world.viewers.westCoordinator, world.officers.birch.id, NOW))!;
    expect(profile.flags).toEqual([expect.objectContaining({ code: 'LRO_UNTRAINED', severity: 'alert', message: expect.stringContaining('Birch Untrained is the LRO of 1 live threat') })]);
    expect(profile.threats[0]!.flags.map((f) => f.code)).toContain('LRO_UNTRAINED');
  });

  it('lists the threats they held and handed over, the latest first, with the handover note', async () => {
    const { alder } = world.officers;
    const threat = await makeThreat(world.orgs.west, { leadResponsibleOfficerId: world.officers.birch.id });
    await prisma.lroAssignment.createMany({
      data: [
        { threatId: threat.id, userId: alder.id, role: 'LRO', startedAt: new Date('2026-03-01T09:00:00Z'), endedAt: new Date('2026-05-01T09:00:00Z'), handoverNote: 'Handed to Birch: informant meeting due' },
        { threatId: threat.id, userId: world.officers.birch.id, role: 'LRO', startedAt: new Date('2026-05-01T09:00:00Z') },
      ],
    });
    const profile = (await getLroProfile(world.viewers.westCoordinator, alder.id, NOW))!;
    expect(profile.history[0]).toMatchObject({ threatId: threat.id, role: 'LRO', endedAt: new Date('2026-05-01T09:00:00Z'), handoverNote: 'Handed to Birch: informant meeting due' });
    // The South threat's row is hidden from West's viewer.
    expect(profile.history.map((h) => h.threatId)).not.toContain(world.threats.southLedByAlder.id);
    expect(profile.historyTotal).toBe(profile.history.length);
    expect(profile.history.filter((h) => h.endedAt === null).map((h) => h.role).sort()).toEqual(['DEPUTY', 'LRO', 'LRO', 'LRO']); // the archived threat's row is still open
  });
});
