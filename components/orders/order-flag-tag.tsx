import { FlagTag } from '@/components/flags/flag-tag';
import type { FlagSeverity } from '@/lib/domain/compliance/flags';

/** An order's ORDER_NOT_MONITORED flag as a tag in a table cell, or "None". */
export function OrderFlagTag({ severity }: { severity: FlagSeverity | null }) {
  if (!severity) return <span className="govuk-hint govuk-!-margin-bottom-0">None</span>;
  return <FlagTag code="ORDER_NOT_MONITORED" severity={severity} isSmall />;
}
