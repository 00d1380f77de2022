import type { NextRequest } from 'next/server';
import { getCurrentUser } from '@/lib/auth/session';
import { hasVerb } from '@/lib/auth/policy';
import { exportEvidencePack } from '@/lib/services/exports';
import { dashboardPeriod } from '@/lib/validation/dashboard';
import { searchParamsObject } from '@/lib/validation/exports';
import { fileResponse, notFoundResponse, signInResponse } from '../responses';

export const dynamic = 'force-dynamic';

/**
 * The inspection evidence pack (one XLSX workbook) for the user's scope and the 12 months ending
 * `yearEnding` (yyyy-mm; the current month by default, as the dashboard). Co-ordinators only
 * (export:create).
 */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return signInResponse();
  if (!hasVerb(user, 'export:create') || !hasVerb(user, 'compliance:read')) return notFoundResponse();

  const now = new Date();
  const { period } = dashboardPeriod(searchParamsObject(request.nextUrl.searchParams), now);
  return fileResponse(await exportEvidencePack(user, period, now));
}
