import Link from 'next/link';
import { Tag } from '@/components/ui/tag';
import { FLAG_LABELS, flagHref, flagKey, type ComplianceFlag } from '@/lib/domain/compliance/flags';

/** A record's compliance flags, alerts first (as given), each linking to where it is fixed. */
export function FlagList({ flags, headingId = 'flags-heading' }: { flags: ComplianceFlag[]; headingId?: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h2 className="govuk-heading-m" id={headingId}>
        Flags
      </h2>
      {flags.length === 0 ? (
        <p className="govuk-body">No compliance flags.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {flags.map((flag) => (
            <li key={flagKey(flag)}>
              <Tag colour={flag.severity === 'alert' ? 'red' : 'yellow'}>
                {flag.severity === 'alert' ? 'Alert' : 'Warning'}
              </Tag>{' '}
              <Link className="govuk-link" href={flagHref(flag)} prefetch={false}>
                {FLAG_LABELS[flag.code]}
              </Link>
              : {flag.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
