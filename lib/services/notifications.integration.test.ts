import { describe, expect, it } from 'vitest';
import { runAuthed } from './authed-action';
import { markNotificationsRead, PREFERENCE_SAVED_MESSAGE, updateDigestFrequency } from './notifications';
import { prisma } from '@/lib/db/client';
import { countUnreadNotifications, getOutboxMessage, listNotifications, listOutboxMessages } from '@/lib/db/notifications';
import { ROLES } from '@/lib/auth/policy';
import { DIGEST_FREQUENCY_MESSAGE } from '@/lib/validation/notifications';
import { asCurrentUser, makeRegion, makeUser } from '@/test/factories';

// A person's own e-mail preference and notifications, and the admin's outbox (issue 5,
// "Reminders"), against a real database: every role, only one's own account, bad input, audit,
// and the outbox limited to the admin's organisation and below.

async function notify(userId: string, title: string, createdAt: Date, readAt: Date | null = null) {
  return prisma.notification.create({ data: { userId, kind: 'digest', title, body: 'One\nTwo', link: '/', createdAt, readAt }, select: { id: true } });
}

describe('updateDigestFrequency', () => {
  it.each(ROLES)('a %s changes their own preference, audited', async (role) => {
    const orgs = await makeRegion();
    const user = await asCurrentUser((await makeUser(orgs.west, [role])).id);
    const state = await runAuthed(user, updateDigestFrequency, { digestFrequency: 'WEEKLY' });
    expect(state).toMatchObject({ status: 'success', message: PREFERENCE_SAVED_MESSAGE });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).digestFrequency).toBe('WEEKLY');
    const [event] = await prisma.auditEvent.findMany({ where: { entityId: user.id, action: 'account.digest-frequency-updated' } });
    expect(event).toMatchObject({ actorId: user.id, entityType: 'User', organisationId: orgs.west.id });
    expect(JSON.parse(event!.before!)).toEqual({ digestFrequency: 'DAILY' });
    expect(JSON.parse(event!.after!)).toEqual({ digestFrequency: 'WEEKLY' });
  });

  it('changes only the signed-in person, whatever else is sent', async () => {
    const orgs = await makeRegion();
    const user = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'])).id);
    const other = await makeUser(orgs.west, ['LRO']);
    // The schema is strict: no way to name another person.
    const state = await runAuthed(user, updateDigestFrequency, { digestFrequency: 'NONE', userId: other.id });
    expect(state.status).toBe('error');
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).digestFrequency).toBe('DAILY');
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).digestFrequency).toBe('DAILY');
  });

  it('refuses a missing or unknown choice with the GOV.UK message', async () => {
    const orgs = await makeRegion();
    const user = await asCurrentUser((await makeUser(orgs.west, ['LRO'])).id);
    for (const input of [{}, { digestFrequency: 'HOURLY' }, { digestFrequency: '' }]) {
      const state = await runAuthed(user, updateDigestFrequency, input);
      expect(state).toMatchObject({ status: 'error', fieldErrors: { digestFrequency: [DIGEST_FREQUENCY_MESSAGE] } });
    }
    const form = new FormData();
    form.set('digestFrequency', 'NONE');
    expect((await runAuthed(user, updateDigestFrequency, form)).status).toBe('success');
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).digestFrequency).toBe('NONE');
  });

  it('writes and audits nothing when nothing changes; a deactivated account is not found', async () => {
    const orgs = await makeRegion();
    const user = await asCurrentUser((await makeUser(orgs.west, ['LRO'])).id);
    expect((await runAuthed(user, updateDigestFrequency, { digestFrequency: 'DAILY' })).status).toBe('success');
    expect(await prisma.auditEvent.count({ where: { entityId: user.id, action: 'account.digest-frequency-updated' } })).toBe(0);

    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await runAuthed(user, updateDigestFrequency, { digestFrequency: 'WEEKLY' })).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
    expect(await runAuthed(null, updateDigestFrequency, { digestFrequency: 'WEEKLY' })).toMatchObject({ status: 'error' });
  });
});

describe('notifications', () => {
  it('lists a person\'s own notifications newest first, a page at a time, and marks all of them read', async () => {
    const orgs = await makeRegion();
    const user = await asCurrentUser((await makeUser(orgs.west, ['ACTION_OWNER'])).id);
    const other = await makeUser(orgs.west, ['LRO']);
    for (let day = 1; day <= 22; day++) await notify(user.id, `Day ${day}`, new Date(Date.UTC(2026, 10, day, 7)), day <= 2 ? new Date() : null);
    await notify(other.id, 'Not yours', new Date('2026-11-30T07:00:00Z'));

    const first = await listNotifications(user.id, 1);
    expect(first).toMatchObject({ total: 22, unread: 20, page: 1, pageCount: 2 });
    expect(first.rows.map((r) => r.title).slice(0, 3)).toEqual(['Day 22', 'Day 21', 'Day 20']);
    const second = await listNotifications(user.id, 2);
    expect(second.rows.map((r) => r.title)).toEqual(['Day 2', 'Day 1']);
    expect((await listNotifications(user.id, 99)).page).toBe(2);

    const state = await runAuthed(user, markNotificationsRead, {});
    expect(state).toMatchObject({ status: 'success', data: { count: 20 } });
    expect(await countUnreadNotifications(user.id)).toBe(0);
    expect(await countUnreadNotifications(other.id)).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityId: user.id, action: 'notifications.marked-read' } })).toBe(1);

    // Nothing left to mark: no write, no audit.
    expect(await runAuthed(user, markNotificationsRead, {})).toMatchObject({ status: 'success', data: { count: 0 } });
    expect(await prisma.auditEvent.count({ where: { entityId: user.id, action: 'notifications.marked-read' } })).toBe(1);
    expect((await runAuthed(user, markNotificationsRead, { userId: other.id })).status).toBe('error');
  });
});

describe('the outbox', () => {
  it('shows an admin the messages to people of their organisation and below, and no others', async () => {
    const orgs = await makeRegion();
    const westPerson = await makeUser(orgs.westLpa, ['LRO']);
    const southPerson = await makeUser(orgs.south, ['LRO']);
    const message = (userId: string | null, subject: string) =>
      prisma.outboxMessage.create({ data: { userId, toAddress: 'x@test.invalid', subject, textBody: `Body of ${subject}`, transport: 'outbox' }, select: { id: true } });
    const toWest = await message(westPerson.id, 'To west');
    const toSouth = await message(southPerson.id, 'To south');
    await message(null, 'To nobody');

    const region = await listOutboxMessages(orgs.region.path, 1);
    expect(region.rows.map((r) => r.subject).sort()).toEqual(['To south', 'To west']);
    expect(region.rows.find((r) => r.subject === 'To west')).toMatchObject({ recipientName: expect.stringMatching(/^Officer /), transport: 'outbox', sentAt: null });

    const west = await listOutboxMessages(orgs.west.path, 1);
    expect(west.rows.map((r) => r.subject)).toEqual(['To west']);
    expect(await getOutboxMessage(orgs.west.path, toWest.id)).toMatchObject({ subject: 'To west', textBody: 'Body of To west', recipient: { organisationPath: orgs.westLpa.path } });
    // Another force's message reads as absent.
    expect(await getOutboxMessage(orgs.west.path, toSouth.id)).toBeNull();
    expect(await getOutboxMessage(orgs.south.path, toWest.id)).toBeNull();
  });
});
