import { Tag } from '@/components/ui/tag';
import { FLAG_LABELS, type FlagCode, type FlagSeverity } from '@/lib/domain/compliance/flags';

export const SEVERITY_LABELS: Record<FlagSeverity, string> = { alert: 'Alert', warning: 'Warning' };

/**
 * A flag's short name as a GOV.UK tag: red for an alert, yellow for a warning (both dark text on
 * a light fill, over 7:1). The severity is said in words too, for those who cannot see colour.
 * `count` says how many of the same flag there are (two stale actions, say).
 */
export function FlagTag({ code, severity, count = 1, isSmall = false }: { code: FlagCode; severity: FlagSeverity; count?: number; isSmall?: boolean }) {
  return (
    <Tag colour={severity === 'alert' ? 'red' : 'yellow'} className={isSmall ? 'govuk-!-font-size-16' : undefined}>
      <span className="govuk-visually-hidden">{SEVERITY_LABELS[severity]}: </span>
      {FLAG_LABELS[code]}
      {count > 1 ? ` (${count})` : null}
    </Tag>
  );
}
