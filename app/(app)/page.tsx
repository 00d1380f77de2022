import type { Metadata } from 'next';
import Link from 'next/link';
import { FlagCountsChart } from '@/components/my-work/flag-counts-chart';
import { FlagCountsTable, OrganisationFlagCountsTable } from '@/components/my-work/flag-counts';
import { HeldThreatsTable } from '@/components/my-work/held-threats-table';
import { ReviewOutcomes } from '@/components/my-work/review-outcomes';
import { ReviewQueueSummary } from '@/components/my-work/review-queue-summary';
import { WorkActionsTable } from '@/components/my-work/work-actions-table';
import { ManagedOrders } from '@/components/my-work/managed-orders';
import { TrainingSummary } from '@/components/my-work/training-summary';
import { PendingHandovers } from '@/components/handover/pending-handovers';
import { requireUser } from '@/lib/auth/guards';
import { hasVerb } from '@/lib/auth/policy';
import {
  countScopeFlags,
  countScopeFlagsByOrganisation,
  DUE_SOON_DAYS,
  holdsLiveThreats,
  listActionsNeedingAttention,
  listHeldThreats,
  ownsOpenActions,
} from '@/lib/db/my-work';
import { countReviewQueue, listEscalations, listLatestReviewsOfHeldPlans, listReviewQueue } from '@/lib/db/reviews';
import { listManagedOrders } from '@/lib/db/orders';
import { countTrainingByOrganisation } from '@/lib/db/lro-register';
import { listPendingHandovers } from '@/lib/services/handovers';

export const metadata: Metadata = { title: 'My work' };

const QUEUE_PREVIEW = 5;
const ESCALATIONS_SHOWN = 5;

/**
 * The home page: what needs the signed-in person, by role (a person with several roles sees each
 * part). An LRO: the threats they hold with their flags, the actions overdue, due or not updated,
 * and what their managers' latest reviews said. An action owner: their actions due or stale. A
 * manager: the review queue, escalations and the team's flags. A co-ordinator: the flags of their
 * scope by kind and by organisation, each number leading to the records behind it.
 */
