import { beforeAll, describe, expect, it } from 'vitest';
import { runAuthed } from './authed-action';
import { ARCHIVED_THREAT_MESSAGE, CHANGED_MESSAGE, recordUnmetDemand, updateUnmetDemand } from './unmet-demand';
import { prisma } from '@/lib/db/client';
import { getThreatFlags } from '@/lib/db/compliance';
import { listThreatUnmetDemand } from '@/lib/db/unmet-demand';
import type { Role } from '@/lib/auth/policy';
import type { CurrentUser } from '@/lib/auth/session';
import { addCalendarDays, londonDateKey } from '@/lib/domain/dates';
import { asCurrentUser, makeRegion, makeThreat, makeUser } from '@/test/factories';

// Unmet demand (lib/services/unmet-demand.ts) through the one wrapper, against a real database:
// who may record and update, bad input, a concurrent update refused, and POSSIBLE_UNMET_DEMAND
// raised for a quiet threat and cleared by recording unmet demand.

let orgs: Awaited<ReturnType<typeof makeRegion>>;
let holder: CurrentUser;
let manager: CurrentUser;
let coordinator: CurrentUser;
let partnerOwner: CurrentUser;

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const today = () => londonDateKey(new Date());
const dayOf = (key: string) => new Date(`${key}T00:00:00.000Z`);
const dateParts = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};
const empty = { day: '', month: '', year: '' };
const codes = async (threatId: string) => (await getThreatFlags(threatId, new Date())).map((f) => f.code);

beforeAll(async () => {
  orgs = await makeRegion();
  holder = await asCurrentUser((await makeUser(orgs.west, ['LRO'], { name: 'Inspector Holder' })).id);
  manager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'])).id);
  coordinator = await asCurrentUser((await makeUser(orgs.west, ['COORDINATOR'])).id);
  partnerOwner = await asCurrentUser((await makeUser(orgs.partner, ['ACTION_OWNER'])).id);
});

/** A West threat held by `holder`, shared with the partner, whose user owns an old action on it. */
async function heldThreat(opts: { deputy?: string; mappedOn?: Date; status?: 'MAPPED' | 'ACTIVE' | 'ARCHIVED' } = {}) {
  const threat = await makeThreat(orgs.west, {
    leadResponsibleOfficerId: holder.id,
    deputyId: opts.deputy ?? null,
    sharedWith: [orgs.partner.id],
    mappedOn: opts.mappedOn ?? daysAgo(60),
    status: opts.status,
  });
  const plan = await prisma.fourPPlan.create({ data: { threatId: threat.id, status: 'CLOSED', closedAt: daysAgo(250) }, select: { id: true } });
  await prisma.action.create({
    data: { planId: plan.id, strand: 'PURSUE', description: 'Old action', ownerUserId: partnerOwner.id, status: 'COMPLETE', completedAt: daysAgo(250), lastUpdatedAt: daysAgo(250) },
  });
  return threat;
}

const recordInput = (threatId: string, overrides: Record<string, unknown> = {}) => ({
  threatId,
  shortfall: 'CAPABILITY',
  capabilityNeeded: 'SURVEILLANCE',
  description: 'No surveillance team free for the supply line',
  raisedOn: dateParts(addCalendarDays(today(), -5)),
  escalatedTo: '',
  escalatedOn: empty,
  resolvedOn: empty,
  apmisRecorded: 'no',
  ...overrides,
});

async function seenOf(id: string) {
  const row = await prisma.unmetDemand.findUniqueOrThrow({ where: { id } });
  return {
    createdAt: row.createdAt.toISOString(),
    escalatedTo: row.escalatedTo,
    escalatedOn: row.escalatedOn?.toISOString() ?? null,
    resolvedOn: row.resolvedOn?.toISOString() ?? null,
    apmisRecorded: row.apmisRecorded,
  };
}

async function recorded(threatId: string) {
  const state = await runAuthed(holder, recordUnmetDemand, recordInput(threatId));
  if (state.status !== 'success') throw new Error(JSON.stringify(state));
  return state.data!.unmetDemandId;
}

const updateInput = async (id: string, overrides: Record<string, unknown> = {}) => ({
  unmetDemandId: id,
  seen: await seenOf(id),
  escalatedTo: 'ROCU tasking group',
  escalatedOn: dateParts(addCalendarDays(today(), -2)),
  resolvedOn: empty,
  apmisRecorded: 'yes',
  ...overrides,
});

const events = (threatId: string, action: string) =>
  prisma.auditEvent.findMany({ where: { threatId, action }, select: { actorId: true, organisationId: true, entityType: true, entityId: true, before: true, after: true } });

