import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EditOrderForm } from '@/components/orders/order-forms';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { getOrderDetail, listManagingOfficerOptions, listOrderOrganisationOptions } from '@/lib/db/orders';
import { ORDER_KIND_LABELS } from '@/lib/domain/vocabulary';
import { pastDateHint } from '../../date-hint';
import { editOrderAction } from './actions';

export const metadata: Metadata = { title: 'Change order' };

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Changing an order's details (order:manage), version-checked. */
export default async function EditOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const user = await requireUser();
  const now = new Date();
  const found = await getOrderDetail(user, orderId, now);
  requirePermission(user, 'order:manage', found?.resource ?? null);
  if (!found) notFound();
  const { order } = found;
  const [organisations, officers] = await Promise.all([listOrderOrganisationOptions(user), listManagingOfficerOptions(user, order.managingOfficer?.id ?? null)]);

  return (
    <>
      <Link className="govuk-back-link" href={`/orders/${order.id}`}>
        Back
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">
            {ORDER_KIND_LABELS[order.kind]}: {order.subjectName}
          </span>
          <h1 className="govuk-heading-l">Change order</h1>
          <EditOrderForm
            save={editOrderAction}
            organisations={organisations}
            officers={officers}
            pastDateHint={pastDateHint(now)}
            order={{
              orderId: order.id,
              version: order.version,
              kind: order.kind,
              subjectName: order.subjectName,
              threatUrn: order.threatUrn ?? '',
              organisationId: order.organisation.id,
              madeOn: isoDay(order.madeOn),
              startsOn: isoDay(order.startsOn),
              expiresOn: order.expiresOn ? isoDay(order.expiresOn) : null,
              conditions: order.conditions ?? '',
              managingTeam: order.managingTeam ?? '',
              managingOfficerId: order.managingOfficer?.id ?? '',
            }}
          />
        </div>
      </div>
    </>
  );
}
