import { FlagTag } from '@/components/flags/flag-tag';
import { compareFlags, flagKey, type ComplianceFlag } from '@/lib/domain/compliance/flags';

/**
 * An officer's own flags (LRO_UNTRAINED, LRO_OVERLOADED) on their page, alerts first, each with
 * its sentence. Not links: this page is where they are put right (training below, threats above).
 */
export function OfficerFlags({ flags }: { flags: readonly ComplianceFlag[] }) {
  if (flags.length === 0) return <p className="govuk-body" data-testid="officer-flag-list">No flags.</p>;
  return (
    <ul className="govuk-list govuk-list--spaced" data-testid="officer-flag-list">
      {[...flags].sort(compareFlags).map((flag) => (
        <li key={flagKey(flag)}>
          <FlagTag code={flag.code} severity={flag.severity} /> {flag.message}
        </li>
      ))}
    </ul>
  );
}