type Case = { who: string; expected: 'ok' | 'not found'; user: () => Promise<CurrentUser>; deputy?: boolean };
const someone = (org: 'west' | 'westLpa' | 'south' | 'partner' | 'region', ...roles: Role[]) => async () => asCurrentUser((await makeUser(orgs[org], roles)).id);

const CASES: Case[] = [
  { who: 'the LRO holding the threat', expected: 'ok', user: async () => holder },
  { who: 'an LRO holding the threat as deputy', expected: 'ok', user: someone('west', 'LRO'), deputy: true },
  { who: 'a manager of the owning force', expected: 'ok', user: async () => manager },
  { who: 'a manager of the region above it', expected: 'ok', user: someone('region', 'MANAGER') },
  { who: 'a co-ordinator of the owning force', expected: 'ok', user: async () => coordinator },
  { who: 'a regional co-ordinator', expected: 'ok', user: someone('region', 'COORDINATOR') },
  { who: 'an LRO of the owning force who does not hold it', expected: 'not found', user: someone('west', 'LRO') },
  { who: 'a manager of another force', expected: 'not found', user: someone('south', 'MANAGER') },
  { who: 'a co-ordinator of another force', expected: 'not found', user: someone('south', 'COORDINATOR') },
  { who: 'a manager of a district below the owning force', expected: 'not found', user: someone('westLpa', 'MANAGER') },
  { who: 'an admin of the region', expected: 'not found', user: someone('region', 'ADMIN') },
  { who: 'the partner user who owns one of its actions', expected: 'not found', user: async () => partnerOwner },
  { who: 'an action owner of the owning force', expected: 'not found', user: someone('west', 'ACTION_OWNER') },
];

describe('recordUnmetDemand: every role', () => {
  it.each(CASES)('$who -> $expected', async ({ expected, user, deputy }) => {
    const actor = await user();
    const threat = await heldThreat(deputy ? { deputy: actor.id } : {});
    const state = await runAuthed(actor, recordUnmetDemand, recordInput(threat.id));
    const written = await prisma.unmetDemand.count({ where: { threatId: threat.id } });
    if (expected === 'ok') {
      expect(state).toMatchObject({ status: 'success', data: { threatId: threat.id } });
      expect(written).toBe(1);
      expect(await events(threat.id, 'unmet-demand.recorded')).toHaveLength(1);
      return;
    }
    expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
    expect(written).toBe(0);
  });
});

describe('updateUnmetDemand: every role', () => {
  it.each(CASES)('$who -> $expected', async ({ expected, user, deputy }) => {
    const actor = await user();
    const threat = await heldThreat(deputy ? { deputy: actor.id } : {});
    const id = await recorded(threat.id);
    const state = await runAuthed(actor, updateUnmetDemand, await updateInput(id));
    const row = await prisma.unmetDemand.findUniqueOrThrow({ where: { id } });
    if (expected === 'ok') {
      expect(state).toMatchObject({ status: 'success', data: { unmetDemandId: id, threatId: threat.id } });
      expect(row.apmisRecorded).toBe(true);
      expect(await events(threat.id, 'unmet-demand.updated')).toHaveLength(1);
      return;
    }
    expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
    expect(row).toMatchObject({ apmisRecorded: false, escalatedTo: null });
  });
});

