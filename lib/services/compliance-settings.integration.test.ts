import { beforeAll, describe, expect, it } from 'vitest';
import { runAuthed } from './authed-action';
import { SETTINGS_SAVED_MESSAGE, updateComplianceSettings } from './compliance-settings';
import { prisma } from '@/lib/db/client';
import { getOrganisationSettings, listOrganisationsInScope } from '@/lib/db/organisations';
import { getEffectiveThresholds } from '@/lib/db/settings';
import type { Role } from '@/lib/auth/policy';
import type { CurrentUser } from '@/lib/auth/session';
import { DEFAULT_THRESHOLDS } from '@/lib/domain/settings';
import { CASELOAD_ORDER_MESSAGE } from '@/lib/validation/compliance-settings';
import { asCurrentUser, makeOrganisation, makeRegion, makeUser } from '@/test/factories';

// Compliance settings (issue 4, "Settings") against a real database: inheritance down the tree,
// who may change them where, bad input, lost updates and the audit trail.

type Orgs = Awaited<ReturnType<typeof makeRegion>>;

async function userAt(organisation: { id: string }, roles: Role[], name?: string): Promise<CurrentUser> {
  return asCurrentUser((await makeUser(organisation, roles, { name })).id);
}

/** What the form would send: every threshold as text, '' for "inherit", unless given. */
async function formFor(organisationId: string, fields: Record<string, string> = {}) {
  const row = await prisma.complianceSettings.findUnique({ where: { organisationId }, select: { version: true } });
  return { organisationId, version: String(row?.version ?? 0), ...fields };
}

async function save(user: CurrentUser, organisationId: string, fields: Record<string, string>) {
  return runAuthed(user, updateComplianceSettings, await formFor(organisationId, fields));
}

async function auditOf(organisationId: string) {
  return prisma.auditEvent.findMany({ where: { organisationId, action: 'settings.updated' }, orderBy: { at: 'asc' } });
}

