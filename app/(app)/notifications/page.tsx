import type { Metadata } from 'next';
import Link from 'next/link';
import { MarkAllReadButton } from '@/components/notifications/mark-all-read-button';
import { NotificationList } from '@/components/notifications/notification-list';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { Pagination } from '@/components/ui/pagination';
import { requireUser } from '@/lib/auth/guards';
import { getDigestFrequency, listNotifications } from '@/lib/db/notifications';
import { NOTIFICATION_SETTINGS_PATH, type DigestFrequency } from '@/lib/domain/digest';
import { markAllReadAction } from './actions';

export const metadata: Metadata = { title: 'Notifications' };

const EMAIL_PREFERENCE: Record<DigestFrequency, string> = { DAILY: 'daily', WEEKLY: 'weekly, on Mondays', NONE: 'none, notifications here only' };

/**
 * The signed-in person's own notifications (the daily digest of what needs them), newest first,
 * unread ones marked. Everyone signed in has this page; it only ever shows their own.
 */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string; read?: string }> }) {
  const user = await requireUser();
  const { page, read } = await searchParams;
  const [list, digestFrequency] = await Promise.all([listNotifications(user.id, Number(page) || 1), getDigestFrequency(user.id)]);

  return (
    <>
      {read ? <NotificationBanner type="success" heading="All your notifications are marked as read" /> : null}
      <h1 className="govuk-heading-l">Notifications</h1>
      <p className="govuk-body">
        Each morning Quadrant lists what needs you: flags on the threats you hold, your actions that are due or overdue, and plan reviews due.
      </p>
      <p className="govuk-body">
        E-mail reminders: {EMAIL_PREFERENCE[digestFrequency ?? 'DAILY']}.{' '}
        <Link className="govuk-link" href={NOTIFICATION_SETTINGS_PATH}>
          Change your e-mail reminders
        </Link>
      </p>
      {list.total === 0 ? (
        <p className="govuk-body">You have no notifications.</p>
      ) : (
        <>
          <p className="govuk-body">
            {list.unread === 0 ? 'You have no unread notifications.' : `You have ${list.unread} unread ${list.unread === 1 ? 'notification' : 'notifications'}.`}
          </p>
          {list.unread > 0 ? <MarkAllReadButton markAllRead={markAllReadAction} /> : null}
          <NotificationList notifications={list.rows} />
          <Pagination page={list.page} pageCount={list.pageCount} basePath="/notifications" landmarkLabel="Notification pages" />
        </>
      )}
    </>
  );
}
