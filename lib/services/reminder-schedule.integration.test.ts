import { describe, expect, it } from 'vitest';
import { DIGEST_CRON, DIGEST_QUEUE, DIGEST_TIME_ZONE, startPgBossSchedule, startReminderSchedule, stopReminderSchedule } from './reminder-schedule';
import { databaseUrl, isPostgresUrl } from '@/lib/db/database-url.mjs';

// The digest's schedule (issue 5, "Reminders"). On PostgreSQL, pg-boss: the queue with its 07:00
// London schedule, worked by this instance. (SQLite runs an in-process timer, whose rule,
// isDigestDue, is unit-tested in lib/domain/digest.test.ts.)

const onPostgres = isPostgresUrl(databaseUrl());

describe('startReminderSchedule', () => {
  it('starts nothing when REMINDERS_SCHEDULE=off', async () => {
    await startReminderSchedule({ REMINDERS_SCHEDULE: 'off' });
    await stopReminderSchedule();
  });

  it('refuses a REMINDERS_SCHEDULE it does not know', async () => {
    await expect(startReminderSchedule({ REMINDERS_SCHEDULE: 'sometimes' })).rejects.toThrow();
  });
});

describe.skipIf(!onPostgres)('the pg-boss schedule (PostgreSQL)', () => {
  it('schedules the daily digest at 07:00 London time on a singleton queue, and runs a job sent to it', async () => {
    let ran = 0;
    let resolveRan: () => void = () => {};
    const jobRan = new Promise<void>((resolve) => (resolveRan = resolve));
    // Before 07:00: no catch-up job of its own.
    const { boss, stop } = await startPgBossSchedule(databaseUrl(), {
      now: new Date('2026-12-01T06:00:00Z'),
      run: async () => {
        ran += 1;
        resolveRan();
      },
    });
    try {
      const schedules = await boss.getSchedules();
      expect(schedules.find((s) => s.name === DIGEST_QUEUE)).toMatchObject({ cron: DIGEST_CRON });
      expect(JSON.stringify(schedules.find((s) => s.name === DIGEST_QUEUE))).toContain(DIGEST_TIME_ZONE);
      expect(await boss.getQueue(DIGEST_QUEUE)).toMatchObject({ name: DIGEST_QUEUE, policy: 'singleton' });

      await boss.send(DIGEST_QUEUE, {});
      await jobRan;
      expect(ran).toBe(1);
    } finally {
      await stop();
    }
  }, 60_000);
});
