import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DigestFrequencyForm } from '@/components/notifications/digest-frequency-form';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { getDigestFrequency } from '@/lib/db/notifications';
import { updateDigestFrequencyAction } from './actions';

export const metadata: Metadata = { title: 'E-mail reminders' };

/** The signed-in person's own e-mail reminder preference: daily, weekly (Mondays) or none. */
export default async function NotificationSettingsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requireUser();
  // One's own account only: the policy's account:update on oneself.
  requirePermission(user, 'account:update', { kind: 'user', id: user.id, organisationPath: user.organisationPath });
  const [{ saved }, digestFrequency] = await Promise.all([searchParams, getDigestFrequency(user.id)]);
  if (!digestFrequency) notFound();

  return (
    <>
      <Link className="govuk-back-link" href="/notifications">
        Back to notifications
      </Link>
      {saved ? <NotificationBanner type="success" heading="Your e-mail reminder preference has been saved" /> : null}
      <h1 className="govuk-heading-l">E-mail reminders</h1>
      <p className="govuk-body">
        Quadrant can e-mail you a digest of what needs you: flags on the threats you hold, your actions that are due or overdue, and plan reviews due. We send it to{' '}
        <strong>{user.email}</strong>, only on days when something needs you.
      </p>
      <p className="govuk-body">Whatever you choose, the digest appears in your notifications in Quadrant each morning.</p>
      <DigestFrequencyForm digestFrequency={digestFrequency} save={updateDigestFrequencyAction} />
    </>
  );
}
