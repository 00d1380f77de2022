import Link from 'next/link';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { CAPABILITY_NEEDED_LABELS, SHORTFALL_LABELS, type CapabilityNeeded, type Shortfall } from '@/lib/domain/vocabulary';

export type UnmetDemandTableRow = {
  id: string;
  shortfall: Shortfall;
  capabilityNeeded: CapabilityNeeded;
  description: string;
  raisedLabel: string;
  /** "ROCU on 3 Mar 2026", or null when not escalated. */
  escalatedLabel: string | null;
  resolvedLabel: string | null;
  apmisRecorded: boolean;
  /** Where the user updates it, if they may. */
  updateHref: string | null;
};

/** A threat's unmet demand, open first. */
export function UnmetDemandTable({ rows, caption }: { rows: readonly UnmetDemandTableRow[]; caption: string }) {
  const withActions = rows.some((row) => row.updateHref);
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Unmet demand table">
      <Table
        caption={caption}
        captionSize="s"
        head={[
          { text: 'Raised' },
          { text: 'Shortfall' },
          { text: 'Capability needed' },
          { text: 'Description' },
          { text: 'Escalated' },
          { text: 'Status' },
          { text: 'On APMIS' },
          ...(withActions ? [{ text: 'Action' }] : []),
        ]}
        rows={rows.map((row) => ({
          key: row.id,
          cells: [
            row.raisedLabel,
            SHORTFALL_LABELS[row.shortfall],
            CAPABILITY_NEEDED_LABELS[row.capabilityNeeded],
            row.description,
            row.escalatedLabel ?? 'Not escalated',
            row.resolvedLabel ? `Resolved ${row.resolvedLabel}` : <Tag colour="yellow">Open</Tag>,
            row.apmisRecorded ? 'Yes' : <Tag colour="red">No</Tag>,
            ...(withActions
              ? [
                  row.updateHref ? (
                    <Link className="govuk-link" href={row.updateHref}>
                      Update<span className="govuk-visually-hidden"> unmet demand raised {row.raisedLabel}</span>
                    </Link>
                  ) : null,
                ]
              : []),
          ],
        }))}
      />
    </div>
  );
}
