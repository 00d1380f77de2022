import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runDigests } from './reminders';
import { prisma } from '@/lib/db/client';
import type { MailConfig } from '@/lib/mail/config';
import { makeActionForTest, makeHeldThreat, makePlanForActions, makeRegion, makeUser } from '@/test/factories';

// The reminder job (issue 5, "Reminders") against a real database: sent once a day however often
// it runs (one after another or at the same moment), e-mail preferences respected, the outbox
// written without SMTP, and SMTP used when configured (a small fake relay, below).
//
// Decided: opting out of e-mail (NONE) is about e-mail only: the person still gets the in-app
// notification. Weekly means an e-mail on Mondays (London) and the notification every day.

// Monday 30 November and Tuesday 1 December 2026, 07:00 in London (GMT).
const MONDAY = new Date('2026-11-30T07:00:00Z');
const TUESDAY = new Date('2026-12-01T07:00:00Z');
const OUTBOX: MailConfig = { transport: 'outbox' };
const BASE_URL = 'https://quadrant.example.test';

/**
 * A region whose people each need something (an LRO holding a threat with an overdue action, by
 * preference DAILY, WEEKLY and NONE), a manager with a plan to review, one person with nothing to
 * do, and one deactivated person.
 */
async function arrange() {
  const orgs = await makeRegion();
  const person = async (roles: Parameters<typeof makeUser>[1], name: string, digestFrequency: 'DAILY' | 'WEEKLY' | 'NONE' = 'DAILY', active = true) => {
    const user = await makeUser(orgs.west, roles, { name, active });
    await prisma.user.update({ where: { id: user.id }, data: { digestFrequency } });
    return user;
  };
  const daily = await person(['LRO'], 'Daily Person');
  const weekly = await person(['LRO'], 'Weekly Person', 'WEEKLY');
  const none = await person(['LRO'], 'Nobody Mails Me', 'NONE');
  const manager = await person(['MANAGER'], 'Manager Person');
  const idle = await person(['ACTION_OWNER'], 'Idle Person');
  const gone = await person(['LRO'], 'Deactivated Person', 'DAILY', false);

  const holding = async (lroId: string, description: string) => {
    const threat = await makeHeldThreat(orgs.west, { lroId, status: 'ACTIVE' });
    const plan = await makePlanForActions(threat.id);
    await makeActionForTest(plan.id, { description, ownerUserId: lroId, dueOn: new Date('2026-11-20T00:00:00Z'), lastUpdatedAt: new Date('2026-11-19T10:00:00Z') });
    return threat;
  };
  const dailyThreat = await holding(daily.id, 'Visit the addresses linked to the line');
  await holding(weekly.id, 'Weekly person action');
  await holding(none.id, 'No-mail person action');
  await holding(gone.id, 'Deactivated person action');
  return { orgs, daily, weekly, none, manager, idle, gone, dailyThreat, region: orgs.region.path };
}

const notificationsOf = (userId: string) => prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
const messagesOf = (userId: string) => prisma.outboxMessage.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });

describe('runDigests: once a day', () => {
  it('sends each person one digest, however often it runs that day', async () => {
    const world = await arrange();
    const first = await runDigests(TUESDAY, { organisationPath: world.region, mail: OUTBOX, baseUrl: BASE_URL });
    // Five active people: four with something to do, one with nothing. The deactivated one is not considered.
    expect(first).toEqual({ users: 5, sent: 4, emailed: 2, skipped: 1, alreadySent: 0, failed: 0 });

    const second = await runDigests(new Date(TUESDAY.getTime() + 10 * 3_600_000), { organisationPath: world.region, mail: OUTBOX, baseUrl: BASE_URL });
    expect(second).toEqual({ users: 5, sent: 0, emailed: 0, skipped: 0, alreadySent: 5, failed: 0 });

    expect(await notificationsOf(world.daily.id)).toHaveLength(1);
    expect(await messagesOf(world.daily.id)).toHaveLength(1);
    expect(await prisma.digestRun.count({ where: { userId: world.daily.id } })).toBe(1);
    expect(await notificationsOf(world.gone.id)).toHaveLength(0);
    expect(await prisma.digestRun.count({ where: { userId: world.gone.id } })).toBe(0);

    // The next day is a new digest.
    const wednesday = await runDigests(new Date(TUESDAY.getTime() + 24 * 3_600_000), { organisationPath: world.region, mail: OUTBOX, baseUrl: BASE_URL });
    expect(wednesday.sent).toBe(4);
    expect(await notificationsOf(world.daily.id)).toHaveLength(2);
  });

  it('sends once when two runs start at the same moment (two app instances)', async () => {
    const world = await arrange();
    const runs = await Promise.all([
      runDigests(TUESDAY, { organisationPath: world.region, mail: OUTBOX, baseUrl: BASE_URL }),
      runDigests(TUESDAY, { organisationPath: world.region, mail: OUTBOX, baseUrl: BASE_URL }),
    ]);
    expect(runs[0]!.sent + runs[1]!.sent).toBe(4);
    expect(runs[0]!.alreadySent + runs[1]!.alreadySent).toBe(5);
    for (const user of [world.daily, world.weekly, world.none, world.manager]) {
      expect(await notificationsOf(user.id)).toHaveLength(1);
      expect(await prisma.digestRun.count({ where: { userId: user.id } })).toBe(1);
    }
    expect(await messagesOf(world.daily.id)).toHaveLength(1);
  });
});