describe('inheritance', () => {
  it('takes the nearest value set: region, then force, then back to the region when the force clears it', async () => {
    const orgs = await makeRegion();
    const admin = await userAt(orgs.region, ['ADMIN']);
    const stale = async (org: { path: string }) => (await getEffectiveThresholds(org.path)).actionStaleDays;

    expect(await stale(orgs.westLpa)).toBe(DEFAULT_THRESHOLDS.actionStaleDays);

    expect(await save(admin, orgs.region.id, { actionStaleDays: '20' })).toMatchObject({ status: 'success', message: SETTINGS_SAVED_MESSAGE });
    expect([await stale(orgs.region), await stale(orgs.west), await stale(orgs.westLpa), await stale(orgs.south)]).toEqual([20, 20, 20, 20]);

    expect((await save(admin, orgs.west.id, { actionStaleDays: '10' })).status).toBe('success');
    expect([await stale(orgs.region), await stale(orgs.west), await stale(orgs.westLpa), await stale(orgs.south)]).toEqual([20, 10, 10, 20]);

    expect((await save(admin, orgs.west.id, { actionStaleDays: '' })).status).toBe('success');
    expect([await stale(orgs.west), await stale(orgs.westLpa)]).toEqual([20, 20]);
    // Other thresholds were never touched.
    expect(await getEffectiveThresholds(orgs.westLpa.path)).toEqual({ ...DEFAULT_THRESHOLDS, actionStaleDays: 20 });
  });

  it('tells the page, per threshold, the value in force and where it comes from', async () => {
    const orgs = await makeRegion();
    const admin = await userAt(orgs.region, ['ADMIN']);
    await save(admin, orgs.region.id, { reviewCadenceTier1Days: '21', actionStaleDays: '20' });
    await save(admin, orgs.west.id, { actionStaleDays: '10' });

    const coordinator = await userAt(orgs.west, ['COORDINATOR']);
    const lpa = (await getOrganisationSettings(coordinator, orgs.westLpa.id))!;
    expect(lpa.version).toBe(0);
    expect(lpa.lastChange).toBeNull();
    expect(lpa.ancestors.map((a) => a.organisationName)).toEqual(['Test region', 'West force']);
    expect(lpa.thresholds.actionStaleDays).toEqual({
      value: 10,
      source: { kind: 'inherited', organisationId: orgs.west.id, organisationName: 'West force' },
      inherited: { value: 10, source: { kind: 'inherited', organisationId: orgs.west.id, organisationName: 'West force' } },
    });
    expect(lpa.thresholds.reviewCadenceTier1Days.source).toEqual({ kind: 'inherited', organisationId: orgs.region.id, organisationName: 'Test region' });
    expect(lpa.thresholds.noLroDays).toEqual({ value: DEFAULT_THRESHOLDS.noLroDays, source: { kind: 'default' }, inherited: { value: DEFAULT_THRESHOLDS.noLroDays, source: { kind: 'default' } } });

    const force = (await getOrganisationSettings(coordinator, orgs.west.id))!;
    expect(force.version).toBe(1);
    expect(force.own.actionStaleDays).toBe(10);
    expect(force.own.noLroDays).toBeNull();
    expect(force.lastChange?.byName).toBe(admin.name);
    expect(force.thresholds.actionStaleDays).toMatchObject({ value: 10, source: { kind: 'own' }, inherited: { value: 20, source: { kind: 'inherited', organisationName: 'Test region' } } });

    // The values agree with getEffectiveThresholds.
    const effective = await getEffectiveThresholds(orgs.westLpa.path);
    for (const [key, threshold] of Object.entries(lpa.thresholds)) expect(threshold.value).toBe(effective[key as keyof typeof effective]);

    // Above the co-ordinator's organisation, and in another force: not theirs.
    expect(await getOrganisationSettings(coordinator, orgs.region.id)).toBeNull();
    expect(await getOrganisationSettings(coordinator, orgs.south.id)).toBeNull();
  });

  it('lists the organisations in scope in tree order, with whether each sets anything itself', async () => {
    const orgs = await makeRegion();
    const second = await makeOrganisation({ parent: orgs.west, kind: 'LPA', name: 'Second LPA' });
    const coordinator = await userAt(orgs.west, ['COORDINATOR']);
    const admin = await userAt(orgs.region, ['ADMIN']);
    await save(admin, second.id, { apmisRecordingDays: '5' });
    // A row whose every value was cleared again sets nothing.
    await save(admin, orgs.westLpa.id, { apmisRecordingDays: '5' });
    await save(admin, orgs.westLpa.id, { apmisRecordingDays: '' });

    const list = await listOrganisationsInScope(coordinator, 1);
    expect(list.total).toBe(3);
    expect(list.rows[0]).toEqual({ id: orgs.west.id, name: 'West force', kind: 'FORCE', parentName: null, hasOwnSettings: false });
    expect(list.rows.slice(1).map((row) => [row.name, row.parentName, row.hasOwnSettings]).sort()).toEqual([
      ['Second LPA', 'West force', true],
      ['West LPA', 'West force', false],
    ]);

    const regional = await listOrganisationsInScope(await userAt(orgs.region, ['COORDINATOR']), 1);
    expect(regional.rows[0]!.id).toBe(orgs.region.id);
    // Tree order: every organisation comes after its parent, and an LPA straight after its force.
    regional.rows.forEach((row, index) => {
      if (row.parentName) expect(regional.rows.slice(0, index).map((r) => r.name)).toContain(row.parentName);
    });
    const westAt = regional.rows.findIndex((row) => row.id === orgs.west.id);
    expect(regional.rows[westAt + 1]!.parentName).toBe('West force');
    expect(regional.total).toBe(6);
  });
});

