import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { ORGANISATION_KIND_LABELS } from '@/components/settings/organisation-kind';
import { requireVerb } from '@/lib/auth/guards';
import { listOrganisationsInScope } from '@/lib/db/organisations';

export const metadata: Metadata = { title: 'Settings' };

/**
 * The organisations whose compliance thresholds the user may set: their own organisation and
 * everything below it, in tree order. Co-ordinators and admins only (settings:update).
 */
export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireVerb('settings:update');
  const { page } = await searchParams;
  const list = await listOrganisationsInScope(user, Number(page) || 1);

  return (
    <>
      <h1 className="govuk-heading-l">Settings</h1>
      <p className="govuk-body">
        The thresholds that raise compliance flags, such as how long an open action may go without an update. Each organisation uses its parent&apos;s
        value for any threshold it does not set itself, and Quadrant&apos;s default where no organisation above it sets one.
      </p>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Organisations table">
        <Table
          caption="Organisations you can set thresholds for"
          captionSize="m"
          head={[{ text: 'Organisation' }, { text: 'Kind' }, { text: 'Own settings' }, { text: <span className="govuk-visually-hidden">Action</span> }]}
          emptyText="There are no organisations in your scope."
          rows={list.rows.map((row) => ({
            key: row.id,
            cells: [
              {
                isHeader: true,
                content: (
                  <>
                    {row.name}
                    {row.parentName ? (
                      <>
                        <br />
                        <span className="govuk-body-s govuk-!-font-weight-regular">Part of {row.parentName}</span>
                      </>
                    ) : null}
                  </>
                ),
              },
              ORGANISATION_KIND_LABELS[row.kind],
              row.hasOwnSettings ? 'Yes' : 'No',
              <Link key="change" className="govuk-link" href={`/settings/${row.id}`}>
                Change<span className="govuk-visually-hidden"> settings for {row.name}</span>
              </Link>,
            ],
          }))}
        />
      </div>
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/settings" landmarkLabel="Organisations pages" />
    </>
  );
}
