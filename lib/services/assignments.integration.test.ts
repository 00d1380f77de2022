import { beforeAll, describe, expect, it } from 'vitest';
import { runAuthed } from './authed-action';
import { assignLro, getLroChoices, type AssignLroResult } from './assignments';
import { prisma } from '@/lib/db/client';
import type { Role } from '@/lib/auth/policy';
import type { FormState } from '@/lib/validation/form-state';
import { NO_OFFICER, SAME_OFFICER_MESSAGE } from '@/lib/validation/assignment';
import { asCurrentUser, giveCaseload, makeHeldThreat, makeOrganisation, makeRegion, makeThreat, makeTraining, makeUser } from '@/test/factories';

const DAY = 24 * 60 * 60 * 1000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);

type Orgs = Awaited<ReturnType<typeof makeRegion>>;
let orgs: Orgs;

/** An LRO with a current LRO course, so that appointing them raises no warning. */
async function trainedLro(organisation: { id: string }, name?: string) {
  const officer = await makeUser(organisation, ['LRO'], { name });
  await makeTraining(officer.id, { completedOn: daysFromNow(-200), expiresOn: daysFromNow(800) });
  return officer;
}

async function managerOf(organisation: { id: string }, name?: string) {
  return asCurrentUser((await makeUser(organisation, ['MANAGER'], { name })).id);
}

const input = (threat: { id: string; version: number }, lro: string | null, deputy: string | null, extra: Record<string, unknown> = {}) => ({
  threatId: threat.id,
  version: threat.version,
  leadResponsibleOfficerId: lro ?? NO_OFFICER,
  deputyId: deputy ?? NO_OFFICER,
  ...extra,
});

const threatRow = (id: string) =>
  prisma.socThreat.findUniqueOrThrow({ where: { id }, select: { leadResponsibleOfficerId: true, deputyId: true, version: true } });
const history = (threatId: string) =>
  prisma.lroAssignment.findMany({
    where: { threatId },
    orderBy: [{ startedAt: 'asc' }, { role: 'asc' }],
    select: { id: true, userId: true, role: true, startedAt: true, endedAt: true, handoverNote: true, assignedById: true },
  });
const auditOf = (threatId: string) =>
  prisma.auditEvent.findMany({
    where: { threatId, action: { in: ['threat.assign-lro', 'threat.assign-deputy'] } },
    orderBy: { action: 'asc' },
    select: { action: true, actorId: true, entityType: true, entityId: true, organisationId: true, before: true, after: true },
  });

function expectOutcome(state: FormState<AssignLroResult>, outcome: AssignLroResult['outcome']) {
  expect(state, JSON.stringify(state)).toMatchObject({ status: 'success', data: { outcome } });
  return (state as { data: AssignLroResult }).data;
}

beforeAll(async () => {
  orgs = await makeRegion();
});