describe('recordUnmetDemand', () => {
  it('stores what was entered, who recorded it, and audits it with the threat', async () => {
    const threat = await heldThreat();
    const raised = addCalendarDays(today(), -10);
    const escalated = addCalendarDays(today(), -8);
    const state = await runAuthed(
      holder,
      recordUnmetDemand,
      recordInput(threat.id, { shortfall: 'CAPACITY', capabilityNeeded: 'FINANCIAL_INVESTIGATION', description: '  Two financial investigators short  ', raisedOn: dateParts(raised), escalatedTo: 'ROCU', escalatedOn: dateParts(escalated), apmisRecorded: 'yes' }),
    );
    expect(state.status).toBe('success');
    const row = await prisma.unmetDemand.findFirstOrThrow({ where: { threatId: threat.id } });
    expect(row).toMatchObject({
      shortfall: 'CAPACITY',
      capabilityNeeded: 'FINANCIAL_INVESTIGATION',
      description: 'Two financial investigators short',
      raisedOn: dayOf(raised),
      escalatedTo: 'ROCU',
      escalatedOn: dayOf(escalated),
      resolvedOn: null,
      apmisRecorded: true,
      recordedById: holder.id,
    });
    const [event] = await events(threat.id, 'unmet-demand.recorded');
    expect(event).toMatchObject({ actorId: holder.id, organisationId: orgs.west.id, entityType: 'UnmetDemand', entityId: row.id });
    expect(JSON.parse(event!.after!)).toMatchObject({ shortfall: 'CAPACITY', raisedOn: raised, escalatedTo: 'ROCU', escalatedOn: escalated, apmisRecorded: true });
  });

  it.each([
    [{ shortfall: undefined }, 'shortfall', 'Select whether the shortfall is in capacity or capability'],
    [{ capabilityNeeded: 'TELEPATHY' }, 'capabilityNeeded', 'Select the capability needed'],
    [{ description: '   ' }, 'description', 'Enter a description of the unmet demand'],
    [{ description: 'x'.repeat(2001) }, 'description', 'Description must be 2000 characters or fewer'],
    [{ raisedOn: empty }, 'raisedOn', 'Enter the date raised'],
    [{ raisedOn: { day: '31', month: '2', year: '2026' } }, 'raisedOn', 'Date raised must be a real date'],
    [{ raisedOn: dateParts(addCalendarDays(londonDateKey(new Date()), 1)) }, 'raisedOn', 'Date raised must be today or in the past'],
    [{ resolvedOn: dateParts(addCalendarDays(londonDateKey(new Date()), -6)) }, 'resolvedOn', 'Date resolved must be the same as or after the date raised'],
    [{ escalatedOn: dateParts(addCalendarDays(londonDateKey(new Date()), -1)) }, 'escalatedTo', 'Enter who the unmet demand was escalated to'],
    [{ apmisRecorded: undefined }, 'apmisRecorded', 'Select yes if the unmet demand is recorded on APMIS'],
  ])('refuses %j: %s', async (overrides, field, message) => {
    const threat = await heldThreat();
    const state = await runAuthed(holder, recordUnmetDemand, recordInput(threat.id, overrides));
    expect(state).toMatchObject({ status: 'error' });
    expect(state.status === 'error' && state.fieldErrors[field]).toContain(message);
    expect(await prisma.unmetDemand.count({ where: { threatId: threat.id } })).toBe(0);
  });

  it('refuses unknown fields (strict)', async () => {
    const threat = await heldThreat();
    const state = await runAuthed(holder, recordUnmetDemand, { ...recordInput(threat.id), recordedById: manager.id });
    expect(state).toMatchObject({ status: 'error' });
    expect(await prisma.unmetDemand.count({ where: { threatId: threat.id } })).toBe(0);
  });

  it('refuses an archived threat', async () => {
    const threat = await heldThreat({ status: 'ARCHIVED' });
    expect(await runAuthed(holder, recordUnmetDemand, recordInput(threat.id))).toMatchObject({ status: 'error', code: 'FORBIDDEN', message: ARCHIVED_THREAT_MESSAGE });
  });
});

