import { beforeAll, describe, expect, it } from 'vitest';
import { runAuthed } from './authed-action';
import { recordTraining, TRAINING_RECORDED_MESSAGE } from './training';
import { prisma } from '@/lib/db/client';
import { getOfficerFlags } from '@/lib/db/compliance';
import { listLroRegister } from '@/lib/db/lro-register';
import type { Role } from '@/lib/auth/policy';
import type { CurrentUser } from '@/lib/auth/session';
import { addCalendarDays, londonDateKey, londonDayStart } from '@/lib/domain/dates';
import { lroRegisterQuerySchema } from '@/lib/validation/lro-register';
import { asCurrentUser, makeHeldThreat, makeRegion, makeUser } from '@/test/factories';

// Recording training (issue 5, "Training") against a real database: who may record it for whom,
// bad input, the audit trail, and LRO_UNTRAINED clearing when a current LRO course is recorded.

type Orgs = Awaited<ReturnType<typeof makeRegion>>;

async function userAt(organisation: { id: string }, roles: Role[], name?: string): Promise<CurrentUser> {
  return asCurrentUser((await makeUser(organisation, roles, { name })).id);
}

/** A date as the form's three fields. */
function parts(iso: string) {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
}

const today = () => londonDateKey(new Date());
const empty = { day: '', month: '', year: '' };

function form(userId: string, fields: Partial<{ kind: string; completedOn: object; expiresOn: object; note: string }> = {}) {
  return { userId, kind: 'LRO_COURSE', completedOn: parts(addCalendarDays(today(), -7)), expiresOn: empty, note: '', ...fields };
}

const recordsOf = (userId: string) => prisma.trainingRecord.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
const auditOf = (userId: string) =>
  prisma.auditEvent.findMany({ where: { action: 'training.recorded', after: { contains: userId } }, orderBy: { at: 'asc' } });

describe('who may record training for whom', () => {
  let orgs: Orgs;
  let people: Record<'force' | 'lpa' | 'south', { id: string }>;
  beforeAll(async () => {
    orgs = await makeRegion();
    people = {
      force: await makeUser(orgs.west, ['LRO']),
      lpa: await makeUser(orgs.westLpa, ['LRO']),
      south: await makeUser(orgs.south, ['LRO']),
    };
  });

  const cases: { who: string; at: keyof Orgs; roles: Role[]; person: 'force' | 'lpa' | 'south'; allowed: boolean }[] = [
    { who: 'an LRO of the force', at: 'west', roles: ['LRO'], person: 'force', allowed: false },
    { who: 'an action owner of the force', at: 'west', roles: ['ACTION_OWNER'], person: 'force', allowed: false },
    { who: 'a partner action owner', at: 'partner', roles: ['ACTION_OWNER'], person: 'force', allowed: false },
    { who: 'a manager of the force', at: 'west', roles: ['MANAGER'], person: 'force', allowed: false },
    { who: 'an admin of the region', at: 'region', roles: ['ADMIN'], person: 'force', allowed: false },
    { who: 'the force co-ordinator, for an officer of the force', at: 'west', roles: ['COORDINATOR'], person: 'force', allowed: true },
    { who: 'the force co-ordinator, for an officer of an LPA', at: 'west', roles: ['COORDINATOR'], person: 'lpa', allowed: true },
    { who: 'an LPA co-ordinator, for an officer of the force above', at: 'westLpa', roles: ['COORDINATOR'], person: 'force', allowed: false },
    { who: 'a co-ordinator of another force', at: 'south', roles: ['COORDINATOR'], person: 'force', allowed: false },
    { who: 'the force co-ordinator, for an officer of another force', at: 'west', roles: ['COORDINATOR'], person: 'south', allowed: false },
    { who: 'a regional co-ordinator, for an officer of a force', at: 'region', roles: ['COORDINATOR'], person: 'south', allowed: true },
  ];

  it.each(cases)('$who: allowed $allowed', async ({ at, roles, person, allowed }) => {
    const user = await userAt(orgs[at], roles);
    const target = people[person];
    const before = (await recordsOf(target.id)).length;
    const state = await runAuthed(user, recordTraining, form(target.id));
    const after = await recordsOf(target.id);
    if (allowed) {
      expect(state).toMatchObject({ status: 'success', message: TRAINING_RECORDED_MESSAGE, data: { userId: target.id } });
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)).toMatchObject({ kind: 'LRO_COURSE', recordedById: user.id });
    } else {
      // Not allowed and out of scope read the same: not found.
      expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
      expect(after).toHaveLength(before);
    }
  });

  it('refuses a user with no session, and a person who does not exist', async () => {
    expect(await runAuthed(null, recordTraining, form(people.force.id))).toMatchObject({ status: 'error' });
    const coordinator = await userAt(orgs.west, ['COORDINATOR']);
    expect(await runAuthed(coordinator, recordTraining, form('no-such-person'))).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
  });
});