export default async function MyWorkPage() {
  const user = await requireUser();
  const now = new Date();

  const isLro = user.roles.includes('LRO') || (await holdsLiveThreats(user));
  const isActionOwner = !isLro && hasVerb(user, 'action:update') && (user.roles.includes('ACTION_OWNER') || (await ownsOpenActions(user)));
  const isManager = hasVerb(user, 'plan:review');
  const isCoordinator = user.roles.includes('COORDINATOR');
  const readsFlags = hasVerb(user, 'compliance:read');

  const [held, actions, reviews, queueCounts, queue, escalations, flagCounts, organisationCounts] = await Promise.all([
    isLro ? listHeldThreats(user, now) : null,
    isLro || isActionOwner ? listActionsNeedingAttention(user, now) : null,
    isLro ? listLatestReviewsOfHeldPlans(user) : null,
    isManager ? countReviewQueue(user, now) : null,
    isManager ? listReviewQueue(user, now, { page: 1, pageSize: QUEUE_PREVIEW }) : null,
    isManager ? listEscalations(user, { take: ESCALATIONS_SHOWN }) : null,
    readsFlags ? countScopeFlags(user, now) : null,
    isCoordinator ? countScopeFlagsByOrganisation(user, now) : null,
  ]);
  // Threats handed over to the user whose handover they have not read yet (issue 5, item 3).
  const handovers = isLro ? await listPendingHandovers(user) : [];
  // LRO training per organisation (issue 5, "Training"): for co-ordinators.
  const training = isCoordinator ? await countTrainingByOrganisation(user, now) : null;
  // Ancillary orders the user manages (issue 5, item 5): shown to those who manage any.
  const managedOrders = hasVerb(user, 'order:record-check') ? await listManagedOrders(user, now) : null;
  const hasSections = isLro || isActionOwner || isManager || readsFlags || Boolean(managedOrders?.total);

  return (
    <>
      <h1 className="govuk-heading-l">My work</h1>
      <p className="govuk-body-l">What needs you now, {user.name}.</p>

      <PendingHandovers handovers={handovers} />

      {held ? (
        <section aria-labelledby="held-heading" className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m" id="held-heading">
            Your threats
          </h2>
          {held.rows.length ? (
            <>
              <HeldThreatsTable threats={held.rows} />
              {held.total > held.rows.length ? (
                <p className="govuk-body">
                  Showing {held.rows.length} of {held.total}.{' '}
                  <Link className="govuk-link" href={`/threats?lro=${encodeURIComponent(user.id)}`}>
                    See the threats you lead in the register
                  </Link>
                </p>
              ) : null}
            </>
          ) : (
            <p className="govuk-body">You do not hold any live threats as LRO or deputy.</p>
          )}
        </section>
      ) : null}

      {actions ? (
        <section aria-labelledby="actions-heading" className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m" id="actions-heading">
            {isLro ? 'Actions that need you' : 'Your actions'}
          </h2>
          <p className="govuk-body">
            {isLro
              ? `Open actions on your threats' plans, and any you own, that are overdue, not updated for too long, or due within ${DUE_SOON_DAYS} days.`
              : `Your open actions that are overdue, not updated for too long, or due within ${DUE_SOON_DAYS} days.`}
          </p>
          {actions.rows.length ? (
            <WorkActionsTable
              actions={actions.rows}
              now={now}
              showOwner={isLro}
              caption={actions.total > actions.rows.length ? `The first ${actions.rows.length} of ${actions.total} actions, soonest due first` : 'Actions, soonest due first'}
            />
          ) : (
            <p className="govuk-body">Nothing is overdue, stale or due soon.</p>
          )}
          <p className="govuk-body">
            <Link className="govuk-link" href="/my-actions">
              All the actions you own
            </Link>
          </p>
        </section>
      ) : null}

      {reviews ? (
        <section aria-labelledby="reviews-heading" className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m" id="reviews-heading">
            Latest reviews of your plans
          </h2>
          {reviews.length ? <ReviewOutcomes reviews={reviews} /> : <p className="govuk-body">None of your plans has been reviewed yet.</p>}
        </section>
      ) : null}

      {managedOrders && managedOrders.total > 0 ? (
        <section aria-labelledby="managed-orders-heading" className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m" id="managed-orders-heading">
            Orders you manage
          </h2>
          <p className="govuk-body">The ancillary orders you manage that have not expired. Each needs a compliance check by the date shown; an order is flagged when its check is overdue or it expires soon.</p>
          <ManagedOrders orders={managedOrders.rows} total={managedOrders.total} userId={user.id} />
        </section>
      ) : null}

      {queueCounts && queue ? (
        <section aria-labelledby="queue-heading" className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m" id="queue-heading">
            Plans to review
          </h2>
          <ReviewQueueSummary counts={queueCounts} rows={queue.rows} />
        </section>
      ) : null}

      {escalations ? (
        <section aria-labelledby="escalations-heading" className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m" id="escalations-heading">
            Escalations
          </h2>
          {escalations.length ? (
            <ReviewOutcomes reviews={escalations} />
          ) : (
            <p className="govuk-body">No plan in your area is escalated at its latest review.</p>
          )}
        </section>
      ) : null}

      {flagCounts ? (
        <section aria-labelledby="flags-heading" className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m" id="flags-heading">
            {isCoordinator ? `Flags in ${user.organisationName}` : "Your team's flags"}
          </h2>
          <p className="govuk-body">
            The compliance flags of {user.organisationName} and the organisations below it, today. Each number leads to the records behind it.
          </p>
          {isCoordinator ? (
            <p className="govuk-body">
              <Link className="govuk-link" href="/dashboard">
                Open the compliance dashboard
              </Link>{' '}
              for each organisation&apos;s plan reviews, 4P balance, Pursue share of disruptions, unmet demand and LRO caseload, with their trend.
            </p>
          ) : null}
          {isCoordinator ? <FlagCountsChart counts={flagCounts} title="Flags by kind, the most first" /> : null}
          <FlagCountsTable counts={flagCounts} caption="Flags by kind" />
          {organisationCounts ? <OrganisationFlagCountsTable counts={organisationCounts} caption="Flags by organisation" /> : null}
        </section>
      ) : null}

      {training ? (
        <section aria-labelledby="training-heading" className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m" id="training-heading">
            LRO training
          </h2>
          <p className="govuk-body">
            Of the officers leading live threats in each organisation, how many hold a completed, current LRO course. Each number leads to those officers in the{' '}
            <Link className="govuk-link" href="/lros">
              LRO register
            </Link>
            .
          </p>
          <TrainingSummary rows={training} caption="LRO training by organisation" />
        </section>
      ) : null}

      {hasSections ? null : (
        <>
          <p className="govuk-body">Nothing is assigned to you here.</p>
          <ul className="govuk-list">
            {hasVerb(user, 'threat:read') ? (
              <li>
                <Link className="govuk-link" href="/threats">
                  Threats register
                </Link>
              </li>
            ) : null}
            {hasVerb(user, 'settings:update') ? (
              <li>
                <Link className="govuk-link" href="/settings">
                  Settings
                </Link>
              </li>
            ) : null}
          </ul>
        </>
      )}
    </>
  );
}
