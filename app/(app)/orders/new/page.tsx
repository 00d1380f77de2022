import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateOrderForm } from '@/components/orders/order-forms';
import { requireVerb } from '@/lib/auth/guards';
import { getReadableThreatUrn, listManagingOfficerOptions, listOrderOrganisationOptions } from '@/lib/db/orders';
import { pastDateHint } from '../date-hint';
import { createOrderAction } from './actions';

export const metadata: Metadata = { title: 'Add an order' };

type SearchParams = Promise<{ threat?: string | string[] }>;

/** Adding an ancillary order (order:manage). Opened from a threat page, the threat is preset. */
export default async function NewOrderPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireVerb('order:manage');
  const { threat } = await searchParams;
  const threatId = Array.isArray(threat) ? threat[0] : threat;
  const [organisations, officers, threatUrn] = await Promise.all([
    listOrderOrganisationOptions(user),
    listManagingOfficerOptions(user),
    threatId ? getReadableThreatUrn(user, threatId) : null,
  ]);
  const backHref = threatUrn && threatId ? `/threats/${threatId}` : '/orders';

  return (
    <>
      <Link className="govuk-back-link" href={backHref}>
        Back
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Add an order</h1>
          <CreateOrderForm
            organisationId={user.organisationId}
            threatUrn={threatUrn ?? undefined}
            cancelHref={backHref}
            save={createOrderAction}
            organisations={organisations}
            officers={officers}
            pastDateHint={pastDateHint(new Date())}
          />
        </div>
      </div>
    </>
  );
}
