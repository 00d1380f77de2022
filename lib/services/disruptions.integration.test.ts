import { beforeAll, describe, expect, it } from 'vitest';
import { runAuthed } from './authed-action';
import { ARCHIVED_THREAT_MESSAGE, recordDisruption, updateDisruption } from './disruptions';
import { prisma } from '@/lib/db/client';
import { getThreatFlags } from '@/lib/db/compliance';
import { listThreatDisruptions } from '@/lib/db/disruptions';
import type { Role } from '@/lib/auth/policy';
import type { CurrentUser } from '@/lib/auth/session';
import { addCalendarDays, londonDateKey } from '@/lib/domain/dates';
import { asCurrentUser, makeOrganisation, makeRegion, makeThreat, makeUser } from '@/test/factories';

// Disruptions (lib/services/disruptions.ts) through the one wrapper, against a real database: who
// may record and change them, bad input, two people editing at once, and DISRUPTION_NOT_ON_APMIS
// raised a week on and cleared by the APMIS reference.

let orgs: Awaited<ReturnType<typeof makeRegion>>;
let rocu: { id: string; path: string };
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
const apmisFlags = async (threatId: string) => (await getThreatFlags(threatId, new Date())).filter((f) => f.code === 'DISRUPTION_NOT_ON_APMIS');

beforeAll(async () => {
  orgs = await makeRegion();
  rocu = await makeOrganisation({ parent: orgs.region, kind: 'ROCU', name: 'Test ROCU' });
  holder = await asCurrentUser((await makeUser(orgs.west, ['LRO'], { name: 'Inspector Holder' })).id);
  manager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'], { name: 'Chief Inspector Manager' })).id);
  coordinator = await asCurrentUser((await makeUser(orgs.west, ['COORDINATOR'], { name: 'Co-ordinator West' })).id);
  partnerOwner = await asCurrentUser((await makeUser(orgs.partner, ['ACTION_OWNER'])).id);
});

/** A threat of the West force held by `holder`, shared with the partner, whose user owns an action on it. */
async function heldThreat(opts: { deputy?: string | null; status?: 'MAPPED' | 'ACTIVE' | 'ARCHIVED' } = {}) {
  const threat = await makeThreat(orgs.west, {
    leadResponsibleOfficerId: holder.id,
    deputyId: opts.deputy ?? null,
    sharedWith: [orgs.partner.id],
    mappedOn: daysAgo(60),
    status: opts.status,
  });
  const plan = await prisma.fourPPlan.create({ data: { threatId: threat.id, status: 'CLOSED', closedAt: daysAgo(50) }, select: { id: true } });
  await prisma.action.create({ data: { planId: plan.id, strand: 'PURSUE', description: 'Old action', ownerUserId: partnerOwner.id, status: 'COMPLETE', lastUpdatedAt: daysAgo(50) } });
  return threat;
}

const recordInput = (threatId: string, overrides: Record<string, unknown> = {}) => ({
  threatId,
  disruptedOn: dateParts(today()),
  strand: 'PURSUE',
  category: 'MAJOR',
  role: 'LEAD',
  leadAgencyId: orgs.west.id,
  description: 'Warrant executed at a lock-up; two arrests',
  apmisReference: '',
  ...overrides,
});

/** A disruption put straight into the database (as an import would), `daysOld` days ago. */
async function disruption(threatId: string, opts: { daysOld: number; apmisReference?: string | null }) {
  const key = addCalendarDays(today(), -opts.daysOld);
  return prisma.disruption.create({
    data: {
      reference: `IMP-${threatId}-${opts.daysOld}-${Math.random().toString(36).slice(2, 8)}`,
      threatId,
      disruptedOn: dayOf(key),
      strand: 'PREVENT',
      category: 'MINOR',
      role: 'SUPPORTING',
      leadAgencyId: rocu.id,
      description: 'Imported',
      apmisReference: opts.apmisReference ?? null,
    },
    select: { id: true, updatedAt: true, disruptedOn: true },
  });
}

async function editInput(disruptionId: string, overrides: Record<string, unknown> = {}) {
  const row = await prisma.disruption.findUniqueOrThrow({ where: { id: disruptionId } });
  return {
    disruptionId,
    lastUpdatedAt: row.updatedAt.toISOString(),
    disruptedOn: dateParts(londonDateKey(row.disruptedOn)),
    strand: row.strand,
    category: row.category,
    role: row.role,
    leadAgencyId: row.leadAgencyId ?? '',
    description: row.description,
    apmisReference: row.apmisReference ?? '',
    ...overrides,
  };
}