describe('updateUnmetDemand', () => {
  it('escalates, resolves and marks it on APMIS, auditing before and after', async () => {
    const threat = await heldThreat();
    const id = await recorded(threat.id);
    const resolved = addCalendarDays(today(), -1);
    const state = await runAuthed(manager, updateUnmetDemand, await updateInput(id, { resolvedOn: dateParts(resolved) }));
    expect(state).toMatchObject({ status: 'success' });
    const row = await prisma.unmetDemand.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ escalatedTo: 'ROCU tasking group', escalatedOn: dayOf(addCalendarDays(today(), -2)), resolvedOn: dayOf(resolved), apmisRecorded: true });
    const [event] = await events(threat.id, 'unmet-demand.updated');
    expect(event).toMatchObject({ actorId: manager.id, entityId: id, organisationId: orgs.west.id });
    expect(JSON.parse(event!.before!)).toEqual({ escalatedTo: null, escalatedOn: null, resolvedOn: null, apmisRecorded: false });
    expect(JSON.parse(event!.after!)).toEqual({ escalatedTo: 'ROCU tasking group', escalatedOn: addCalendarDays(today(), -2), resolvedOn: resolved, apmisRecorded: true });
  });

  it('refuses dates before the date raised, by field', async () => {
    const threat = await heldThreat();
    const id = await recorded(threat.id); // raised 5 days ago
    const state = await runAuthed(holder, updateUnmetDemand, await updateInput(id, { escalatedOn: dateParts(addCalendarDays(today(), -6)), resolvedOn: dateParts(addCalendarDays(today(), -7)) }));
    expect(state).toMatchObject({ status: 'error', code: 'VALIDATION' });
    if (state.status !== 'error') throw new Error('expected an error');
    expect(state.fieldErrors.escalatedOn).toEqual(['Date escalated must be the same as or after the date raised']);
    expect(state.fieldErrors.resolvedOn).toEqual(['Date resolved must be the same as or after the date raised']);
    expect(await prisma.unmetDemand.findUniqueOrThrow({ where: { id } })).toMatchObject({ escalatedTo: null, resolvedOn: null });
  });

  it('refuses a future resolution and an escalation date without whom', async () => {
    const threat = await heldThreat();
    const id = await recorded(threat.id);
    const state = await runAuthed(holder, updateUnmetDemand, await updateInput(id, { escalatedTo: '', resolvedOn: dateParts(addCalendarDays(today(), 2)) }));
    if (state.status !== 'error') throw new Error('expected an error');
    expect(state.fieldErrors.escalatedTo).toEqual(['Enter who the unmet demand was escalated to']);
    expect(state.fieldErrors.resolvedOn).toEqual(['Date resolved must be today or in the past']);
  });

  it('refuses a concurrent update: nothing is silently overwritten', async () => {
    const threat = await heldThreat();
    const id = await recorded(threat.id);
    // Both open the page while the record is as recorded.
    const first = await updateInput(id, { escalatedTo: 'ROCU', apmisRecorded: 'no' });
    const second = await updateInput(id, { escalatedTo: 'NCA', apmisRecorded: 'yes' });
    expect(await runAuthed(manager, updateUnmetDemand, first)).toMatchObject({ status: 'success' });
    expect(await runAuthed(holder, updateUnmetDemand, second)).toMatchObject({ status: 'error', code: 'CONFLICT', message: CHANGED_MESSAGE });
    expect(await prisma.unmetDemand.findUniqueOrThrow({ where: { id } })).toMatchObject({ escalatedTo: 'ROCU', apmisRecorded: false });
    expect(await events(threat.id, 'unmet-demand.updated')).toHaveLength(1);
    // Having looked again, the second succeeds.
    expect(await runAuthed(holder, updateUnmetDemand, await updateInput(id, { escalatedTo: 'NCA' }))).toMatchObject({ status: 'success' });
  });

  it('refuses an update when only the APMIS mark changed meanwhile', async () => {
    const threat = await heldThreat();
    const id = await recorded(threat.id);
    const stale = await updateInput(id);
    await prisma.unmetDemand.update({ where: { id }, data: { apmisRecorded: true } });
    expect(await runAuthed(holder, updateUnmetDemand, stale)).toMatchObject({ status: 'error', code: 'CONFLICT' });
  });

  it('refuses unknown fields (strict)', async () => {
    const threat = await heldThreat();
    const id = await recorded(threat.id);
    expect(await runAuthed(holder, updateUnmetDemand, { ...(await updateInput(id)), description: 'Rewritten' })).toMatchObject({ status: 'error' });
  });
});

describe('listThreatUnmetDemand', () => {
  it('lists open records first, then resolved, paged in the database', async () => {
    const threat = await heldThreat();
    const make = (raisedDaysAgo: number, resolvedDaysAgo: number | null) =>
      prisma.unmetDemand.create({
        data: { threatId: threat.id, shortfall: 'CAPACITY', capabilityNeeded: 'ANALYSIS', description: `d${raisedDaysAgo}`, raisedOn: daysAgo(raisedDaysAgo), resolvedOn: resolvedDaysAgo === null ? null : daysAgo(resolvedDaysAgo) },
      });
    await make(30, 10);
    await make(20, null);
    await make(40, null);
    const page1 = await listThreatUnmetDemand(threat.id, 1, 2);
    expect(page1).toMatchObject({ total: 3, open: 2, page: 1, pageCount: 2 });
    expect(page1.rows.map((r) => r.description)).toEqual(['d20', 'd40']);
    const page2 = await listThreatUnmetDemand(threat.id, 2, 2);
    expect(page2.rows.map((r) => r.description)).toEqual(['d30']);
  });
});

describe('POSSIBLE_UNMET_DEMAND', () => {
  it('is raised for a quiet threat and cleared by recording unmet demand', async () => {
    const threat = await heldThreat({ mappedOn: daysAgo(200), status: 'MAPPED' });
    expect(await codes(threat.id)).toContain('POSSIBLE_UNMET_DEMAND');
    await recorded(threat.id);
    expect(await codes(threat.id)).not.toContain('POSSIBLE_UNMET_DEMAND');
  });

  it('stays clear while the unmet demand is unresolved, and returns once it is resolved long enough ago', async () => {
    const threat = await heldThreat({ mappedOn: daysAgo(400), status: 'MAPPED' });
    const id = await recorded(threat.id);
    await prisma.unmetDemand.update({ where: { id }, data: { raisedOn: daysAgo(300) } });
    expect(await codes(threat.id)).not.toContain('POSSIBLE_UNMET_DEMAND');
    await prisma.unmetDemand.update({ where: { id }, data: { resolvedOn: daysAgo(250) } });
    expect(await codes(threat.id)).toContain('POSSIBLE_UNMET_DEMAND');
  });
});