describe('assignLro: who may assign (policy verb threat:assign-lro)', () => {
  const cases: { who: string; role: Role; org: keyof Orgs; holdsIt?: boolean; allowed: boolean }[] = [
    { who: 'a manager of the owning force', role: 'MANAGER', org: 'west', allowed: true },
    { who: 'a manager of the region above it', role: 'MANAGER', org: 'region', allowed: true },
    { who: 'an LRO of the owning force', role: 'LRO', org: 'west', allowed: false },
    { who: 'the LRO who holds the threat', role: 'LRO', org: 'west', holdsIt: true, allowed: false },
    { who: 'a co-ordinator of the owning force', role: 'COORDINATOR', org: 'west', allowed: false },
    { who: 'the regional co-ordinator', role: 'COORDINATOR', org: 'region', allowed: false },
    { who: 'an admin of the region', role: 'ADMIN', org: 'region', allowed: false },
    { who: 'a partner agency user', role: 'ACTION_OWNER', org: 'partner', allowed: false },
    { who: 'a manager of a district below the owning force', role: 'MANAGER', org: 'westLpa', allowed: false },
    { who: 'a manager of another force', role: 'MANAGER', org: 'south', allowed: false },
  ];

  it.each(cases)('$who ($role) -> allowed: $allowed', async ({ role, org, holdsIt, allowed }) => {
    const user = await asCurrentUser((await makeUser(orgs[org], [role])).id);
    const threat = await makeHeldThreat(orgs.west, { lroId: holdsIt ? user.id : null });
    const newLro = await trainedLro(orgs.west);
    const state = await runAuthed(user, assignLro, input(threat, newLro.id, null));
    const after = await threatRow(threat.id);
    if (allowed) {
      expectOutcome(state, 'saved');
      expect(after).toEqual({ leadResponsibleOfficerId: newLro.id, deputyId: null, version: 2 });
      expect(await auditOf(threat.id)).toHaveLength(1);
    } else {
      // Refused exactly as if the threat did not exist; nothing written.
      expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
      expect(after).toEqual({ leadResponsibleOfficerId: holdsIt ? user.id : null, deputyId: null, version: 1 });
      expect(await history(threat.id)).toHaveLength(holdsIt ? 1 : 0);
      expect(await auditOf(threat.id)).toHaveLength(0);
    }
  });
});

describe('assignLro: bad input is refused with a message on the field', () => {
  it('an unknown officer id', async () => {
    const threat = await makeHeldThreat(orgs.west, {});
    const state = await runAuthed(await managerOf(orgs.west), assignLro, input(threat, 'no-such-user', null));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { leadResponsibleOfficerId: ['Select an LRO from the list'] } });
    expect(await threatRow(threat.id)).toMatchObject({ leadResponsibleOfficerId: null, version: 1 });
  });

  it.each([
    ['an LRO of another force', async () => makeUser(orgs.south, ['LRO'])],
    ['an LRO of a partner agency (outside the force tree)', async () => makeUser(orgs.partner, ['LRO'])],
    ['an officer of the force without the LRO role', async () => makeUser(orgs.west, ['MANAGER'])],
    ['an LRO of the force who is no longer active', async () => makeUser(orgs.west, ['LRO'], { active: false })],
  ])('%s, as deputy', async (_who, make) => {
    const outsider = await make();
    const threat = await makeHeldThreat(orgs.west, {});
    const state = await runAuthed(await managerOf(orgs.west), assignLro, input(threat, null, outsider.id));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { deputyId: ['Select a deputy from the list'] } });
    expect(await threatRow(threat.id)).toMatchObject({ deputyId: null, version: 1 });
    expect(await history(threat.id)).toHaveLength(0);
  });

  it('the same person as LRO and deputy', async () => {
    const officer = await trainedLro(orgs.west);
    const threat = await makeHeldThreat(orgs.west, {});
    const state = await runAuthed(await managerOf(orgs.west), assignLro, input(threat, officer.id, officer.id));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { deputyId: [SAME_OFFICER_MESSAGE] }, values: { leadResponsibleOfficerId: officer.id } });
    expect(await threatRow(threat.id)).toMatchObject({ leadResponsibleOfficerId: null, version: 1 });
  });

  it('no choice made, an over-long handover note, and unknown fields', async () => {
    const threat = await makeHeldThreat(orgs.west, {});
    const manager = await managerOf(orgs.west);
    const state = await runAuthed(manager, assignLro, { threatId: threat.id, version: 1, leadResponsibleOfficerId: '', deputyId: '', handoverNote: 'x'.repeat(1001) });
    expect(state).toMatchObject({
      status: 'error',
      fieldErrors: {
        leadResponsibleOfficerId: ['Select the LRO, or No LRO'],
        deputyId: ['Select the deputy, or No deputy'],
        handoverNote: ['Handover note must be 1000 characters or fewer'],
      },
    });
    const strict = await runAuthed(manager, assignLro, input(threat, null, null, { organisationId: orgs.south.id }));
    expect(strict.status).toBe('error');
  });

  it('officers come from the force and its districts for a district threat, and from the ROCU for a ROCU threat', async () => {
    const rocu = await makeOrganisation({ parent: orgs.region, kind: 'ROCU', name: 'Test ROCU' });
    const forceLro = await trainedLro(orgs.west);
    const districtLro = await trainedLro(orgs.westLpa);
    const rocuLro = await trainedLro(rocu);
    const manager = await managerOf(orgs.region);

    const districtThreat = await makeHeldThreat(orgs.westLpa, {});
    expectOutcome(await runAuthed(manager, assignLro, input(districtThreat, forceLro.id, districtLro.id)), 'saved');

    const rocuThreat = await makeHeldThreat(rocu, {});
    expect(await runAuthed(manager, assignLro, input(rocuThreat, forceLro.id, null))).toMatchObject({
      status: 'error',
      fieldErrors: { leadResponsibleOfficerId: ['Select an LRO from the list'] },
    });
    expectOutcome(await runAuthed(manager, assignLro, input(rocuThreat, rocuLro.id, null)), 'saved');
  });
});

