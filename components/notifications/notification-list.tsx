import Link from 'next/link';
import { Tag } from '@/components/ui/tag';
import { formatDateTime } from '@/lib/domain/dates';

export type NotificationItem = { id: string; title: string; body: string; link: string | null; createdAt: Date; readAt: Date | null };

/**
 * A person's notifications, newest first: each with its title, when it came, "Unread" until
 * marked read, and its lines (one thing that needs them per line).
 */
export function NotificationList({ notifications }: { notifications: NotificationItem[] }) {
  return (
    <ol className="govuk-list">
      {notifications.map((notification) => {
        const lines = notification.body.split('\n').filter((line) => line.trim() !== '');
        const headingId = `notification-${notification.id}`;
        return (
          <li key={notification.id} className="govuk-!-margin-bottom-6">
            <article aria-labelledby={headingId}>
              <h2 className="govuk-heading-m govuk-!-margin-bottom-2" id={headingId}>
                {notification.title}
                {notification.readAt ? null : (
                  <>
                    {' '}
                    <Tag colour="blue">Unread</Tag>
                  </>
                )}
              </h2>
              <p className="govuk-body-s govuk-!-margin-bottom-2">{formatDateTime(notification.createdAt)}</p>
              {lines.length > 0 ? (
                <ul className="govuk-list govuk-list--bullet">
                  {lines.map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              ) : null}
              {notification.link ? (
                <p className="govuk-body">
                  <Link className="govuk-link" href={notification.link}>
                    Go to My work<span className="govuk-visually-hidden"> for {notification.title.toLowerCase()}</span>
                  </Link>
                </p>
              ) : null}
              <hr className="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
            </article>
          </li>
        );
      })}
    </ol>
  );
}
