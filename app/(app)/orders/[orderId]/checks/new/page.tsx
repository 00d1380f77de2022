import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RecordCheckForm } from '@/components/orders/record-check-form';
import { SummaryList } from '@/components/ui/summary-list';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { getOrderDetail } from '@/lib/db/orders';
import { formatDate, londonDateKey } from '@/lib/domain/dates';
import { ORDER_KIND_LABELS } from '@/lib/domain/vocabulary';
import { recordComplianceCheckAction } from './actions';

export const metadata: Metadata = { title: 'Record a compliance check' };

/** Recording a compliance check of an order (order:record-check: managers, co-ordinators, the managing officer). */
export default async function RecordCheckPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const user = await requireUser();
  const now = new Date();
  const found = await getOrderDetail(user, orderId, now);
  requirePermission(user, 'order:record-check', found?.resource ?? null);
  if (!found) notFound();
  const { order } = found;

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
          <h1 className="govuk-heading-l">Record a compliance check</h1>
          <SummaryList
            rows={[
              { key: 'Started', value: formatDate(order.startsOn) },
              { key: 'Last compliance check', value: order.lastComplianceCheckOn ? formatDate(order.lastComplianceCheckOn) : 'Never checked' },
              { key: 'Breaches recorded', value: String(order.breachCount) },
            ]}
          />
          <RecordCheckForm orderId={order.id} today={londonDateKey(now)} save={recordComplianceCheckAction} />
        </div>
      </div>
    </>
  );
}
