import type { NextRequest } from 'next/server';
import { getCurrentUser } from '@/lib/auth/session';
import { hasVerb } from '@/lib/auth/policy';
import { exportDisruptionsFile, ExportNotFoundError } from '@/lib/services/exports';
import { disruptionExportQuerySchema, searchParamsObject } from '@/lib/validation/exports';
import { fileResponse, notFoundResponse, signInResponse } from '../responses';

export const dynamic = 'force-dynamic';

/**
 * Disruptions in an APMIS-ready layout (docs/exports.md), CSV (default) or XLSX: those on threats
 * the user may read, dated `from`..`to` (yyyy-mm-dd, inclusive, either optional), on threats of
 * `organisation` and below (optional; the user's organisation or one below it, else 404).
 * Co-ordinators only (export:create).
 */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return signInResponse();
  if (!hasVerb(user, 'export:create')) return notFoundResponse();

  const query = disruptionExportQuerySchema.parse(searchParamsObject(request.nextUrl.searchParams));
  try {
    return fileResponse(await exportDisruptionsFile(user, { from: query.from, to: query.to, organisationId: query.organisation }, query.format, new Date()));
  } catch (error) {
    if (error instanceof ExportNotFoundError) return notFoundResponse();
    throw error;
  }
}