describe('assignLro: no lost updates', () => {
  it('refuses the second of two saves from the same version, naming who saved first, and keeps the input', async () => {
    const [a, b] = [await trainedLro(orgs.west), await trainedLro(orgs.west)];
    const threat = await makeHeldThreat(orgs.west, {});
    const first = await managerOf(orgs.west, 'Chief Inspector First');
    const second = await managerOf(orgs.region, 'Superintendent Second');
    expectOutcome(await runAuthed(first, assignLro, input(threat, a.id, null)), 'saved');
    const state = await runAuthed(second, assignLro, input(threat, b.id, null, { handoverNote: 'Keep me' }));
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT', values: { leadResponsibleOfficerId: b.id, handoverNote: 'Keep me' } });
    if (state.status === 'error') expect(state.message).toContain('Chief Inspector First');
    expect(await threatRow(threat.id)).toEqual({ leadResponsibleOfficerId: a.id, deputyId: null, version: 2 });
    expect(await history(threat.id)).toHaveLength(1);
  });

  it('a threat edited since the page was opened is a conflict before any warning is shown', async () => {
    const untrained = await makeUser(orgs.west, ['LRO']);
    const threat = await makeHeldThreat(orgs.west, {});
    await prisma.socThreat.update({ where: { id: threat.id }, data: { version: 2 } });
    const state = await runAuthed(await managerOf(orgs.west), assignLro, input(threat, untrained.id, null));
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT' });
  });
});

