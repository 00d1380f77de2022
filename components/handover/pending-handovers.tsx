import Link from 'next/link';
import { handoverHeading } from './handover-panel';

export type PendingHandoversProps = {
  handovers: { assignmentId: string; threatId: string; threatUrn: string; threatName: string; handedOverAt: Date; outgoing: { name: string; rank: string | null } | null }[];
};

/**
 * My work: the threats handed over to the signed-in LRO that they have not yet read the handover
 * of, each linking to the threat, where the handover is shown. Nothing when there are none.
 */
export function PendingHandovers({ handovers }: PendingHandoversProps) {
  if (handovers.length === 0) return null;
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="pending-handovers-title" data-module="govuk-notification-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="pending-handovers-title">
          Handed over to you
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {handovers.length === 1 ? 'A threat has been handed over to you.' : `${handovers.length} threats have been handed over to you.`} Read each handover on the threat.
        </p>
        <ul className="govuk-list govuk-list--spaced">
          {handovers.map((h) => (
            <li key={h.assignmentId}>
              <Link className="govuk-notification-banner__link" href={`/threats/${h.threatId}`}>
                {h.threatUrn} {h.threatName}
              </Link>
              <br />
              <span className="govuk-body-s">{handoverHeading(h.outgoing, h.handedOverAt)}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
