import type { Metadata } from 'next';
import { HistoryTimeline } from '@/components/history/history-timeline';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { InsetText } from '@/components/ui/inset-text';
import { Pagination } from '@/components/ui/pagination';
import { recordAudit } from '@/lib/audit';
import { listThreatHistory } from '@/lib/db/history';
import { loadPlanContext } from '../plan-context';

export const metadata: Metadata = { title: 'Plan history' };

export default async function PlanHistoryPage({ params, searchParams }: { params: Promise<{ threatId: string }>; searchParams: Promise<{ page?: string }> }) {
  const { threatId } = await params;
  const { page: pageParam } = await searchParams;
  const { user, threat } = await loadPlanContext(threatId);
  const history = await listThreatHistory(threat.id, Number(pageParam ?? 1));
  // Reading the trail is itself recorded; '.view' events are left out of the trail shown.
  await recordAudit({ actorId: user.id, action: 'history.view', entityType: 'SocThreat', entityId: threat.id, organisationId: threat.organisationId, threatId: threat.id });
  const first = (history.page - 1) * history.pageSize + 1;
  const last = first + history.events.length - 1;

  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/threats', text: 'Threats' },
          { href: `/threats/${threat.id}`, text: threat.name },
          { href: `/threats/${threat.id}/plan`, text: '4P plan' },
        ]}
      />
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">Plan history</h1>
      <p className="govuk-body">Everything done to this threat&apos;s 4P plans, their objectives, actions and partner engagement, and its LRO, newest first. Times are UK time.</p>
      {history.total === 0 ? (
        <InsetText>Nothing has been recorded on this threat in Quadrant yet.</InsetText>
      ) : (
        <>
          <p className="govuk-body-s" aria-live="polite">
            Showing {first} to {last} of {history.total} events
          </p>
          <HistoryTimeline events={history.events} />
          <Pagination page={history.page} pageCount={history.pageCount} basePath={`/threats/${threat.id}/plan/history`} landmarkLabel="Plan history pages" />
        </>
      )}
    </>
  );
}