describe('assignLro: the history of holders', () => {
  it('appoints an LRO to a threat with none: one open row, the threat follows, audited with before and after', async () => {
    const lro = await trainedLro(orgs.west, 'Inspector New');
    const threat = await makeHeldThreat(orgs.westLpa, {});
    const manager = await managerOf(orgs.west);
    const before = Date.now();
    expectOutcome(await runAuthed(manager, assignLro, input(threat, lro.id, null)), 'saved');
    expect(await threatRow(threat.id)).toEqual({ leadResponsibleOfficerId: lro.id, deputyId: null, version: 2 });
    const rows = await history(threat.id);
    expect(rows).toEqual([expect.objectContaining({ userId: lro.id, role: 'LRO', endedAt: null, handoverNote: null, assignedById: manager.id })]);
    expect(rows[0]!.startedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const [event] = await auditOf(threat.id);
    expect(event).toMatchObject({ action: 'threat.assign-lro', actorId: manager.id, entityType: 'SocThreat', entityId: threat.id, organisationId: orgs.westLpa.id });
    expect(JSON.parse(event!.before!)).toEqual({ leadResponsibleOfficer: null });
    expect(JSON.parse(event!.after!)).toEqual({ leadResponsibleOfficer: { id: lro.id, name: 'Inspector New' } });
  });

  it('replaces the LRO: the old row is ended with the handover note, a new one opens with it too, the deputy is left alone', async () => {
    const [oldLro, newLro, deputy] = [await trainedLro(orgs.west, 'Old LRO'), await trainedLro(orgs.west, 'New LRO'), await trainedLro(orgs.west)];
    const threat = await makeHeldThreat(orgs.west, { lroId: oldLro.id, deputyId: deputy.id });
    const rowsBefore = await history(threat.id);
    const [oldRow, deputyRow] = [rowsBefore.find((r) => r.role === 'LRO'), rowsBefore.find((r) => r.role === 'DEPUTY')];
    const manager = await managerOf(orgs.west);
    expectOutcome(await runAuthed(manager, assignLro, input(threat, newLro.id, deputy.id, { handoverNote: '  Briefed on the open SCPO.  ' })), 'saved');

    expect(await threatRow(threat.id)).toEqual({ leadResponsibleOfficerId: newLro.id, deputyId: deputy.id, version: 2 });
    const rows = await history(threat.id);
    expect(rows).toHaveLength(3);
    const ended = rows.find((r) => r.id === oldRow!.id)!;
    expect(ended.endedAt).not.toBeNull();
    expect(ended.handoverNote).toBe('Briefed on the open SCPO.');
    expect(rows.find((r) => r.id === deputyRow!.id)).toEqual(deputyRow);
    const opened = rows.find((r) => r.userId === newLro.id)!;
    // A handover: the incoming LRO's row carries the note too, unseen until they read it.
    expect(opened).toMatchObject({ role: 'LRO', endedAt: null, assignedById: manager.id, handoverNote: 'Briefed on the open SCPO.' });
    expect(opened.startedAt.getTime()).toBe(ended.endedAt!.getTime());

    const events = await auditOf(threat.id);
    expect(events.map((e) => e.action)).toEqual(['threat.assign-lro']);
    expect(JSON.parse(events[0]!.before!)).toEqual({ leadResponsibleOfficer: { id: oldLro.id, name: 'Old LRO' } });
    expect(JSON.parse(events[0]!.after!)).toEqual({ leadResponsibleOfficer: { id: newLro.id, name: 'New LRO' }, handoverNote: 'Briefed on the open SCPO.' });
  });

  it('removes the deputy ("No deputy"): the row is ended and none opened', async () => {
    const [lro, deputy] = [await trainedLro(orgs.west), await trainedLro(orgs.west, 'Departing Deputy')];
    const threat = await makeHeldThreat(orgs.west, { lroId: lro.id, deputyId: deputy.id });
    expectOutcome(await runAuthed(await managerOf(orgs.west), assignLro, input(threat, lro.id, null, { handoverNote: 'Deputy moved to another team.' })), 'saved');
    expect(await threatRow(threat.id)).toEqual({ leadResponsibleOfficerId: lro.id, deputyId: null, version: 2 });
    const rows = await history(threat.id);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.role === 'LRO')).toMatchObject({ endedAt: null, handoverNote: null });
    // With the LRO unchanged, the note stays with the outgoing deputy.
    expect(rows.find((r) => r.role === 'DEPUTY')).toMatchObject({ userId: deputy.id, endedAt: expect.any(Date), handoverNote: 'Deputy moved to another team.' });
    const events = await auditOf(threat.id);
    expect(events.map((e) => e.action)).toEqual(['threat.assign-deputy']);
    expect(JSON.parse(events[0]!.before!)).toEqual({ deputy: { id: deputy.id, name: 'Departing Deputy' } });
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ deputy: null });
  });

  it('removes the LRO ("No LRO") of a threat', async () => {
    const lro = await trainedLro(orgs.west);
    const threat = await makeHeldThreat(orgs.west, { lroId: lro.id });
    expectOutcome(await runAuthed(await managerOf(orgs.west), assignLro, input(threat, null, null)), 'saved');
    expect(await threatRow(threat.id)).toEqual({ leadResponsibleOfficerId: null, deputyId: null, version: 2 });
    expect(await history(threat.id)).toEqual([expect.objectContaining({ userId: lro.id, endedAt: expect.any(Date) })]);
  });

  it('re-assigning the same people changes nothing: no rows, no version, no audit, no warnings', async () => {
    // Even an untrained holder: keeping them is not appointing them.
    const [lro, deputy] = [await makeUser(orgs.west, ['LRO']), await trainedLro(orgs.west)];
    const threat = await makeHeldThreat(orgs.west, { lroId: lro.id, deputyId: deputy.id });
    const rowsBefore = await history(threat.id);
    const data = expectOutcome(await runAuthed(await managerOf(orgs.west), assignLro, input(threat, lro.id, deputy.id, { handoverNote: 'Nothing to hand over' })), 'unchanged');
    expect(data).toEqual({ outcome: 'unchanged', version: 1 });
    expect(await threatRow(threat.id)).toEqual({ leadResponsibleOfficerId: lro.id, deputyId: deputy.id, version: 1 });
    expect(await history(threat.id)).toEqual(rowsBefore);
    expect(await auditOf(threat.id)).toHaveLength(0);
  });

  it('keeps a current holder who could not be appointed today (a partner officer)', async () => {
    const partnerLro = await makeUser(orgs.partner, ['LRO']);
    const deputy = await trainedLro(orgs.west);
    const threat = await makeHeldThreat(orgs.west, { lroId: partnerLro.id });
    expectOutcome(await runAuthed(await managerOf(orgs.west), assignLro, input(threat, partnerLro.id, deputy.id)), 'saved');
    expect(await threatRow(threat.id)).toMatchObject({ leadResponsibleOfficerId: partnerLro.id, deputyId: deputy.id });
    expect((await history(threat.id)).filter((r) => r.role === 'LRO')).toEqual([expect.objectContaining({ userId: partnerLro.id, endedAt: null })]);
  });

  it('swaps the LRO and the deputy: both rows ended, both reopened in the other role', async () => {
    const [a, b] = [await trainedLro(orgs.west), await trainedLro(orgs.west)];
    const threat = await makeHeldThreat(orgs.west, { lroId: a.id, deputyId: b.id });
    expectOutcome(await runAuthed(await managerOf(orgs.west), assignLro, input(threat, b.id, a.id, { handoverNote: 'Swapping roles.' })), 'saved');
    expect(await threatRow(threat.id)).toEqual({ leadResponsibleOfficerId: b.id, deputyId: a.id, version: 2 });
    const rows = await history(threat.id);
    expect(rows.filter((r) => r.endedAt === null).map((r) => [r.role, r.userId]).sort()).toEqual([
      ['DEPUTY', a.id],
      ['LRO', b.id],
    ]);
    expect(rows.filter((r) => r.endedAt !== null)).toHaveLength(2);
    expect((await auditOf(threat.id)).map((e) => e.action)).toEqual(['threat.assign-deputy', 'threat.assign-lro']);
  });
});

