import type { NextRequest } from 'next/server';
import { getCurrentUser } from '@/lib/auth/session';
import { hasVerb } from '@/lib/auth/policy';
import { exportThreatsFile } from '@/lib/services/exports';
import { exportFormatSchema, searchParamsObject } from '@/lib/validation/exports';
import { threatRegisterQuerySchema } from '@/lib/validation/threat-register';
import { fileResponse, notFoundResponse, signInResponse } from '../responses';

// Every download reads the register afresh and is audited: never cached, never prerendered.
export const dynamic = 'force-dynamic';

/**
 * The threats register as CSV (default) or XLSX (`format=xlsx`), with the same query string as
 * /threats (filters and sort; the page is ignored: every matching threat within the user's
 * scope). Co-ordinators only (export:create); anyone else gets a 404, as for a page they may not see.
 */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return signInResponse();
  if (!hasVerb(user, 'export:create')) return notFoundResponse();

  const params = searchParamsObject(request.nextUrl.searchParams);
  const query = threatRegisterQuerySchema.parse(params);
  const format = exportFormatSchema.parse(params.format);
  return fileResponse(await exportThreatsFile(user, query, format, new Date()));
}
