import Link from 'next/link';
import { FlagTags } from '@/components/flags/flag-tags';
import { InsetText } from '@/components/ui/inset-text';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import type { FlagCode, FlagSeverity } from '@/lib/domain/compliance/flags';
import { formatDate } from '@/lib/domain/dates';
import { ORDER_STATUS_LABELS, type OrderStatus } from '@/lib/domain/orders';
import { ORDER_KIND_LABELS, type OrderKind } from '@/lib/domain/vocabulary';

export type ThreatOrderItem = {
  id: string;
  kind: OrderKind;
  subjectName: string;
  organisationName: string;
  expiresOn: Date | null;
  status: OrderStatus;
  managingOfficerName: string | null;
  lastComplianceCheckOn: Date | null;
  breachCount: number;
  flags: readonly { code: FlagCode; severity: FlagSeverity }[];
};

/**
 * The ancillary orders on a threat (those the user may see), each with its flag, on the threat's
 * page; with a way to add one for those who manage orders.
 */
export function ThreatOrdersSection({ threatId, orders, canAdd }: { threatId: string; orders: readonly ThreatOrderItem[]; canAdd: boolean }) {
  return (
    <section aria-labelledby="orders-heading" data-testid="threat-orders">
      <h2 className="govuk-heading-m" id="orders-heading">
        Ancillary orders
      </h2>
      {orders.length ? (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Ancillary orders table">
          <Table
            caption="Orders on this threat, the most urgent first"
            captionSize="s"
            head={[{ text: 'Order' }, { text: 'Expires' }, { text: 'Managed by' }, { text: 'Last check' }, { text: 'Breaches', isNumeric: true }, { text: 'Flags' }]}
            rows={orders.map((order) => ({
              key: order.id,
              cells: [
                <>
                  <Link className="govuk-link" href={`/orders/${order.id}`}>
                    {order.subjectName}
                  </Link>
                  <br />
                  <span className="govuk-body-s">
                    {ORDER_KIND_LABELS[order.kind]}, {order.organisationName}
                  </span>
                </>,
                order.status === 'EXPIRED' ? (
                  <Tag key="expires" colour="grey">
                    {ORDER_STATUS_LABELS.EXPIRED}
                  </Tag>
                ) : (
                  formatDate(order.expiresOn, 'short') || 'No expiry'
                ),
                order.managingOfficerName ?? <span className="app-text-warning">No officer named</span>,
                formatDate(order.lastComplianceCheckOn, 'short') || 'Never checked',
                { content: order.breachCount, isNumeric: true },
                <FlagTags key="flags" tags={order.flags.map((flag) => ({ code: flag.code, severity: flag.severity, count: 1 }))} />,
              ],
            }))}
          />
        </div>
      ) : (
        <InsetText>No ancillary orders have been recorded for this threat.</InsetText>
      )}
      {canAdd ? (
        <p className="govuk-body">
          <Link className="govuk-link" href={`/orders/new?threat=${encodeURIComponent(threatId)}`}>
            Add an order for this threat
          </Link>
        </p>
      ) : null}
    </section>
  );
}
