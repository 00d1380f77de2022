import type { NextRequest } from 'next/server';
import { getCurrentUser } from '@/lib/auth/session';
import { hasVerb } from '@/lib/auth/policy';
import { isDashboardTableKey } from '@/lib/domain/dashboard-tables';
import { exportDashboardTable } from '@/lib/services/exports';
import { dashboardPeriod } from '@/lib/validation/dashboard';
import { exportFormatSchema, searchParamsObject } from '@/lib/validation/exports';
import { fileResponse, notFoundResponse, signInResponse } from '../../responses';

export const dynamic = 'force-dynamic';

/**
 * One of the dashboard's tables (reviews, flags, balance, disruptions, unmet-demand, caseload,
 * trend) for the user's scope, as CSV (default) or XLSX, for the 12 months ending `yearEnding`
 * (yyyy-mm; the current month by default, as the dashboard). Co-ordinators only (export:create).
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ table: string }> }) {
  const user = await getCurrentUser();
  if (!user) return signInResponse();
  const { table } = await params;
  if (!hasVerb(user, 'export:create') || !hasVerb(user, 'compliance:read') || !isDashboardTableKey(table)) return notFoundResponse();

  const now = new Date();
  const query = searchParamsObject(request.nextUrl.searchParams);
  const { period } = dashboardPeriod(query, now);
  return fileResponse(await exportDashboardTable(user, table, exportFormatSchema.parse(query.format), period, now));
}
