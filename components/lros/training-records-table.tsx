import { Table } from '@/components/ui/table';
import { formatDate } from '@/lib/domain/dates';
import { TRAINING_KIND_LABELS, type TrainingKind } from '@/lib/validation/training';

export type TrainingRecordItem = {
  id: string;
  kind: TrainingKind;
  completedOn: Date;
  expiresOn: Date | null;
  note: string | null;
  recordedByName: string | null;
  recordedAt: Date;
};

/** Every training record of a person, the latest completed first. */
export function TrainingRecordsTable({ records, now }: { records: readonly TrainingRecordItem[]; now: Date }) {
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Training records">
      <Table
        caption="Training records"
        captionSize="s"
        head={[{ text: 'Training' }, { text: 'Completed' }, { text: 'Expires' }, { text: 'Note' }, { text: 'Recorded by' }]}
        emptyText="No training recorded."
        rows={records.map((record) => ({
          key: record.id,
          cells: [
            TRAINING_KIND_LABELS[record.kind],
            formatDate(record.completedOn),
            record.expiresOn ? `${formatDate(record.expiresOn)}${record.expiresOn.getTime() <= now.getTime() ? ' (expired)' : ''}` : 'Does not expire',
            record.note ?? '',
            record.recordedByName ? `${record.recordedByName}, ${formatDate(record.recordedAt)}` : formatDate(record.recordedAt),
          ],
        }))}
      />
    </div>
  );
}
