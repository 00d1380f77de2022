import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ownerText } from '@/components/actions/owner-text';
import { BriefingContact } from '@/components/briefing/briefing-contact';
import { MultilineText } from '@/components/plans/multiline-text';
import { SummaryList } from '@/components/ui/summary-list';
import { WarningText } from '@/components/ui/warning-text';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { THREAT_AREA_LABELS, THREAT_TYPE_LABELS } from '@/lib/domain/vocabulary';
import { getThreatBriefing, recordBriefingView } from '@/lib/services/briefing';

export const metadata: Metadata = { title: 'Frontline briefing' };

/**
 * The frontline briefing of a threat (issue 5, item 7): read-only, one column, large type, for an
 * officer on a phone. Who the LRO and deputy are, the headline actions and what to look out for,
 * and none of the intelligence (lib/db/briefing.ts picks the fields). Anyone who may read the
 * threat may read it; it is not a public link. Every view is audited.
 */
export default async function BriefingPage({ params }: { params: Promise<{ threatId: string }> }) {
  const { threatId } = await params;
  const user = await requireUser();
  const found = await getThreatBriefing(user, threatId);
  requirePermission(user, 'threat:read', found?.resource ?? null);
  if (!found) notFound();
  const { briefing } = found;
  await recordBriefingView(user, briefing);

  const actions = briefing.headlineActions;
  return (
    <div className="app-briefing">
      <Link className="govuk-back-link" href={`/threats/${briefing.id}`}>
        Back to the threat
      </Link>
      <span className="govuk-caption-l">Frontline briefing · {briefing.urn}</span>
      <h1 className="govuk-heading-l">{briefing.name}</h1>
      <p className="govuk-body">OFFICIAL-SENSITIVE. For police officers and staff who can sign in to Quadrant: do not pass it on outside policing.</p>
      {briefing.status === 'ARCHIVED' ? <WarningText>This threat has been archived. It is no longer being actively managed.</WarningText> : null}

      <SummaryList
        className="app-briefing__item"
        rows={[
          { key: 'URN', value: briefing.urn },
          { key: 'Type', value: THREAT_TYPE_LABELS[briefing.type] },
          { key: 'Threat areas', value: briefing.areas.map((area) => THREAT_AREA_LABELS[area]).join(', ') || 'None recorded' },
          { key: 'Tier', value: `Tier ${briefing.tier} (1 is the highest)` },
          { key: 'Owning organisation', value: briefing.organisationName },
        ]}
      />

      <h2 className="govuk-heading-l">Who to contact</h2>
      <BriefingContact role="Lead responsible officer (LRO)" officer={briefing.leadResponsibleOfficer} emptyText="No LRO is appointed. Contact the owning organisation." />
      <BriefingContact role="Deputy" officer={briefing.deputy} emptyText="No deputy is appointed." />

      <h2 className="govuk-heading-l">What to look out for</h2>
      {briefing.lookOutFor ? (
        <div className="app-briefing__item">
          <MultilineText text={briefing.lookOutFor} className="govuk-body-l" />
        </div>
      ) : (
        <p className="govuk-body-l">Nothing has been recorded yet. Ask the LRO.</p>
      )}

      <h2 className="govuk-heading-l">Headline actions</h2>
      {actions.length ? (
        <>
          <p className="govuk-body">
            {briefing.openActionCount > actions.length
              ? `The ${actions.length} open actions due soonest, of ${briefing.openActionCount}.`
              : 'The open actions of the 4P plan, soonest due first.'}
          </p>
          <ul className="govuk-list govuk-list--spaced" aria-label="Headline actions">
            {actions.map((action) => (
              <li key={action.id} className="app-briefing__item">
                <p className="govuk-body-l govuk-!-margin-bottom-1">{action.description}</p>
                <p className="govuk-body govuk-!-margin-bottom-0">
                  <span className="govuk-!-font-weight-bold">Owner:</span> {ownerText(action)}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="govuk-body-l">The threat has no open actions on an active 4P plan.</p>
      )}

      <p className="govuk-body">This briefing leaves out the intelligence held on this threat. For more, contact the LRO.</p>
    </div>
  );
}