describe('runDigests: content and preferences', () => {
  it('writes the notification and, without SMTP, keeps the e-mail in the outbox', async () => {
    const world = await arrange();
    await runDigests(TUESDAY, { organisationPath: world.region, mail: OUTBOX, baseUrl: BASE_URL });

    const [notification] = await notificationsOf(world.daily.id);
    expect(notification).toMatchObject({ kind: 'digest', link: '/', readAt: null });
    // An overdue action; the LRO holds a live threat without LRO training; the threat's own flags.
    const lines = notification!.body.split('\n');
    expect(lines).toContain(`Overdue (due 20 November 2026): Visit the addresses linked to the line \u2013 ${world.dailyThreat.urn} ${world.dailyThreat.name}`);
    expect(lines[0]).toBe('Alert: LRO untrained \u2013 you');
    expect(lines).toContain(`Warning: No partner engagement \u2013 ${world.dailyThreat.urn} ${world.dailyThreat.name}`);
    // Every flag and action listed (fewer than ten of each), each counted once: the overdue action is not also listed as a flag.
    expect(lines.filter((line) => line.includes('Action overdue'))).toEqual([]);
    expect(notification!.title).toBe(`${lines.length} things need you today`);

    const [message] = await messagesOf(world.daily.id);
    expect(message).toMatchObject({ transport: 'outbox', sentAt: null, error: null, toAddress: `${world.daily.id}@test.invalid`, subject: `Quadrant: ${lines.length} things need you today` });
    expect(message!.textBody.startsWith('OFFICIAL-SENSITIVE\n')).toBe(true);
    expect(message!.textBody.trimEnd().endsWith('OFFICIAL-SENSITIVE')).toBe(true);
    expect(message!.textBody).toContain(`${BASE_URL}/threats/${world.dailyThreat.id}/plan/actions/`);
    expect(message!.htmlBody).toContain('Visit the addresses linked to the line');

    const run = await prisma.digestRun.findFirstOrThrow({ where: { userId: world.daily.id } });
    expect(run).toMatchObject({ digestDate: '2026-12-01', frequency: 'DAILY', itemCount: lines.length, notificationId: notification!.id, outboxMessageId: message!.id });

    // The manager reviews the plans of threats they do not hold: four never-reviewed plans.
    const [managers] = await notificationsOf(world.manager.id);
    expect(managers!.body).toContain('Never reviewed:');
    expect(managers!.title).toBe('4 things need you today');
  });

  it('sends nothing to a person with nothing to do, but records the day', async () => {
    const world = await arrange();
    const counts = await runDigests(TUESDAY, { organisationPath: world.region, mail: OUTBOX, baseUrl: BASE_URL });
    expect(counts.skipped).toBe(1);
    expect(await notificationsOf(world.idle.id)).toHaveLength(0);
    expect(await messagesOf(world.idle.id)).toHaveLength(0);
    expect(await prisma.digestRun.findFirstOrThrow({ where: { userId: world.idle.id } })).toMatchObject({ itemCount: 0, notificationId: null, outboxMessageId: null });
  });

  it('e-mails a weekly person on Mondays only, and a person who opted out never; both still get the notification', async () => {
    const world = await arrange();
    await runDigests(TUESDAY, { organisationPath: world.region, mail: OUTBOX, baseUrl: BASE_URL });
    expect(await notificationsOf(world.weekly.id)).toHaveLength(1);
    expect(await messagesOf(world.weekly.id)).toHaveLength(0);
    expect(await notificationsOf(world.none.id)).toHaveLength(1);
    expect(await messagesOf(world.none.id)).toHaveLength(0);
    expect(await prisma.digestRun.findFirstOrThrow({ where: { userId: world.none.id } })).toMatchObject({ frequency: 'NONE', outboxMessageId: null });

    // The following Monday.
    const nextMonday = new Date(MONDAY.getTime() + 7 * 86_400_000);
    await runDigests(nextMonday, { organisationPath: world.region, mail: OUTBOX, baseUrl: BASE_URL });
    const weeklyMail = await messagesOf(world.weekly.id);
    expect(weeklyMail).toHaveLength(1);
    expect(weeklyMail[0]!.subject).toMatch(/this week$/);
    expect(await messagesOf(world.none.id)).toHaveLength(0);
    expect(await notificationsOf(world.none.id)).toHaveLength(2);
    expect(await messagesOf(world.daily.id)).toHaveLength(2);
  });

  it('touches nobody outside the organisation it was asked to run for', async () => {
    const world = await arrange();
    const other = await arrange();
    await runDigests(TUESDAY, { organisationPath: world.region, mail: OUTBOX, baseUrl: BASE_URL });
    expect(await notificationsOf(other.daily.id)).toHaveLength(0);
    expect(await prisma.digestRun.count({ where: { userId: other.daily.id } })).toBe(0);
  });
});

