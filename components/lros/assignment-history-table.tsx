import Link from 'next/link';
import { Table } from '@/components/ui/table';
import { formatDate } from '@/lib/domain/dates';
import { ROLE_LABELS } from './officer-threats-table';

export type AssignmentHistoryItem = {
  id: string;
  threatId: string;
  threatUrn: string;
  threatName: string;
  role: keyof typeof ROLE_LABELS;
  startedAt: Date;
  endedAt: Date | null;
  handoverNote: string | null;
};

/** The threats an officer has held and holds, as LRO or deputy: from, to, and the handover note left on handing over. */
export function AssignmentHistoryTable({ history, caption }: { history: readonly AssignmentHistoryItem[]; caption: string }) {
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table
        caption={caption}
        captionSize="s"
        head={[{ text: 'Threat' }, { text: 'Role' }, { text: 'From' }, { text: 'To' }, { text: 'Handover note' }]}
        emptyText="They have not held any threat."
        rows={history.map((row) => ({
          key: row.id,
          cells: [
            <Link key="threat" className="govuk-link" href={`/threats/${row.threatId}`}>
              {row.threatUrn} {row.threatName}
            </Link>,
            ROLE_LABELS[row.role],
            formatDate(row.startedAt),
            row.endedAt ? formatDate(row.endedAt) : 'Current',
            row.handoverNote ?? '',
          ],
        }))}
      />
    </div>
  );
}