const events = (threatId: string, action: string) =>
  prisma.auditEvent.findMany({ where: { threatId, action }, orderBy: { at: 'asc' }, select: { actorId: true, organisationId: true, entityType: true, entityId: true, before: true, after: true } });

type Case = { who: string; expected: 'ok' | 'not found'; user: () => Promise<CurrentUser>; threat?: (user: CurrentUser) => ReturnType<typeof heldThreat> };
const someone = (org: 'west' | 'westLpa' | 'south' | 'partner' | 'region', ...roles: Role[]) => async () => asCurrentUser((await makeUser(orgs[org], roles)).id);

const CASES: Case[] = [
  { who: 'the LRO holding the threat', expected: 'ok', user: async () => holder },
  { who: 'an LRO holding the threat as deputy', expected: 'ok', user: someone('west', 'LRO'), threat: (u) => heldThreat({ deputy: u.id }) },
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

describe('recordDisruption: every role', () => {
  it.each(CASES)('$who -> $expected', async ({ expected, user, threat: arrange }) => {
    const actor = await user();
    const threat = arrange ? await arrange(actor) : await heldThreat();
    const state = await runAuthed(actor, recordDisruption, recordInput(threat.id));
    const written = await prisma.disruption.count({ where: { threatId: threat.id } });
    if (expected === 'ok') {
      expect(state).toMatchObject({ status: 'success', data: { threatId: threat.id } });
      expect(written).toBe(1);
      expect(await events(threat.id, 'disruption.recorded')).toHaveLength(1);
      return;
    }
    expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
    expect(written).toBe(0);
    expect(await events(threat.id, 'disruption.recorded')).toHaveLength(0);
  });
});

describe('updateDisruption: every role', () => {
  it.each(CASES)('$who -> $expected', async ({ expected, user, threat: arrange }) => {
    const actor = await user();
    const threat = arrange ? await arrange(actor) : await heldThreat();
    const d = await disruption(threat.id, { daysOld: 3 });
    const state = await runAuthed(actor, updateDisruption, await editInput(d.id, { apmisReference: 'APM-1' }));
    const row = await prisma.disruption.findUniqueOrThrow({ where: { id: d.id } });
    if (expected === 'ok') {
      expect(state).toMatchObject({ status: 'success', data: { disruptionId: d.id, threatId: threat.id } });
      expect(row.apmisReference).toBe('APM-1');
      expect(await events(threat.id, 'disruption.updated')).toHaveLength(1);
      return;
    }
    expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
    expect(row.apmisReference).toBeNull();
    expect(await events(threat.id, 'disruption.updated')).toHaveLength(0);
  });
});

describe('recordDisruption', () => {
  it('stores the disruption with a local reference from the URN, and audits it with the threat', async () => {
    const threat = await heldThreat();
    const on = addCalendarDays(today(), -2);
    const state = await runAuthed(holder, recordDisruption, recordInput(threat.id, { disruptedOn: dateParts(on), strand: 'PROTECT', category: 'NEGATIVE', role: 'SUPPORTING', leadAgencyId: rocu.id }));
    expect(state.status).toBe('success');
    const row = await prisma.disruption.findFirstOrThrow({ where: { threatId: threat.id } });
    expect(row.reference).toMatch(new RegExp(`^${threat.urn}-D-[0-9A-F]{8}$`));
    expect(row).toMatchObject({
      disruptedOn: dayOf(on),
      strand: 'PROTECT',
      category: 'NEGATIVE',
      role: 'SUPPORTING',
      leadAgencyId: rocu.id,
      description: 'Warrant executed at a lock-up; two arrests',
      apmisReference: null,
      apmisRecordedAt: null,
      recordedById: holder.id,
    });
    const [event] = await events(threat.id, 'disruption.recorded');
    expect(event).toMatchObject({ actorId: holder.id, organisationId: orgs.west.id, entityType: 'Disruption', entityId: row.id });
    expect(JSON.parse(event!.after!)).toMatchObject({ reference: row.reference, disruptedOn: on, strand: 'PROTECT', category: 'NEGATIVE', apmisReference: null });
  });

  it('with an APMIS reference already: stored upper-cased, with the time it was recorded', async () => {
    const threat = await heldThreat();
    expect(await runAuthed(holder, recordDisruption, recordInput(threat.id, { apmisReference: ' apm-77 ' }))).toMatchObject({ status: 'success' });
    const row = await prisma.disruption.findFirstOrThrow({ where: { threatId: threat.id } });
    expect(row.apmisReference).toBe('APM-77');
    expect(row.apmisRecordedAt).toBeInstanceOf(Date);
  });

  it.each([
    [{ disruptedOn: { day: '', month: '', year: '' } }, 'disruptedOn', 'Enter the date of the disruption'],
    [{ disruptedOn: dateParts(addCalendarDays(londonDateKey(new Date()), 1)) }, 'disruptedOn', 'Date of the disruption must be today or in the past'],
    [{ strand: '' }, 'strand', 'Select the strand'],
    [{ category: 'HUGE' }, 'category', 'Select the category'],
    [{ role: undefined }, 'role', 'Select whether the disruption was led or supported'],
    [{ description: '   ' }, 'description', 'Enter a description of the disruption'],
    [{ apmisReference: 'APM 1' }, 'apmisReference', 'APMIS reference must only include letters, numbers, hyphens and slashes'],
    [{ leadAgencyId: '' }, 'leadAgencyId', 'Select the lead agency'],
  ])('refuses %j', async (overrides, field, message) => {
    const threat = await heldThreat();
    const state = await runAuthed(holder, recordDisruption, recordInput(threat.id, overrides));
    // A schema's refusal: the form's messages, field by field.
    expect(state).toMatchObject({ status: 'error', message: 'There is a problem' });
    expect(state.status === 'error' && state.fieldErrors[field]).toEqual([message]);
    expect(await prisma.disruption.count({ where: { threatId: threat.id } })).toBe(0);
  });

  it('refuses a lead agency that is not a force, ROCU or partner agency, or does not exist', async () => {
    const threat = await heldThreat();
    for (const leadAgencyId of [orgs.region.id, orgs.westLpa.id, 'no-such-organisation']) {
      const state = await runAuthed(holder, recordDisruption, recordInput(threat.id, { leadAgencyId }));
      expect(state).toMatchObject({ status: 'error', code: 'VALIDATION', fieldErrors: { leadAgencyId: ['Select the lead agency'] } });
    }
    // A partner agency may lead.
    expect(await runAuthed(holder, recordDisruption, recordInput(threat.id, { leadAgencyId: orgs.partner.id }))).toMatchObject({ status: 'success' });
  });

  it('refuses fields it does not know (strict), such as a reference of the user’s choosing', async () => {
    const threat = await heldThreat();
    expect(await runAuthed(holder, recordDisruption, recordInput(threat.id, { reference: 'MINE' }))).toMatchObject({ status: 'error', message: 'There is a problem' });
    expect(await prisma.disruption.count({ where: { threatId: threat.id } })).toBe(0);
  });

  it('refuses a disruption on an archived threat', async () => {
    const threat = await heldThreat({ status: 'ARCHIVED' });
    expect(await runAuthed(holder, recordDisruption, recordInput(threat.id))).toMatchObject({ status: 'error', code: 'FORBIDDEN', message: ARCHIVED_THREAT_MESSAGE });
    expect(await prisma.disruption.count({ where: { threatId: threat.id } })).toBe(0);
  });
});

describe('updateDisruption', () => {
  it('sets apmisRecordedAt when a reference is first added, keeps it when the reference is corrected, and audits before and after', async () => {
    const threat = await heldThreat();
    const d = await disruption(threat.id, { daysOld: 10 });
    expect(await runAuthed(holder, updateDisruption, await editInput(d.id, { apmisReference: 'apm-2026-1' }))).toMatchObject({ status: 'success' });
    const first = await prisma.disruption.findUniqueOrThrow({ where: { id: d.id } });
    expect(first.apmisReference).toBe('APM-2026-1');
    expect(first.apmisRecordedAt).toBeInstanceOf(Date);

    expect(await runAuthed(manager, updateDisruption, await editInput(d.id, { apmisReference: 'APM-2026-2', category: 'MODERATE' }))).toMatchObject({ status: 'success' });
    const second = await prisma.disruption.findUniqueOrThrow({ where: { id: d.id } });
    expect(second).toMatchObject({ apmisReference: 'APM-2026-2', category: 'MODERATE', apmisRecordedAt: first.apmisRecordedAt });

    const [added, corrected] = await events(threat.id, 'disruption.updated');
    expect(added).toMatchObject({ actorId: holder.id, organisationId: orgs.west.id, entityType: 'Disruption', entityId: d.id });
    expect(JSON.parse(added!.before!)).toMatchObject({ apmisReference: null, category: 'MINOR' });
    expect(JSON.parse(added!.after!)).toMatchObject({ apmisReference: 'APM-2026-1' });
    expect(JSON.parse(corrected!.after!)).toMatchObject({ apmisReference: 'APM-2026-2', category: 'MODERATE' });

    // Removed: no longer on APMIS as far as the record goes.
    expect(await runAuthed(holder, updateDisruption, await editInput(d.id, { apmisReference: '' }))).toMatchObject({ status: 'success' });
    expect(await prisma.disruption.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ apmisReference: null, apmisRecordedAt: null });
  });

  it('refuses the second of two people editing the same version, naming the first, and keeps the first change', async () => {
    const threat = await heldThreat();
    const d = await disruption(threat.id, { daysOld: 2 });
    const seenByBoth = await editInput(d.id);
    expect(await runAuthed(holder, updateDisruption, { ...seenByBoth, apmisReference: 'APM-FIRST' })).toMatchObject({ status: 'success' });
    const second = await runAuthed(manager, updateDisruption, { ...seenByBoth, apmisReference: 'APM-SECOND', description: 'Overwritten' });
    expect(second).toMatchObject({ status: 'error', code: 'CONFLICT' });
    expect(second.status === 'error' && second.message).toContain('Inspector Holder changed this on');
    expect(await prisma.disruption.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ apmisReference: 'APM-FIRST', description: 'Imported' });
    expect(await events(threat.id, 'disruption.updated')).toHaveLength(1);
  });

  it('refuses a malformed lastUpdatedAt as a conflict, and bad input field by field', async () => {
    const threat = await heldThreat();
    const d = await disruption(threat.id, { daysOld: 2 });
    expect(await runAuthed(holder, updateDisruption, await editInput(d.id, { lastUpdatedAt: 'yesterday' }))).toMatchObject({ status: 'error', code: 'CONFLICT' });
    expect(await runAuthed(holder, updateDisruption, await editInput(d.id, { apmisReference: 'x'.repeat(41) }))).toMatchObject({
      status: 'error',
      fieldErrors: { apmisReference: ['APMIS reference must be 40 characters or fewer'] },
    });
    expect(await runAuthed(holder, updateDisruption, await editInput(d.id, { disruptionId: 'no-such-disruption' }))).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
  });

  it('may add the APMIS reference to a disruption of an archived threat (the flag holds whatever its status)', async () => {
    const threat = await heldThreat({ status: 'ARCHIVED' });
    const d = await disruption(threat.id, { daysOld: 30 });
    expect(await runAuthed(holder, updateDisruption, await editInput(d.id, { apmisReference: 'APM-9' }))).toMatchObject({ status: 'success' });
  });
});