describe('what is recorded', () => {
  it('saves the kind, the dates as the start of their London days, the note and who recorded it; and audits it', async () => {
    const orgs = await makeRegion();
    const coordinator = await userAt(orgs.west, ['COORDINATOR'], 'Robin Recorder');
    const person = await makeUser(orgs.westLpa, ['LRO'], { name: 'Sam Course' });
    const state = await runAuthed(
      coordinator,
      recordTraining,
      form(person.id, { kind: 'LRO_COURSE', completedOn: parts('2025-07-14'), expiresOn: parts('2028-07-14'), note: '  College of Policing course  ' }),
    );
    expect(state.status).toBe('success');
    const [record] = await recordsOf(person.id);
    expect(record).toMatchObject({
      kind: 'LRO_COURSE',
      // British Summer Time: the day begins at 23:00 UTC the evening before.
      completedOn: new Date('2025-07-13T23:00:00.000Z'),
      expiresOn: new Date('2028-07-13T23:00:00.000Z'),
      note: 'College of Policing course',
      recordedById: coordinator.id,
    });
    expect(state.status === 'success' && state.data?.trainingRecordId).toBe(record!.id);

    const [event] = await auditOf(person.id);
    expect(event).toMatchObject({ actorId: coordinator.id, entityType: 'TrainingRecord', entityId: record!.id, organisationId: orgs.westLpa.id, threatId: null });
    expect(JSON.parse(event!.after!)).toEqual({
      person: { id: person.id, name: 'Sam Course' },
      kind: 'LRO_COURSE',
      completedOn: '2025-07-14',
      expiresOn: '2028-07-14',
      note: 'College of Policing course',
    });
  });

  it('keeps a course without an expiry, and a winter date at midnight', async () => {
    const orgs = await makeRegion();
    const coordinator = await userAt(orgs.west, ['COORDINATOR']);
    const person = await makeUser(orgs.west, ['LRO']);
    expect((await runAuthed(coordinator, recordTraining, form(person.id, { kind: 'IMMERSIVE_LEARNING', completedOn: parts('2025-12-02') }))).status).toBe('success');
    expect((await recordsOf(person.id))[0]).toMatchObject({ kind: 'IMMERSIVE_LEARNING', completedOn: new Date('2025-12-02T00:00:00.000Z'), expiresOn: null, note: null });
  });
});