// --- SMTP ----------------------------------------------------------------------------------------

type Received = { from: string; to: string[]; data: string; auth: string | null };

/** Just enough SMTP for nodemailer: greeting, EHLO with AUTH PLAIN, MAIL, RCPT, DATA, QUIT. */
async function startFakeSmtp(): Promise<{ port: number; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current: Received = { from: '', to: [], data: '', auth: null };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 fake.test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { from: '', to: [], data: '', auth: current.auth };
          reply('250 2.0.0 queued');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-fake.test\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n');
        else if (verb === 'HELO') reply('250 fake.test');
        else if (verb === 'AUTH') {
          current.auth = Buffer.from(line.split(' ')[2] ?? '', 'base64').toString('utf8');
          reply('235 2.7.0 Authentication successful');
        } else if (verb === 'MAIL') {
          current.from = line;
          reply('250 2.1.0 OK');
        } else if (verb === 'RCPT') {
          current.to.push(line);
          reply('250 2.1.5 OK');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          reply('221 2.0.0 Bye');
          socket.end();
        } else reply('250 OK');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const smtpAt = (port: number): MailConfig => ({
  transport: 'smtp',
  smtp: { host: '127.0.0.1', port, secure: false, auth: { user: 'quadrant', pass: 'relay-secret' }, from: 'Quadrant <quadrant@force.example.test>' },
});

describe('runDigests: SMTP', () => {
  let closeServer: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await closeServer?.();
    closeServer = null;
  });

  it('hands each e-mail to the relay once and records it as sent', async () => {
    const smtp = await startFakeSmtp();
    closeServer = smtp.close;
    const world = await arrange();
    const counts = await runDigests(TUESDAY, { organisationPath: world.region, mail: smtpAt(smtp.port), baseUrl: BASE_URL });
    expect(counts).toMatchObject({ sent: 4, emailed: 2, failed: 0 });
    // The daily LRO and the daily manager: the weekly and no-mail people are not e-mailed on a Tuesday.
    expect(smtp.received).toHaveLength(2);
    const toDaily = smtp.received.find((m) => m.to.some((to) => to.includes(world.daily.id)))!;
    expect(toDaily.from).toContain('quadrant@force.example.test');
    expect(toDaily.data).toMatch(/^Subject: Quadrant: \d+ things need you today$/m);
    expect(toDaily.data).toContain('OFFICIAL-SENSITIVE');
    expect(toDaily.auth).toBe('\u0000quadrant\u0000relay-secret');

    const [message] = await messagesOf(world.daily.id);
    expect(message).toMatchObject({ transport: 'smtp', error: null });
    expect(message!.sentAt).toBeInstanceOf(Date);

    // Again the same day: nothing more reaches the relay.
    await runDigests(TUESDAY, { organisationPath: world.region, mail: smtpAt(smtp.port), baseUrl: BASE_URL });
    expect(smtp.received).toHaveLength(2);
  });

  it('records a relay that cannot be reached on the message, keeps the notification, and does not retry that day', async () => {
    // A port nothing listens on: take one, then close it.
    const probe = await startFakeSmtp();
    await probe.close();
    const world = await arrange();
    const counts = await runDigests(TUESDAY, { organisationPath: world.region, mail: smtpAt(probe.port), baseUrl: BASE_URL });
    expect(counts).toMatchObject({ sent: 4, emailed: 0, failed: 2 });
    const [message] = await messagesOf(world.daily.id);
    expect(message).toMatchObject({ transport: 'smtp', sentAt: null });
    expect(message!.error).toMatch(/ECONNREFUSED|connect/i);
    expect(await notificationsOf(world.daily.id)).toHaveLength(1);

    const again = await runDigests(TUESDAY, { organisationPath: world.region, mail: smtpAt(probe.port), baseUrl: BASE_URL });
    expect(again).toMatchObject({ sent: 0, failed: 0, alreadySent: 5 });
  });
});