describe('who may change settings', () => {
  let orgs: Orgs;
  beforeAll(async () => {
    orgs = await makeRegion();
  });

  const cases: { who: string; at: 'west' | 'region' | 'south'; roles: Role[]; target: 'west' | 'westLpa' | 'region'; allowed: boolean }[] = [
    { who: 'an LRO of the force', at: 'west', roles: ['LRO'], target: 'west', allowed: false },
    { who: 'an action owner of the force', at: 'west', roles: ['ACTION_OWNER'], target: 'west', allowed: false },
    { who: 'a manager of the force', at: 'west', roles: ['MANAGER'], target: 'west', allowed: false },
    { who: 'a manager and LRO of the force', at: 'west', roles: ['MANAGER', 'LRO'], target: 'westLpa', allowed: false },
    { who: 'the force co-ordinator, for the force', at: 'west', roles: ['COORDINATOR'], target: 'west', allowed: true },
    { who: 'the force co-ordinator, for an LPA of the force', at: 'west', roles: ['COORDINATOR'], target: 'westLpa', allowed: true },
    { who: 'the force co-ordinator, for the region above', at: 'west', roles: ['COORDINATOR'], target: 'region', allowed: false },
    { who: 'a co-ordinator of another force', at: 'south', roles: ['COORDINATOR'], target: 'west', allowed: false },
    { who: 'a regional co-ordinator, for a force', at: 'region', roles: ['COORDINATOR'], target: 'west', allowed: true },
    { who: 'a regional admin, for the region', at: 'region', roles: ['ADMIN'], target: 'region', allowed: true },
    { who: 'a regional admin, for an LPA', at: 'region', roles: ['ADMIN'], target: 'westLpa', allowed: true },
    { who: 'an admin of another force', at: 'south', roles: ['ADMIN'], target: 'westLpa', allowed: false },
  ];

  it.each(cases)('$who: allowed $allowed', async ({ at, roles, target, allowed }) => {
    const user = await userAt(orgs[at], roles);
    // Each case its own threshold value, so that every allowed save is a change.
    const value = String(10 + cases.findIndex((c) => c.roles === roles && c.at === at && c.target === target));
    const before = await prisma.complianceSettings.findUnique({ where: { organisationId: orgs[target].id }, select: { orderCheckDays: true, version: true } });
    const state = await save(user, orgs[target].id, { orderCheckDays: value });
    const after = await prisma.complianceSettings.findUnique({ where: { organisationId: orgs[target].id }, select: { orderCheckDays: true, updatedById: true } });
    if (allowed) {
      expect(state).toMatchObject({ status: 'success' });
      expect(after).toEqual({ orderCheckDays: Number(value), updatedById: user.id });
    } else {
      // Not allowed and not in scope read the same: not found.
      expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
      expect(after?.orderCheckDays ?? null).toBe(before?.orderCheckDays ?? null);
    }
  });

  it('refuses a user with no session, and an organisation that does not exist', async () => {
    expect(await runAuthed(null, updateComplianceSettings, await formFor(orgs.west.id, { orderCheckDays: '5' }))).toMatchObject({ status: 'error' });
    const admin = await userAt(orgs.region, ['ADMIN']);
    expect(await runAuthed(admin, updateComplianceSettings, { organisationId: 'nope', version: '0', orderCheckDays: '5' })).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
  });
});

describe('bad input', () => {
  it('explains each problem by its field, keeps what was typed, and saves nothing', async () => {
    const orgs = await makeRegion();
    const coordinator = await userAt(orgs.west, ['COORDINATOR']);
    const input = await formFor(orgs.west.id, { actionStaleDays: 'soon', pursueOnlyPercent: '150', noLroDays: '7' });
    const state = await runAuthed(coordinator, updateComplianceSettings, input);
    expect(state).toMatchObject({
      status: 'error',
      fieldErrors: {
        actionStaleDays: ['Days before an open action is stale must be a whole number'],
        pursueOnlyPercent: ['Share of open actions in Pursue must be between 1 and 100'],
      },
      values: input,
    });
    expect(await prisma.complianceSettings.findUnique({ where: { organisationId: orgs.west.id } })).toBeNull();
    expect(await auditOf(orgs.west.id)).toEqual([]);
  });

  it('refuses caseload levels out of order, counting the level inherited from above', async () => {
    const orgs = await makeRegion();
    const admin = await userAt(orgs.region, ['ADMIN']);
    expect((await save(admin, orgs.region.id, { lroCaseloadWarning: '8', lroCaseloadAlert: '10' })).status).toBe('success');

    // The force's alert at 7 would sit below the region's warning at 8.
    expect(await save(admin, orgs.west.id, { lroCaseloadAlert: '7' })).toMatchObject({
      status: 'error',
      code: 'VALIDATION',
      fieldErrors: { lroCaseloadAlert: ['Live threats for an alert must be more than 8, the number for a warning in force'] },
    });
    // The force's warning at 10 would meet the region's alert.
    expect(await save(admin, orgs.west.id, { lroCaseloadWarning: '10' })).toMatchObject({
      status: 'error',
      fieldErrors: { lroCaseloadWarning: ['Live threats for a warning must be fewer than 10, the number for an alert in force'] },
    });
    // Both in the form: the schema says so first.
    expect(await save(admin, orgs.west.id, { lroCaseloadWarning: '5', lroCaseloadAlert: '5' })).toMatchObject({ fieldErrors: { lroCaseloadAlert: [CASELOAD_ORDER_MESSAGE] } });

    // An LPA sets its own alert at 9; raising the region's warning to 9 would break the LPA's pair.
    expect((await save(admin, orgs.westLpa.id, { lroCaseloadAlert: '9' })).status).toBe('success');
    const state = await save(admin, orgs.region.id, { lroCaseloadWarning: '9', lroCaseloadAlert: '12' });
    expect(state).toMatchObject({ status: 'error', code: 'VALIDATION' });
    expect(state.status === 'error' && state.fieldErrors.lroCaseloadWarning?.[0]).toContain('West LPA would then have 9 live threats for a warning and 9 for an alert');
    expect((await getEffectiveThresholds(orgs.westLpa.path)).lroCaseloadWarning).toBe(8);

    // In order everywhere: saved.
    expect((await save(admin, orgs.west.id, { lroCaseloadWarning: '3', lroCaseloadAlert: '5' })).status).toBe('success');
    expect(await getEffectiveThresholds(orgs.westLpa.path)).toMatchObject({ lroCaseloadWarning: 3, lroCaseloadAlert: 9 });
  });
});

