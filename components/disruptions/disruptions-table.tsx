import Link from 'next/link';
import { MultilineText } from '@/components/plans/multiline-text';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { STRAND_LABELS, type Strand } from '@/lib/domain/vocabulary';
import { DISRUPTION_CATEGORY_LABELS, DISRUPTION_ROLE_LABELS, type DisruptionCategory, type DisruptionRole } from '@/lib/validation/disruptions';

export type DisruptionTableRow = {
  id: string;
  reference: string;
  disruptedOnLabel: string;
  strand: Strand;
  category: DisruptionCategory;
  role: DisruptionRole;
  leadAgencyName: string | null;
  description: string;
  apmisReference: string | null;
  /** Days without an APMIS reference, when DISRUPTION_NOT_ON_APMIS is raised for it. */
  daysNotOnApmis: number | null;
  /** Where the user changes it or adds its APMIS reference, if they may. */
  editHref: string | null;
};

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** A threat's disruptions, newest first. */
export function DisruptionsTable({ rows, caption }: { rows: readonly DisruptionTableRow[]; caption: string }) {
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Disruptions table">
      <Table
        caption={caption}
        captionSize="s"
        head={[{ text: 'Date' }, { text: 'Strand' }, { text: 'Category' }, { text: 'Lead or supporting' }, { text: 'Lead agency' }, { text: 'Description' }, { text: 'APMIS reference' }]}
        rows={rows.map((row) => ({
          key: row.id,
          cells: [
            <>
              {row.disruptedOnLabel}
              <span className="govuk-body-s govuk-!-display-block govuk-!-margin-0">{row.reference}</span>
            </>,
            STRAND_LABELS[row.strand],
            DISRUPTION_CATEGORY_LABELS[row.category],
            DISRUPTION_ROLE_LABELS[row.role],
            row.leadAgencyName ?? 'Not recorded',
            <MultilineText key="description" text={row.description} className="govuk-body-s govuk-!-margin-bottom-1" />,
            <>
              {row.apmisReference ? (
                row.apmisReference
              ) : row.daysNotOnApmis !== null ? (
                <Tag colour="red">Not on APMIS for {days(row.daysNotOnApmis)}</Tag>
              ) : (
                <Tag colour="grey">Not yet on APMIS</Tag>
              )}
              {row.editHref ? (
                <span className="govuk-!-display-block govuk-!-margin-top-1">
                  <Link className="govuk-link" href={row.editHref}>
                    {row.apmisReference ? 'Change' : 'Add APMIS reference'}
                    <span className="govuk-visually-hidden"> for the disruption of {row.disruptedOnLabel} ({row.reference})</span>
                  </Link>
                </span>
              ) : null}
            </>,
          ],
        }))}
      />
    </div>
  );
}