describe('DISRUPTION_NOT_ON_APMIS', () => {
  it('is raised 7 days after a disruption without an APMIS reference, not before, and cleared by adding one', async () => {
    const threat = await heldThreat();
    await disruption(threat.id, { daysOld: 6 });
    const late = await disruption(threat.id, { daysOld: 7 });
    await disruption(threat.id, { daysOld: 40, apmisReference: 'APM-OLD' });

    const raised = await apmisFlags(threat.id);
    expect(raised.map((f) => f.subject)).toEqual([{ kind: 'DISRUPTION', id: late.id }]);
    expect(raised[0]!.message).toContain('7 days on');

    expect(await runAuthed(holder, updateDisruption, await editInput(late.id, { apmisReference: 'APM-2026-7' }))).toMatchObject({ status: 'success' });
    expect(await apmisFlags(threat.id)).toEqual([]);
  });
});

describe('listThreatDisruptions', () => {
  it('pages newest first in the database', async () => {
    const threat = await heldThreat();
    const made = [];
    for (const daysOld of [5, 1, 3]) made.push({ daysOld, ...(await disruption(threat.id, { daysOld })) });
    const first = await listThreatDisruptions(threat.id, 1, 2);
    expect(first).toMatchObject({ total: 3, page: 1, pageCount: 2 });
    expect(first.rows.map((r) => r.id)).toEqual([made[1]!.id, made[2]!.id]);
    const second = await listThreatDisruptions(threat.id, 2, 2);
    expect(second.rows.map((r) => r.id)).toEqual([made[0]!.id]);
    expect(second.rows[0]).toMatchObject({ leadAgencyName: 'Test ROCU', strand: 'PREVENT', category: 'MINOR', role: 'SUPPORTING' });
    // A page beyond the last shows the last.
    expect((await listThreatDisruptions(threat.id, 9, 2)).page).toBe(2);
  });
});
