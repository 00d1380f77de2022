import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { Table, type TableHeadCell } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { LinkedThreatText } from '@/components/orders/linked-threat';
import { OrderFilters } from '@/components/orders/order-filters';
import { OrderFlagTag } from '@/components/orders/order-flag-tag';
import { requireVerb } from '@/lib/auth/guards';
import { hasVerb } from '@/lib/auth/policy';
import { listOrderFilterOptions, listOrders } from '@/lib/db/orders';
import { formatDate } from '@/lib/domain/dates';
import { ORDER_KIND_LABELS } from '@/lib/domain/vocabulary';
import { defaultOrderSortOrder, orderRegisterQuerySchema, type OrderRegisterQuery, type OrderSortKey } from '@/lib/validation/orders';

export const metadata: Metadata = { title: 'Orders' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function queryString(query: OrderRegisterQuery, overrides: Partial<OrderRegisterQuery> = {}): Record<string, string | number | undefined> {
  const merged = { ...query, ...overrides };
  return {
    kind: merged.kind,
    organisation: merged.organisation,
    officer: merged.officer,
    notMonitored: merged.notMonitored ? 'true' : undefined,
    expiringSoon: merged.expiringSoon ? 'true' : undefined,
    sort: merged.sort === 'flag' && merged.order === defaultOrderSortOrder('flag') ? undefined : merged.sort,
    order: merged.order === defaultOrderSortOrder(merged.sort) ? undefined : merged.order,
  };
}

function href(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const s = search.toString();
  return s ? `/orders?${s}` : '/orders';
}

/**
 * The register of ancillary orders (SCPOs, slavery and trafficking risk orders, closure orders...)
 * the user may see: their organisation's and those below it, the orders they manage, and (for an
 * LRO) those on the threats they hold. Filtered, sorted and paged in the database.
 */
export default async function OrdersRegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireVerb('order:read');
  const query = orderRegisterQuerySchema.parse(await searchParams);
  const [result, options] = await Promise.all([listOrders(user, query), listOrderFilterOptions(user)]);

  const sortable = (key: OrderSortKey, text: string): TableHeadCell => {
    const active = query.sort === key;
    const nextOrder = active ? (query.order === 'asc' ? 'desc' : 'asc') : defaultOrderSortOrder(key);
    return {
      text,
      sort: { href: href(queryString(query, { sort: key, order: nextOrder })), direction: active ? (query.order === 'asc' ? 'ascending' : 'descending') : 'none' },
    };
  };

  const first = (result.page - 1) * result.pageSize + 1;
  const last = first + result.rows.length - 1;

  return (
    <>
      <h1 className="govuk-heading-xl">Ancillary orders</h1>
      <p className="govuk-body">
        Serious crime prevention orders and other ancillary orders: who manages each, when it was last checked and how often it has been breached. An
        order is flagged when it has had no compliance check for too long, or expires soon.
      </p>
      {hasVerb(user, 'order:manage') ? <Button href="/orders/new">Add an order</Button> : null}
      <OrderFilters query={query} organisations={options.organisations} officers={options.officers} />
      <p className="govuk-body govuk-!-font-weight-bold" data-testid="result-count" role="status">
        {result.total === 0 ? 'No orders match these filters.' : `Showing ${first} to ${last} of ${result.total} ${result.total === 1 ? 'order' : 'orders'}`}
      </p>
      {result.total > 0 ? (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Orders register table">
          <Table
            caption="Orders register"
            captionSize="s"
            className="app-table--register"
            head={[
              sortable('kind', 'Kind'),
              sortable('subject', 'Subject'),
              { text: 'Linked threat' },
              sortable('organisation', 'Organisation'),
              sortable('madeOn', 'Made'),
              sortable('expiresOn', 'Expires'),
              sortable('officer', 'Managed by'),
              sortable('lastCheck', 'Last check'),
              { ...sortable('breaches', 'Breaches'), isNumeric: true },
              sortable('flag', 'Flag'),
            ]}
            rows={result.rows.map((order) => ({
              key: order.id,
              cells: [
                ORDER_KIND_LABELS[order.kind],
                {
                  content: (
                    <Link className="govuk-link" href={`/orders/${order.id}`} data-testid="order-subject">
                      {order.subjectName}
                    </Link>
                  ),
                },
                <LinkedThreatText key="threat" threat={order.threat} />,
                order.organisationName,
                formatDate(order.madeOn, 'short'),
                order.status === 'EXPIRED' ? (
                  <span key="expires">
                    {formatDate(order.expiresOn, 'short')} <Tag colour="grey">Expired</Tag>
                  </span>
                ) : (
                  formatDate(order.expiresOn, 'short') || 'No expiry'
                ),
                <span key="managed">
                  {order.managingOfficerName ?? <span className="app-text-warning">No officer named</span>}
                  {order.managingTeam ? (
                    <>
                      <br />
                      <span className="govuk-body-s">{order.managingTeam}</span>
                    </>
                  ) : null}
                </span>,
                formatDate(order.lastComplianceCheckOn, 'short') || 'Never checked',
                { content: order.breachCount, isNumeric: true },
                <div key="flag" data-testid="order-flag">
                  <OrderFlagTag severity={order.flag} />
                </div>,
              ],
            }))}
          />
        </div>
      ) : null}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/orders" query={queryString(query)} landmarkLabel="Orders register pages" />
    </>
  );
}
