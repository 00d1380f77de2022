// Runs once when a Next.js server starts (https://nextjs.org/docs/app/guides/instrumentation).
// It starts the daily digest's schedule (lib/services/reminder-schedule.ts) in the Node.js
// runtime only: not in the edge runtime, not while `next build` collects pages, not under tests.
// REMINDERS_SCHEDULE=off turns it off (the end-to-end server does).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.NODE_ENV === 'test' || process.env.VITEST) return;
  if (process.env.REMINDERS_SCHEDULE === 'off') return;
  const { startReminderSchedule } = await import('./lib/services/reminder-schedule');
  // Not awaited: a database that is down at start-up must not stop the app serving pages.
  startReminderSchedule().catch((error: unknown) => console.error(JSON.stringify({ event: 'reminder-schedule-failed', error: String(error) })));
}