describe('assignLro: warnings (training and caseload) ask for confirmation, never refuse', () => {
  it('an officer with no LRO course: a warning naming them, nothing saved; confirmed, it saves and audits the warning', async () => {
    const untrained = await makeUser(orgs.west, ['LRO'], { name: 'Untrained Officer' });
    await makeTraining(untrained.id, { kind: 'IMMERSIVE_LEARNING', completedOn: daysFromNow(-30) }); // not an LRO course
    const threat = await makeHeldThreat(orgs.west, {});
    const manager = await managerOf(orgs.west);

    const warned = expectOutcome(await runAuthed(manager, assignLro, input(threat, untrained.id, null)), 'warnings');
    expect(warned).toEqual({
      outcome: 'warnings',
      warnings: [{ officerId: untrained.id, officerName: 'Untrained Officer', role: 'LRO', reason: 'NO_TRAINING', message: 'Untrained Officer (new LRO) has no completed LRO training.' }],
    });
    expect(await threatRow(threat.id)).toEqual({ leadResponsibleOfficerId: null, deputyId: null, version: 1 });
    expect(await history(threat.id)).toHaveLength(0);
    expect(await auditOf(threat.id)).toHaveLength(0);

    expectOutcome(await runAuthed(manager, assignLro, input(threat, untrained.id, null, { confirmWarnings: true })), 'saved');
    expect(await threatRow(threat.id)).toMatchObject({ leadResponsibleOfficerId: untrained.id, version: 2 });
    const [event] = await auditOf(threat.id);
    expect(JSON.parse(event!.after!)).toMatchObject({ warningsConfirmed: ['Untrained Officer (new LRO) has no completed LRO training.'] });
  });

  it.each([
    ['a course that expired yesterday', { completedOn: daysFromNow(-1096), expiresOn: daysFromNow(-1) }, ['TRAINING_EXPIRED']],
    ['a course that expires tomorrow', { completedOn: daysFromNow(-1094), expiresOn: daysFromNow(1) }, []],
    ['a course with no expiry', { completedOn: daysFromNow(-2000), expiresOn: null }, []],
    ['a course booked for next week', { completedOn: daysFromNow(7), expiresOn: null }, ['NO_TRAINING']],
  ])('training: %s -> %j', async (_case, course, reasons) => {
    const officer = await makeUser(orgs.west, ['LRO']);
    await makeTraining(officer.id, course);
    const threat = await makeHeldThreat(orgs.west, {});
    const state = await runAuthed(await managerOf(orgs.west), assignLro, input(threat, null, officer.id));
    if (reasons.length === 0) expectOutcome(state, 'saved');
    else expect((expectOutcome(state, 'warnings') as { warnings: { reason: string; role: string }[] }).warnings).toEqual([expect.objectContaining({ reason: reasons[0], role: 'DEPUTY' })]);
  });

  it.each([
    [3, null],
    [4, 'CASELOAD_WARNING'],
    [5, 'CASELOAD_WARNING'],
    [6, 'CASELOAD_ALERT'],
  ])('caseload with the default thresholds (4 and 6): holding %i active threats -> %s', async (count, reason) => {
    const officer = await trainedLro(orgs.west, 'Busy Officer');
    // A mapped threat is live and held, so it counts; archived threats and deputy roles do not.
    await giveCaseload(orgs.west, officer.id, count - 1);
    await makeThreat(orgs.west, { leadResponsibleOfficerId: officer.id, status: 'MAPPED' });
    await makeThreat(orgs.west, { leadResponsibleOfficerId: officer.id, status: 'ARCHIVED' });
    await makeThreat(orgs.west, { deputyId: officer.id });
    const threat = await makeHeldThreat(orgs.west, {});
    const state = await runAuthed(await managerOf(orgs.west), assignLro, input(threat, officer.id, null));
    if (!reason) return void expectOutcome(state, 'saved');
    const data = expectOutcome(state, 'warnings') as { warnings: { reason: string; message: string }[] };
    expect(data.warnings).toEqual([expect.objectContaining({ reason })]);
    expect(data.warnings[0]!.message).toBe(
      reason === 'CASELOAD_ALERT'
        ? `Busy Officer (new LRO) already holds ${count} active threats as LRO, at or above the alert level of 6.`
        : `Busy Officer (new LRO) already holds ${count} active threats as LRO, at or above the warning level of 4.`,
    );
  });

  it('thresholds come from the settings, inherited from an ancestor, the nearest winning', async () => {
    const region = await makeOrganisation({ kind: 'REGION', name: 'Settings region' });
    const force = await makeOrganisation({ parent: region, kind: 'FORCE', name: 'Settings force' });
    const district = await makeOrganisation({ parent: force, kind: 'LPA', name: 'Settings district' });
    await prisma.complianceSettings.create({ data: { organisationId: region.id, lroCaseloadWarning: 2, lroCaseloadAlert: 3 } });
    const manager = await managerOf(force);
    const [two, three] = [await trainedLro(force, 'Two Threats'), await trainedLro(district, 'Three Threats')];
    await giveCaseload(force, two.id, 2);
    await giveCaseload(force, three.id, 3);

    // The district threat inherits the region's 2 and 3 (the defaults, 4 and 6, would say nothing).
    const threat = await makeHeldThreat(district, {});
    const warned = expectOutcome(await runAuthed(manager, assignLro, input(threat, two.id, three.id)), 'warnings') as { warnings: { reason: string; message: string }[] };
    expect(warned.warnings.map((w) => w.message)).toEqual([
      'Two Threats (new LRO) already holds 2 active threats as LRO, at or above the warning level of 2.',
      'Three Threats (new deputy) already holds 3 active threats as LRO, at or above the alert level of 3.',
    ]);

    // The force's own setting is nearer than the region's.
    await prisma.complianceSettings.create({ data: { organisationId: force.id, lroCaseloadWarning: 3, lroCaseloadAlert: 10 } });
    const again = expectOutcome(await runAuthed(manager, assignLro, input(threat, two.id, three.id)), 'warnings') as { warnings: { reason: string }[] };
    expect(again.warnings).toEqual([expect.objectContaining({ officerId: three.id, reason: 'CASELOAD_WARNING' })]);
  });

  it('a plain form post confirms with "true"', async () => {
    const untrained = await makeUser(orgs.west, ['LRO']);
    const threat = await makeHeldThreat(orgs.west, {});
    const form = new FormData();
    for (const [key, value] of Object.entries(input(threat, untrained.id, null, { confirmWarnings: 'true' }))) form.append(key, String(value));
    expectOutcome(await runAuthed(await managerOf(orgs.west), assignLro, form), 'saved');
  });
});

