import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { InsetText } from '@/components/ui/inset-text';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { SummaryList } from '@/components/ui/summary-list';
import { Tag } from '@/components/ui/tag';
import { MultilineText } from '@/components/plans/multiline-text';
import { ComplianceChecksTable } from '@/components/orders/compliance-checks-table';
import { LinkedThreatText } from '@/components/orders/linked-threat';
import { OrderFlags } from '@/components/orders/order-flags';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { can } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit';
import { getOrderDetail } from '@/lib/db/orders';
import { formatDate, londonDateKey } from '@/lib/domain/dates';
import { daysUntilExpiry, ORDER_STATUS_LABELS } from '@/lib/domain/orders';
import { ORDER_KIND_LABELS } from '@/lib/domain/vocabulary';

export const metadata: Metadata = { title: 'Order' };

type Params = Promise<{ orderId: string }>;

const BANNERS: Record<string, string> = {
  added: 'Order added',
  details: 'Order saved',
  check: 'Compliance check recorded',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "in 40 days", "today", "40 days ago" */
function expiryText(days: number | null): string {
  if (days === null) return '';
  if (days === 0) return 'today';
  return days > 0 ? `in ${plural(days, 'day')}` : `${plural(-days, 'day')} ago`;
}

/**
 * One ancillary order: its details, its flag (judged with the thresholds of its organisation),
 * its compliance checks and breaches. Managers and co-ordinators change it; they and its managing
 * officer record checks.
 */
export default async function OrderPage({ params, searchParams }: { params: Params; searchParams: Promise<{ saved?: string }> }) {
  const { orderId } = await params;
  const { saved } = await searchParams;
  const user = await requireUser();
  const now = new Date();
  const found = await getOrderDetail(user, orderId, now);
  requirePermission(user, 'order:read', found?.resource ?? null);
  if (!found) notFound();
  const { order, resource, flags, threat, status } = found;
  const canManage = can(user, 'order:manage', resource);
  const canCheck = can(user, 'order:record-check', resource);

  // Views of sensitive records are audited (DESIGN.md, AuditEvent).
  await recordAudit({
    actorId: user.id,
    action: 'order.view',
    entityType: 'AncillaryOrder',
    entityId: order.id,
    organisationId: order.organisation.id,
    threatId: threat?.id ?? null,
  });

  const untilExpiry = daysUntilExpiry(order, now);
  const officer = order.managingOfficer;

  return (
    <>
      {saved && BANNERS[saved] ? <NotificationBanner type="success" heading={BANNERS[saved]} /> : null}
      <nav className="govuk-breadcrumbs" aria-label="Breadcrumb">
        <ol className="govuk-breadcrumbs__list">
          <li className="govuk-breadcrumbs__list-item">
            <Link className="govuk-breadcrumbs__link" href="/orders">
              Orders
            </Link>
          </li>
        </ol>
      </nav>
      <span className="govuk-caption-l">{ORDER_KIND_LABELS[order.kind]}</span>
      <h1 className="govuk-heading-l">{order.subjectName}</h1>
      <p className="govuk-body">
        <Tag colour={status === 'IN_FORCE' ? 'green' : status === 'EXPIRED' ? 'grey' : 'blue'}>{ORDER_STATUS_LABELS[status]}</Tag>
      </p>

      <OrderFlags flags={flags} />
      {canCheck ? <Button href={`/orders/${order.id}/checks/new`}>Record a compliance check</Button> : null}

      <SummaryList
        card={{
          title: 'Order details',
          headingLevel: 2,
          actions: canManage ? [{ href: `/orders/${order.id}/edit`, text: 'Change', visuallyHiddenText: 'order details' }] : undefined,
        }}
        rows={[
          { key: 'Kind of order', value: ORDER_KIND_LABELS[order.kind] },
          { key: 'Subject', value: order.subjectName },
          { key: 'Linked threat', value: <LinkedThreatText threat={threat} noneText="Not linked to a threat on Quadrant" /> },
          { key: 'Organisation responsible', value: order.organisation.name },
          { key: 'Made on', value: formatDate(order.madeOn) },
          { key: 'Starts on', value: formatDate(order.startsOn) },
          { key: 'Expires on', value: order.expiresOn ? `${formatDate(order.expiresOn)} (${expiryText(untilExpiry)})` : 'No fixed end' },
          { key: 'Conditions', value: order.conditions ? <MultilineText text={order.conditions} className="govuk-body govuk-!-margin-bottom-0" /> : 'Not recorded' },
        ]}
      />

      <SummaryList
        card={{ title: 'Management and compliance', headingLevel: 2 }}
        rows={[
          {
            key: 'Managing officer',
            value: officer ? `${[officer.rank, officer.name].filter(Boolean).join(' ')}, ${officer.organisationName}` : <strong className="app-text-warning">No officer named</strong>,
          },
          { key: 'Managing team', value: order.managingTeam ?? 'Not recorded' },
          { key: 'Last compliance check', value: order.lastComplianceCheckOn ? formatDate(order.lastComplianceCheckOn) : 'Never checked' },
          {
            key: 'Next check due',
            value: found.nextCheckDue
              ? `${formatDate(new Date(`${found.nextCheckDue}T00:00:00Z`))}${found.nextCheckDue <= londonDateKey(now) ? ', overdue' : ''} (a check every ${plural(found.orderCheckDays, 'day')})`
              : 'None: the order has expired',
          },
          { key: 'Breaches recorded', value: <span data-testid="breach-count">{order.breachCount}</span> },
        ]}
      />

      <h2 className="govuk-heading-m" id="checks">
        Compliance checks
      </h2>
      {order.checks.length ? (
        <ComplianceChecksTable
          checks={order.checks}
          caption={order.checkCount > order.checks.length ? `The latest ${order.checks.length} of ${order.checkCount} checks` : 'Compliance checks, latest first'}
        />
      ) : (
        <InsetText>No compliance check has been recorded.</InsetText>
      )}
    </>
  );
}
