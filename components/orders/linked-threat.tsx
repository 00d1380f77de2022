import Link from 'next/link';
import type { LinkedThreat } from '@/lib/domain/orders';

/**
 * The threat an order is linked to: its name as a link for those who may read the threat, its URN
 * alone for those who may not, and "Not linked" without one.
 */
export function LinkedThreatText({ threat, noneText = 'Not linked' }: { threat: LinkedThreat; noneText?: string }) {
  if (!threat) return <span className="govuk-hint govuk-!-margin-bottom-0">{noneText}</span>;
  if (!threat.canRead) {
    return (
      <>
        {threat.urn}
        <span className="govuk-visually-hidden"> (a threat you do not have access to)</span>
      </>
    );
  }
  return (
    <>
      <Link className="govuk-link" href={`/threats/${threat.id}`}>
        {threat.name}
      </Link>
      <br />
      <span className="govuk-body-s">{threat.urn}</span>
    </>
  );
}