describe('getLroChoices: the officers offered, with caseload and training', () => {
  it('lists the LROs of the force tree and the current holders, each with caseload and training at now', async () => {
    const force = await makeOrganisation({ parent: orgs.region, kind: 'FORCE', name: 'Choices force' });
    const district = await makeOrganisation({ parent: force, kind: 'LPA', name: 'Choices district' });
    await trainedLro(district, 'Aaron Trained');
    const busy = await makeUser(force, ['LRO'], { name: 'Beth Busy' });
    await makeTraining(busy.id, { completedOn: daysFromNow(-1200), expiresOn: daysFromNow(-100) });
    await giveCaseload(force, busy.id, 6);
    const partnerHolder = await makeUser(orgs.partner, ['LRO'], { name: 'Cary Partner' });
    await makeUser(orgs.west, ['LRO'], { name: 'Other Force' });
    await makeUser(force, ['LRO'], { name: 'Left Service', active: false });

    const choices = await getLroChoices({ organisationPath: district.path, leadResponsibleOfficerId: partnerHolder.id, deputyId: null }, new Date());
    expect(choices.treeName).toBe('Choices force');
    expect(choices.thresholds).toEqual({ lroCaseloadWarning: 4, lroCaseloadAlert: 6 });
    expect(choices.officers.map((o) => [o.name, o.isEligible, o.currentRole])).toEqual([
      ['Aaron Trained', true, null],
      ['Beth Busy', true, null],
      ['Cary Partner', false, 'LRO'],
    ]);
    expect(choices.officers[0]).toMatchObject({ activeThreatsAsLro: 0, caseloadLevel: 'none', trainingStatus: 'TRAINED', organisationName: 'Choices district' });
    expect(choices.officers[1]).toMatchObject({ activeThreatsAsLro: 6, caseloadLevel: 'alert', caseloadText: '6 active threats (alert)', trainingStatus: 'EXPIRED' });
    expect(choices.officers[2]).toMatchObject({ trainingStatus: 'NONE', trainingText: 'Not trained' });
  });
});
