import Link from 'next/link';
import { FlagTag } from './flag-tag';
import { compareFlags, flagHref, flagKey, type ComplianceFlag } from '@/lib/domain/compliance/flags';

/**
 * Flags as a list, alerts first: each a tag (with its severity in words) and its sentence, which
 * links to where the flag is put right.
 */
export function FlagList({ flags, emptyText = 'No flags' }: { flags: readonly ComplianceFlag[]; emptyText?: string }) {
  if (flags.length === 0) return <p className="govuk-body">{emptyText}</p>;
  const sorted = [...flags].sort(compareFlags);
  return (
    <ul className="govuk-list govuk-list--spaced" data-testid="flag-list">
      {sorted.map((flag) => (
        <li key={flagKey(flag)}>
          <FlagTag code={flag.code} severity={flag.severity} />{' '}
          <Link className="govuk-link" href={flagHref(flag)} prefetch={false}>
            {flag.message}
          </Link>
        </li>
      ))}
    </ul>
  );
}
