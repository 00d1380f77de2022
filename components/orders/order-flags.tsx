import { FlagTag } from '@/components/flags/flag-tag';
import { compareFlags, flagKey, type ComplianceFlag } from '@/lib/domain/compliance/flags';

/**
 * An order's flags on its own page: each a tag (with its severity in words) and its sentence. Not
 * links, unlike a flag elsewhere: this page is where the flag is put right.
 */
export function OrderFlags({ flags }: { flags: readonly ComplianceFlag[] }) {
  return (
    <section aria-labelledby="order-flags-heading" data-testid="order-flags">
      <h2 className="govuk-heading-m" id="order-flags-heading">
        Flags
      </h2>
      {flags.length ? (
        <ul className="govuk-list govuk-list--spaced">
          {[...flags].sort(compareFlags).map((flag) => (
            <li key={flagKey(flag)}>
              <FlagTag code={flag.code} severity={flag.severity} /> {flag.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No compliance flags.</p>
      )}
    </section>
  );
}