describe('lost updates', () => {
  it('refuses a save from a version somebody else has saved over, naming them, and keeps the input', async () => {
    const orgs = await makeRegion();
    const first = await userAt(orgs.west, ['COORDINATOR'], 'Casey First');
    const second = await userAt(orgs.region, ['ADMIN'], 'Drew Second');
    const opened = await formFor(orgs.west.id);
    expect(opened.version).toBe('0');

    expect((await runAuthed(first, updateComplianceSettings, { ...opened, actionStaleDays: '15' })).status).toBe('success');
    const late = { ...opened, actionStaleDays: '25', noLroDays: '7' };
    const state = await runAuthed(second, updateComplianceSettings, late);
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT', values: late });
    expect(state.status === 'error' && state.message).toMatch(/^Casey First changed this on .* Your changes have not been saved/);

    // Once more from the version now saved: fine, and the version moves on.
    const reopened = await formFor(orgs.west.id);
    expect(reopened.version).toBe('1');
    expect(await runAuthed(second, updateComplianceSettings, { ...reopened, actionStaleDays: '25' })).toMatchObject({ status: 'success', data: { version: 2 } });
    // The first editor's old page is now stale too.
    expect(await runAuthed(first, updateComplianceSettings, { ...reopened, actionStaleDays: '30' })).toMatchObject({ status: 'error', code: 'CONFLICT' });
    const row = await prisma.complianceSettings.findUniqueOrThrow({ where: { organisationId: orgs.west.id } });
    expect(row).toMatchObject({ actionStaleDays: 25, noLroDays: null, version: 2, updatedById: second.id });
  });
});

describe('audit', () => {
  it('records settings.updated with only the keys changed, before and after, for the organisation', async () => {
    const orgs = await makeRegion();
    const coordinator = await userAt(orgs.west, ['COORDINATOR']);
    await save(coordinator, orgs.westLpa.id, { actionStaleDays: '20', noLroDays: '10' });
    await save(coordinator, orgs.westLpa.id, { actionStaleDays: '21', noLroDays: '10', apmisRecordingDays: '3' });
    await save(coordinator, orgs.westLpa.id, { actionStaleDays: '', noLroDays: '10', apmisRecordingDays: '3' });

    const row = await prisma.complianceSettings.findUniqueOrThrow({ where: { organisationId: orgs.westLpa.id }, select: { id: true, version: true } });
    expect(row.version).toBe(3);
    const events = await auditOf(orgs.westLpa.id);
    expect(events.map((e) => ({ actorId: e.actorId, entityType: e.entityType, entityId: e.entityId, threatId: e.threatId }))).toEqual(
      Array(3).fill({ actorId: coordinator.id, entityType: 'ComplianceSettings', entityId: row.id, threatId: null }),
    );
    expect(events.map((e) => [JSON.parse(e.before!), JSON.parse(e.after!)])).toEqual([
      [
        { noLroDays: null, actionStaleDays: null },
        { noLroDays: 10, actionStaleDays: 20 },
      ],
      [
        { actionStaleDays: 20, apmisRecordingDays: null },
        { actionStaleDays: 21, apmisRecordingDays: 3 },
      ],
      [{ actionStaleDays: 21 }, { actionStaleDays: null }],
    ]);
  });

  it('writes and audits nothing when nothing changed', async () => {
    const orgs = await makeRegion();
    const coordinator = await userAt(orgs.west, ['COORDINATOR']);
    await save(coordinator, orgs.west.id, { actionStaleDays: '20' });
    expect(await save(coordinator, orgs.west.id, { actionStaleDays: '20' })).toMatchObject({ status: 'success', data: { version: 1 } });
    expect(await auditOf(orgs.west.id)).toHaveLength(1);
    expect((await prisma.complianceSettings.findUniqueOrThrow({ where: { organisationId: orgs.west.id } })).version).toBe(1);
  });
});
