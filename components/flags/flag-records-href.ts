import type { FlagCode, FlagSeverity } from '@/lib/domain/compliance/flags';

/** The address of the records behind a flag count: /compliance/flags with the same filters. */
export function flagRecordsHref(filter: { code?: FlagCode; severity?: FlagSeverity; organisation?: string; page?: number }): string {
  const params = new URLSearchParams();
  if (filter.code) params.set('code', filter.code);
  if (filter.organisation) params.set('organisation', filter.organisation);
  if (filter.severity) params.set('severity', filter.severity);
  if (filter.page && filter.page > 1) params.set('page', String(filter.page));
  const search = params.toString();
  return search ? `/compliance/flags?${search}` : '/compliance/flags';
}
