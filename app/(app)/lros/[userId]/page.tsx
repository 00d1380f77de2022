import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AssignmentHistoryTable } from '@/components/lros/assignment-history-table';
import { CaseloadText } from '@/components/lros/caseload-text';
import { OfficerFlags } from '@/components/lros/officer-flags';
import { OfficerThreatsTable } from '@/components/lros/officer-threats-table';
import { TrainingRecordsTable } from '@/components/lros/training-records-table';
import { TrainingStatusText } from '@/components/lros/training-status-text';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { SummaryList } from '@/components/ui/summary-list';
import { Tag } from '@/components/ui/tag';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { can } from '@/lib/auth/policy';
import { getLroProfile, HISTORY_LIMIT } from '@/lib/db/lro-register';

export const metadata: Metadata = { title: 'LRO' };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * One LRO or deputy: what they hold (with each threat's flags), their caseload against their
 * organisation's thresholds, their own flags, their training, and every threat they have held
 * and handed over. Out of the viewer's scope, or not an LRO or deputy: not found.
 */
export default async function LroPage({ params, searchParams }: { params: Promise<{ userId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { userId } = await params;
  const { saved } = await searchParams;
  const user = await requireUser();
  const now = new Date();
  const profile = await getLroProfile(user, userId, now);
  requirePermission(user, 'lro:read', profile?.resource ?? null);
  if (!profile) notFound();
  const { person } = profile;
  const canRecordTraining = can(user, 'training:record', profile.resource);
  const threatsAsLro = profile.threats.filter((t) => t.role === 'LRO');
  const threatsAsDeputy = profile.threats.filter((t) => t.role === 'DEPUTY');

  return (
    <>
      <Breadcrumbs items={[{ text: 'LROs', href: '/lros' }]} />
      {saved === 'training' ? <NotificationBanner type="success" heading="Training recorded" /> : null}
      <span className="govuk-caption-l">{[person.rank, person.organisationName].filter(Boolean).join(', ')}</span>
      <h1 className="govuk-heading-l">{person.name}</h1>

      <SummaryList
        rows={[
          { key: 'Organisation', value: person.organisationName },
          { key: 'Rank', value: person.rank ?? 'Not recorded' },
          ...(person.isActive ? [] : [{ key: 'Account', value: <Tag colour="grey">Deactivated</Tag> }]),
          {
            key: 'Live threats as LRO',
            value: (
              <>
                <CaseloadText count={profile.liveThreatsAsLro} level={profile.caseloadLevel} />
                <span className="govuk-hint govuk-!-margin-bottom-0 govuk-!-display-block">
                  In {person.organisationName}, {profile.thresholds.lroCaseloadWarning} or more is a warning and {profile.thresholds.lroCaseloadAlert} or more an alert.
                </span>
              </>
            ),
          },
          { key: 'Live threats as deputy', value: profile.liveThreatsAsDeputy },
          { key: 'LRO training', value: <TrainingStatusText training={profile.training} /> },
        ]}
      />

      <section aria-labelledby="flags-heading" className="govuk-!-margin-bottom-8">
        <h2 className="govuk-heading-m" id="flags-heading">
          Flags
        </h2>
        <OfficerFlags flags={profile.flags} />
      </section>

      <section aria-labelledby="threats-heading" className="govuk-!-margin-bottom-8">
        <h2 className="govuk-heading-m" id="threats-heading">
          Live threats they hold
        </h2>
        <OfficerThreatsTable threats={threatsAsLro} caption={`As LRO (${threatsAsLro.length})`} />
        <OfficerThreatsTable threats={threatsAsDeputy} caption={`As deputy (${threatsAsDeputy.length})`} />
        {profile.hiddenThreats > 0 ? (
          <p className="govuk-body">They also hold {plural(profile.hiddenThreats, 'live threat')} outside the area you can see.</p>
        ) : null}
      </section>

      <section aria-labelledby="training-heading" className="govuk-!-margin-bottom-8">
        <h2 className="govuk-heading-m" id="training-heading">
          Training
        </h2>
        <TrainingRecordsTable records={profile.trainingRecords} now={now} />
        {canRecordTraining ? (
          <Link className="govuk-button govuk-button--secondary" data-module="govuk-button" href={`/lros/${person.id}/training/new`}>
            Record training<span className="govuk-visually-hidden"> for {person.name}</span>
          </Link>
        ) : null}
      </section>

      <section aria-labelledby="history-heading" className="govuk-!-margin-bottom-8">
        <h2 className="govuk-heading-m" id="history-heading">
          Threats held and handed over
        </h2>
        <AssignmentHistoryTable history={profile.history} caption="Threats they have held as LRO or deputy, the latest first" />
        {profile.historyTotal > profile.history.length ? (
          <p className="govuk-body">
            Showing the latest {HISTORY_LIMIT} of {profile.historyTotal}.
          </p>
        ) : null}
      </section>
    </>
  );
}