describe('bad input', () => {
  let orgs: Orgs;
  let coordinator: CurrentUser;
  let person: { id: string };
  beforeAll(async () => {
    orgs = await makeRegion();
    coordinator = await userAt(orgs.west, ['COORDINATOR']);
    person = await makeUser(orgs.west, ['LRO']);
  });

  const tomorrow = () => parts(addCalendarDays(today(), 1));
  const cases: [string, () => Record<string, unknown>, Record<string, string[]>][] = [
    ['nothing chosen or typed', () => ({ kind: '', completedOn: empty }), { kind: ['Select the kind of training'], completedOn: ['Enter the date completed'] }],
    ['a completion date in the future', () => ({ completedOn: tomorrow() }), { completedOn: ['Date completed must be today or in the past'] }],
    ['an expiry before completion', () => ({ completedOn: parts('2025-05-10'), expiresOn: parts('2025-05-09') }), { expiresOn: ['Expiry date must be after the date completed'] }],
    ['an expiry on the day of completion', () => ({ completedOn: parts('2025-05-10'), expiresOn: parts('2025-05-10') }), { expiresOn: ['Expiry date must be after the date completed'] }],
    ['a date that is not real', () => ({ completedOn: { day: '30', month: '2', year: '2025' } }), { completedOn: ['Date completed must be a real date'] }],
    ['half an expiry date', () => ({ expiresOn: { day: '1', month: '', year: '2027' } }), { 'expiresOn.month': ['Expiry date must include a month'] }],
    ['other training without a note', () => ({ kind: 'OTHER', note: '   ' }), { note: ['Enter a note saying what the training was'] }],
    ['a note too long', () => ({ note: 'x'.repeat(2001) }), { note: ['Note must be 2000 characters or fewer'] }],
    ['a kind that does not exist', () => ({ kind: 'FIRST_AID' }), { kind: ['Select the kind of training'] }],
  ];

  it.each(cases)('%s', async (_, fields, fieldErrors) => {
    const input = form(person.id, fields());
    const state = await runAuthed(coordinator, recordTraining, input);
    expect(state).toMatchObject({ status: 'error', fieldErrors, values: input });
    expect(await recordsOf(person.id)).toEqual([]);
    expect(await auditOf(person.id)).toEqual([]);
  });

  it('refuses fields it does not know (strict)', async () => {
    const state = await runAuthed(coordinator, recordTraining, { ...form(person.id), recordedById: coordinator.id });
    expect(state).toMatchObject({ status: 'error' });
    expect(await recordsOf(person.id)).toEqual([]);
  });

  it('accepts a course completed today', async () => {
    const other = await makeUser(orgs.west, ['LRO']);
    expect((await runAuthed(coordinator, recordTraining, form(other.id, { completedOn: parts(today()) }))).status).toBe('success');
    expect((await recordsOf(other.id))[0]!.completedOn).toEqual(londonDayStart(today()));
  });
});

describe('LRO_UNTRAINED clears with a completed, current LRO course', () => {
  it('stays for other training and an expired course, and clears for a course completed today', async () => {
    const orgs = await makeRegion();
    const coordinator = await userAt(orgs.west, ['COORDINATOR']);
    const officer = await makeUser(orgs.west, ['LRO'], { name: 'Untrained Holder' });
    await makeHeldThreat(orgs.west, { lroId: officer.id });
    const flagCodes = async () => (await getOfficerFlags(officer.id, new Date())).map((f) => f.code);
    const untrainedNames = async () =>
      (await listLroRegister(coordinator, lroRegisterQuerySchema.parse({ training: 'untrained' }))).rows.map((row) => row.name);

    expect(await flagCodes()).toEqual(['LRO_UNTRAINED']);
    expect(await untrainedNames()).toEqual(['Untrained Holder']);

    await runAuthed(coordinator, recordTraining, form(officer.id, { kind: 'SOC_TACTICAL_ADVISER_INPUT' }));
    await runAuthed(coordinator, recordTraining, form(officer.id, { completedOn: parts('2021-03-01'), expiresOn: parts('2024-03-01') }));
    expect(await flagCodes()).toEqual(['LRO_UNTRAINED']);

    expect((await runAuthed(coordinator, recordTraining, form(officer.id, { completedOn: parts(today()) }))).status).toBe('success');
    expect(await flagCodes()).toEqual([]);
    expect(await untrainedNames()).toEqual([]);
  });
});
