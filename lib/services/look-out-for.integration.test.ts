import { beforeAll, describe, expect, it } from 'vitest';
import { runAuthed } from './authed-action';
import { updateThreat } from './threats';
import { getThreatBriefing } from '@/lib/db/briefing';
import { prisma } from '@/lib/db/client';
import type { Role } from '@/lib/auth/policy';
import type { CurrentUser } from '@/lib/auth/session';
import { LOOK_OUT_FOR_MAX } from '@/lib/validation/threat';
import { asCurrentUser, makeRegion, makeThreat, makeUser } from '@/test/factories';

// "What frontline officers should look out for" (SocThreat.lookOutFor), edited with the threat's
// details (the frontline briefing, issue 5 item 7): the same roles, audit and version check.

type Orgs = Awaited<ReturnType<typeof makeRegion>>;
let orgs: Orgs;
let manager: CurrentUser;

beforeAll(async () => {
  orgs = await makeRegion();
  manager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'], { name: 'Editing Manager' })).id);
});

const input = (threat: { id: string }, version: number, extra: Record<string, unknown> = {}) => ({
  threatId: threat.id,
  version,
  name: 'Look-out threat',
  type: 'OCG',
  tier: 3,
  areas: ['DRUGS'],
  status: 'ACTIVE',
  ...extra,
});

const stored = (id: string) => prisma.socThreat.findUniqueOrThrow({ where: { id }, select: { lookOutFor: true, version: true } });
const audits = (id: string) => prisma.auditEvent.findMany({ where: { entityId: id, action: 'threat.update' }, orderBy: { at: 'asc' }, select: { before: true, after: true, threatId: true } });

describe('updateThreat: what frontline officers should look out for', () => {
  it('saves it trimmed, audits it before and after, and the briefing shows it', async () => {
    const threat = await makeThreat(orgs.west);
    const state = await runAuthed(manager, updateThreat, input(threat, 1, { lookOutFor: '  Silver vans at the retail park.  ' }));
    expect(state).toMatchObject({ status: 'success', data: { version: 2 } });
    expect(await stored(threat.id)).toEqual({ lookOutFor: 'Silver vans at the retail park.', version: 2 });
    const [event] = await audits(threat.id);
    expect(event!.threatId).toBe(threat.id);
    expect(JSON.parse(event!.before!)).toMatchObject({ lookOutFor: null });
    expect(JSON.parse(event!.after!)).toMatchObject({ lookOutFor: 'Silver vans at the retail park.' });
    expect((await getThreatBriefing(manager, threat.id))!.briefing.lookOutFor).toBe('Silver vans at the retail park.');
  });

  it('sent empty, it is cleared; not sent at all, it is left as it was', async () => {
    const threat = await makeThreat(orgs.west);
    await runAuthed(manager, updateThreat, input(threat, 1, { lookOutFor: 'Mopeds' }));
    expect(await runAuthed(manager, updateThreat, input(threat, 2, { name: 'Renamed' }))).toMatchObject({ status: 'success' });
    expect(await stored(threat.id)).toEqual({ lookOutFor: 'Mopeds', version: 3 });
    expect(await runAuthed(manager, updateThreat, input(threat, 3, { lookOutFor: '   ' }))).toMatchObject({ status: 'success' });
    expect(await stored(threat.id)).toEqual({ lookOutFor: null, version: 4 });
    const events = await audits(threat.id);
    expect(JSON.parse(events[2]!.before!)).toMatchObject({ lookOutFor: 'Mopeds' });
    expect(JSON.parse(events[2]!.after!)).toMatchObject({ lookOutFor: null });
  });

  it('too long is refused with a message on the field, and nothing is saved', async () => {
    const threat = await makeThreat(orgs.west);
    const state = await runAuthed(manager, updateThreat, input(threat, 1, { lookOutFor: 'x'.repeat(LOOK_OUT_FOR_MAX + 1) }));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { lookOutFor: [`What frontline officers should look out for must be ${LOOK_OUT_FOR_MAX} characters or fewer`] } });
    expect(await stored(threat.id)).toEqual({ lookOutFor: null, version: 1 });
  });

  it('a save from an old version is refused, naming who saved first, and keeps what was typed', async () => {
    const threat = await makeThreat(orgs.west);
    await runAuthed(manager, updateThreat, input(threat, 1, { lookOutFor: 'First' }));
    const other = await asCurrentUser((await makeUser(orgs.west, ['COORDINATOR'])).id);
    const state = await runAuthed(other, updateThreat, input(threat, 1, { lookOutFor: 'Second' }));
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT', values: { lookOutFor: 'Second' } });
    if (state.status === 'error') expect(state.message).toContain('Editing Manager');
    expect(await stored(threat.id)).toEqual({ lookOutFor: 'First', version: 2 });
  });

  it.each([
    ['an LRO of the force', 'LRO', 'west'],
    ['a manager of another force', 'MANAGER', 'south'],
    ['a partner agency user', 'ACTION_OWNER', 'partner'],
  ] as [string, Role, keyof Orgs][])('%s may not change it (not found)', async (_who, role, org) => {
    const threat = await makeThreat(orgs.west, { sharedWith: [orgs.partner.id] });
    const user = await asCurrentUser((await makeUser(orgs[org], [role])).id);
    expect(await runAuthed(user, updateThreat, input(threat, 1, { lookOutFor: 'Nope' }))).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
    expect(await stored(threat.id)).toEqual({ lookOutFor: null, version: 1 });
  });
});
