import Link from 'next/link';
import { FlagTags } from '@/components/flags/flag-tags';
import { Table } from '@/components/ui/table';
import type { FlagCode, FlagSeverity } from '@/lib/domain/compliance/flags';
import { formatDate } from '@/lib/domain/dates';
import type { LinkedThreat } from '@/lib/domain/orders';
import { ORDER_KIND_LABELS, type OrderKind } from '@/lib/domain/vocabulary';

export type ManagedOrderItem = {
  id: string;
  kind: OrderKind;
  subjectName: string;
  threat: LinkedThreat;
  expiresOn: Date | null;
  lastComplianceCheckOn: Date | null;
  /** yyyy-mm-dd on which a compliance check falls due. */
  nextCheckDue: string | null;
  flags: readonly { code: FlagCode; severity: FlagSeverity }[];
};

const dayKeyToDate = (key: string | null) => (key ? new Date(`${key}T00:00:00Z`) : null);

/**
 * The ancillary orders a person manages (issue 5, item 5: "orders appear in the managing
 * officer's work list"), the most urgent first: those whose compliance check is overdue or that
 * expire soon carry a flag, and each says when its next check falls due.
 */
export function ManagedOrders({ orders, total, userId }: { orders: readonly ManagedOrderItem[]; total: number; userId: string }) {
  return (
    <>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Orders you manage">
        <Table
          caption={total > orders.length ? `The ${orders.length} of your ${total} orders most in need of a check` : 'Orders you manage, the most urgent first'}
          captionSize="s"
          head={[{ text: 'Order' }, { text: 'Threat' }, { text: 'Last check' }, { text: 'Next check due' }, { text: 'Expires' }, { text: 'Flags' }]}
          rows={orders.map((order) => ({
            key: order.id,
            cells: [
              <>
                <Link className="govuk-link" href={`/orders/${order.id}`}>
                  {order.subjectName}
                </Link>
                <br />
                <span className="govuk-body-s">{ORDER_KIND_LABELS[order.kind]}</span>
              </>,
              order.threat?.canRead ? (
                <Link key="threat" className="govuk-link" href={`/threats/${order.threat.id}`}>
                  {order.threat.urn}
                </Link>
              ) : (
                (order.threat?.urn ?? 'Not linked')
              ),
              formatDate(order.lastComplianceCheckOn, 'short') || 'Never checked',
              formatDate(dayKeyToDate(order.nextCheckDue), 'short'),
              formatDate(order.expiresOn, 'short') || 'No expiry',
              <div key="flags" data-testid="managed-order-flags">
                <FlagTags tags={order.flags.map((flag) => ({ code: flag.code, severity: flag.severity, count: 1 }))} />
              </div>,
            ],
          }))}
        />
      </div>
      <p className="govuk-body">
        <Link className="govuk-link" href={`/orders?officer=${encodeURIComponent(userId)}`}>
          All the orders you manage
        </Link>
      </p>
    </>
  );
}
