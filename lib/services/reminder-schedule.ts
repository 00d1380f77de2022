import 'server-only';
import { z } from 'zod';
import { runDigests } from './reminders';
import { takeDailySnapshots } from './snapshots';
import { databaseUrl, isPostgresUrl } from '@/lib/db/database-url.mjs';
import { pgConfig } from '@/lib/db/pg-config.mjs';
import { londonDateKey } from '@/lib/domain/dates';
import { DIGEST_HOUR, isDigestDue } from '@/lib/domain/digest';

// When the daily digest runs (issue 5, "Reminders"): at 07:00 London time, on one app instance.
//
// - PostgreSQL: pg-boss, in its own schema (`pgboss`), holds a cron schedule for the queue
//   `daily-digest`. pg-boss sends the scheduled job once (its schedule is kept in the database, and
//   every instance's clock monitor competes for the same minute), and the queue's `singleton`
//   policy lets only one instance work it at a time. Whichever instance fetches the job runs it.
// - SQLite (one instance, the demo): a timer checks every few minutes whether today's digest has
//   run since 07:00 London time in this process, and runs it if not.
// Either way the job is idempotent (lib/services/reminders.ts): a catch-up run on start, a retry,
// or an instance that missed the news sends nothing twice.
//
// Started from instrumentation.ts (the Node.js runtime of `next start`/`next dev`), never during
// `next build` or tests; REMINDERS_SCHEDULE=off turns it off (the end-to-end server does).

export const DIGEST_QUEUE = 'daily-digest';
export const DIGEST_CRON = '0 7 * * *';
export const DIGEST_TIME_ZONE = 'Europe/London';
export const PG_BOSS_SCHEMA = 'pgboss';
const SQLITE_CHECK_MS = 5 * 60_000;

const scheduleEnvSchema = z.object({ REMINDERS_SCHEDULE: z.enum(['on', 'off']).default('on') });

type ScheduleState = { started: boolean; stop?: () => Promise<void> };
// One schedule per process, even when a module is evaluated twice (development reloads).
const state = ((globalThis as unknown as { quadrantReminderSchedule?: ScheduleState }).quadrantReminderSchedule ??= { started: false });

const log = (event: string, detail: Record<string, unknown> = {}) => console.info(JSON.stringify({ event, ...detail }));

async function runNow(trigger: string): Promise<void> {
  const now = new Date();
  log('digests-started', { trigger, digestDate: londonDateKey(now) });
  await runDigests(now);
  // The day's compliance snapshots for the dashboard's trend (issue 6 part 4), after the digests:
  // idempotent too (a second run replaces the day's rows), and a failure here leaves the digests sent.
  const snapshots = await takeDailySnapshots(now);
  log('snapshots-taken', snapshots);
}

/**
 * pg-boss on the PostgreSQL database `url`, in its own schema: the queue, its 07:00 London
 * schedule, and this instance as one of its workers (`run` does the work; tests give their own).
 */
export async function startPgBossSchedule(url: string, { run = () => runNow('pg-boss'), now = new Date() }: { run?: () => Promise<unknown>; now?: Date } = {}) {
  const { default: PgBoss } = await import('pg-boss');
  const config = pgConfig(url);
  const boss = new PgBoss({
    host: config.host,
    port: config.port,
    user: config.user,
    password: config.password,
    database: config.database,
    ssl: config.ssl,
    application_name: 'quadrant-jobs',
    schema: PG_BOSS_SCHEMA,
    max: 2,
  });
  // An error event with no listener would end the process.
  boss.on('error', (error) => console.error(JSON.stringify({ event: 'job-queue-error', error: String(error) })));
  await boss.start();
  await boss.createQueue(DIGEST_QUEUE, { name: DIGEST_QUEUE, policy: 'singleton', retryLimit: 2, retryDelay: 300, expireInSeconds: 3600 });
  await boss.schedule(DIGEST_QUEUE, DIGEST_CRON, {}, { tz: DIGEST_TIME_ZONE });
  await boss.work(DIGEST_QUEUE, async () => {
    await run();
  });
  // Started after 07:00 (a deployment, a restart): catch up now rather than wait a day. Once per
  // day and instance start at most; idempotent anyway.
  if (isDigestDue(now, null)) await boss.send(DIGEST_QUEUE, {}, { singletonKey: `catch-up-${londonDateKey(now)}` });
  log('reminder-schedule-started', { queue: DIGEST_QUEUE, cron: DIGEST_CRON, tz: DIGEST_TIME_ZONE, via: 'pg-boss' });
  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}

function startTimer(): () => Promise<void> {
  let lastRunDate: string | null = null;
  let running = false;
  const check = async () => {
    const now = new Date();
    if (running || !isDigestDue(now, lastRunDate)) return;
    running = true;
    try {
      await runNow('timer');
      lastRunDate = londonDateKey(now);
    } catch (error) {
      console.error(JSON.stringify({ event: 'digests-failed', error: String(error) }));
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check(), SQLITE_CHECK_MS);
  // Never the reason the process stays up.
  timer.unref();
  setTimeout(() => void check(), 30_000).unref();
  log('reminder-schedule-started', { everyMinutes: SQLITE_CHECK_MS / 60_000, from: `${DIGEST_HOUR}:00 ${DIGEST_TIME_ZONE}`, via: 'timer' });
  return async () => clearInterval(timer);
}

/** Starts the daily digest's schedule for this process, once. */
export async function startReminderSchedule(source: Record<string, string | undefined> = process.env): Promise<void> {
  const { REMINDERS_SCHEDULE } = scheduleEnvSchema.parse({ REMINDERS_SCHEDULE: source.REMINDERS_SCHEDULE || undefined });
  if (REMINDERS_SCHEDULE === 'off') {
    log('reminder-schedule-off');
    return;
  }
  if (state.started) return;
  state.started = true;
  const url = databaseUrl();
  try {
    state.stop = isPostgresUrl(url) ? (await startPgBossSchedule(url)).stop : startTimer();
  } catch (error) {
    state.started = false;
    throw error;
  }
}

/** Stops the schedule (tests, shutdown). */
export async function stopReminderSchedule(): Promise<void> {
  await state.stop?.();
  state.stop = undefined;
  state.started = false;
}
