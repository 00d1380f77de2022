// `npm run reminders`: the daily digest, now, on demand (issue 5, "Reminders"). The same job the
// schedule runs at 07:00 London time (lib/services/reminder-schedule.ts), so running it again the
// same day sends nothing twice. Mail goes through SMTP when SMTP_HOST and the other SMTP_*
// variables are set, otherwise to the outbox an admin reads at /admin/outbox.
//
// Run under the react-server condition (lib/db imports 'server-only'), as the seed is:
//   node --conditions=react-server --import tsx scripts/reminders.ts
import { runDigests } from '../lib/services/reminders';

try {
  const counts = await runDigests(new Date());
  console.log(
    `reminders: ${counts.users} people, ${counts.sent} digests written (${counts.emailed} e-mailed), ${counts.skipped} with nothing to send, ` +
      `${counts.alreadySent} already sent today, ${counts.failed} failed`,
  );
  // Exit explicitly: database pools keep the event loop alive after the work is done.
  process.exit(counts.failed > 0 ? 1 : 0);
} catch (error) {
  console.error(`reminders failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
