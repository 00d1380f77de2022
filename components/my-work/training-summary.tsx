import Link from 'next/link';
import { Table } from '@/components/ui/table';
import { lroRegisterHref, TRAINING_EXPIRY_SOON_DAYS, type LroTrainingFilter } from '@/lib/validation/lro-register';

export type TrainingSummaryItem = {
  organisationId: string;
  organisationName: string;
  leading: number;
  trained: number;
  untrained: number;
  expiringSoon: number;
};

/** A count that leads to the officers behind it; 0 is just 0. The link says what it counts. */
function CountLink({ count, href, what }: { count: number; href: string; what: string }) {
  if (count === 0) return <>0</>;
  return (
    <Link className="govuk-link" href={href} prefetch={false}>
      {count}
      <span className="govuk-visually-hidden"> {what}</span>
    </Link>
  );
}

const COLUMNS: { key: 'leading' | 'trained' | 'untrained' | 'expiringSoon'; heading: string; training?: LroTrainingFilter; what: string }[] = [
  { key: 'leading', heading: 'LROs leading live threats', what: 'LROs leading live threats' },
  { key: 'trained', heading: 'Trained', training: 'trained', what: 'trained LROs' },
  { key: 'untrained', heading: 'Untrained or expired', training: 'untrained', what: 'untrained LROs' },
  { key: 'expiringSoon', heading: `Expiring within ${TRAINING_EXPIRY_SOON_DAYS} days`, training: 'expiring', what: `LROs whose training expires within ${TRAINING_EXPIRY_SOON_DAYS} days` },
];

/**
 * LRO training per organisation in the co-ordinator's scope: of the officers leading live
 * threats, how many are trained, untrained (never, or expired) and trained but expiring soon.
 * Each number links to exactly those officers in the LRO register.
 */
export function TrainingSummary({ rows, caption }: { rows: readonly TrainingSummaryItem[]; caption: string }) {
  if (rows.length === 0) return <p className="govuk-body">No LRO in your area leads a live threat.</p>;
  const total = rows.reduce(
    (sum, row) => ({ leading: sum.leading + row.leading, trained: sum.trained + row.trained, untrained: sum.untrained + row.untrained, expiringSoon: sum.expiringSoon + row.expiringSoon }),
    { leading: 0, trained: 0, untrained: 0, expiringSoon: 0 },
  );
  const cells = (counts: Omit<TrainingSummaryItem, 'organisationId' | 'organisationName'>, organisation: { id: string; name: string } | null) =>
    COLUMNS.map((column) => ({
      isNumeric: true,
      content: (
        <CountLink
          count={counts[column.key]}
          href={lroRegisterHref({ organisation: organisation?.id, caseload: 'holding', training: column.training })}
          what={`${column.what}${organisation ? ` in ${organisation.name}` : ''}`}
        />
      ),
    }));
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table
        caption={caption}
        captionSize="s"
        firstCellIsHeader
        head={[{ text: 'Organisation' }, ...COLUMNS.map((column) => ({ text: column.heading, isNumeric: true }))]}
        rows={[
          ...rows.map((row) => ({ key: row.organisationId, cells: [row.organisationName, ...cells(row, { id: row.organisationId, name: row.organisationName })] })),
          ...(rows.length > 1 ? [{ key: 'all', cells: ['All organisations', ...cells(total, null)] }] : []),
        ]}
      />
    </div>
  );
}
