import { isDatabaseReachable } from '@/lib/db/health';

// Liveness for load balancers and the test runner. Says nothing about any record, so it needs no
// session; it is the one route without an authorisation check.
export const dynamic = 'force-dynamic';

export async function GET() {
  const database = await isDatabaseReachable();
  return Response.json({ status: database ? 'ok' : 'degraded', database: database ? 'ok' : 'unreachable' }, { status: database ? 200 : 503 });
}
