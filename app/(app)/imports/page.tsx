import type { Metadata } from 'next';
import { ImportColumns } from '@/components/imports/import-columns';
import { ImportForm } from '@/components/imports/import-form';
import { requireVerb } from '@/lib/auth/guards';
import { hasVerb } from '@/lib/auth/policy';
import { IMPORT_KINDS } from '@/lib/domain/imports/types';

export const metadata: Metadata = { title: 'Imports' };

const EXAMPLES = { threats: '/api/imports/examples/soc-master-list.csv', disruptions: '/api/imports/examples/disruptions.csv' } as const;

/**
 * Import APMIS extracts (issue 6, "Imports"): the SOC master list and disruption records, from
 * CSV files in the formats of docs/imports.md. Co-ordinators and admins (import:run); every row is
 * checked against the importer's scope by the service.
 */
export default async function ImportsPage() {
  const user = await requireVerb('import:run');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Import APMIS extracts</h1>
        <p className="govuk-body">
          Load the SOC master list or disruption records from a CSV file. Quadrant checks every row first and shows you what would change; nothing is written
          until you import, and then either every row is imported or none is. Importing the same file again changes nothing.
        </p>
        <p className="govuk-body">Rows may only name organisations, officers and threats of {user.organisationName} or below it.</p>
        {IMPORT_KINDS.map((kind) => (
          <ImportColumns key={kind} kind={kind} exampleHref={EXAMPLES[kind]} />
        ))}
        <ImportForm canReadPlans={hasVerb(user, 'plan:read')} />
      </div>
    </div>
  );
}
