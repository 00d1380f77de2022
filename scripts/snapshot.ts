// `npm run snapshot`: today's compliance snapshots, now, on demand (issue 6 part 4): the figures
// of every organisation that owns threats, for the dashboard's trend. The same job the daily
// schedule runs after the digests; taking the same day again replaces that day's rows.
//
// Run under the react-server condition (lib/db imports 'server-only'), as the seed is:
//   node --conditions=react-server --import tsx scripts/snapshot.ts
import { takeDailySnapshots } from '../lib/services/snapshots';

try {
  const result = await takeDailySnapshots(new Date());
  console.log(`snapshot: ${result.organisations} organisations for ${result.day}`);
  // Exit explicitly: database pools keep the event loop alive after the work is done.
  process.exit(0);
} catch (error) {
  console.error(`snapshot failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
