import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { ComplianceSettingsForm } from '@/components/settings/compliance-settings-form';
import { FlagDescriptions } from '@/components/settings/flag-descriptions';
import { ORGANISATION_KIND_LABELS } from '@/components/settings/organisation-kind';
import { settingHint } from '@/components/settings/setting-hint';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { getOrganisationSettings } from '@/lib/db/organisations';
import { formatDateTime } from '@/lib/domain/dates';
import { SETTING_KEYS } from '@/lib/domain/settings';
import type { SettingKey } from '@/lib/validation/compliance-settings';
import { updateComplianceSettingsAction } from './actions';

export const metadata: Metadata = { title: 'Compliance thresholds' };

/**
 * One organisation's compliance thresholds: each its own value, or empty to inherit, with what
 * applies when empty and where that comes from. Within the user's scope only; refusal reads as
 * not found.
 */
export default async function OrganisationSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ organisationId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { organisationId } = await params;
  const { saved } = await searchParams;
  const user = await requireUser();
  const settings = await getOrganisationSettings(user, organisationId);
  requirePermission(user, 'settings:update', settings?.resource ?? null);
  if (!settings) notFound();
  const { organisation, own, thresholds, version, lastChange } = settings;

  const values = Object.fromEntries(SETTING_KEYS.map((key) => [key, own[key] === null ? '' : String(own[key])])) as Record<SettingKey, string>;
  const hints = Object.fromEntries(SETTING_KEYS.map((key) => [key, settingHint(thresholds[key])])) as Record<SettingKey, string>;

  return (
    <>
      {saved ? <NotificationBanner type="success" heading="Settings saved" /> : null}
      <Breadcrumbs items={[{ href: '/settings', text: 'Settings' }]} />
      <span className="govuk-caption-l">
        {organisation.name} ({ORGANISATION_KIND_LABELS[organisation.kind]})
      </span>
      <h1 className="govuk-heading-l">Compliance thresholds</h1>
      <p className="govuk-body">
        These thresholds decide when compliance flags are raised for {organisation.name} and the organisations below it that do not set their own. Leave a
        threshold empty to use the value from above.
      </p>
      {lastChange ? (
        <p className="govuk-body-s">
          Last changed {lastChange.byName ? `by ${lastChange.byName} ` : ''}on {formatDateTime(lastChange.at)}.
        </p>
      ) : null}
      <FlagDescriptions />
      <ComplianceSettingsForm
        key={version}
        organisationId={organisation.id}
        version={version}
        values={values}
        hints={hints}
        save={updateComplianceSettingsAction}
      />
    </>
  );
}
