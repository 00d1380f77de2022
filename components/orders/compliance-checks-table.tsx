import { Table } from '@/components/ui/table';
import { Tag, type TagColour } from '@/components/ui/tag';
import { formatDate, formatDateTime } from '@/lib/domain/dates';
import { COMPLIANCE_CHECK_RESULT_LABELS, type ComplianceCheckResult } from '@/lib/domain/orders';

export type ComplianceCheckItem = {
  id: string;
  checkedOn: Date;
  result: ComplianceCheckResult;
  note: string | null;
  checkedByName: string | null;
  createdAt: Date;
};

const RESULT_COLOURS: Record<ComplianceCheckResult, TagColour> = { COMPLIANT: 'green', BREACH: 'red', UNABLE_TO_CHECK: 'grey' };

export function CheckResultTag({ result }: { result: ComplianceCheckResult }) {
  return <Tag colour={RESULT_COLOURS[result]}>{COMPLIANCE_CHECK_RESULT_LABELS[result]}</Tag>;
}

/** An order's compliance checks, latest first: when, the result, the note, and who recorded it when. */
export function ComplianceChecksTable({ checks, caption }: { checks: readonly ComplianceCheckItem[]; caption: string }) {
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Compliance checks table">
      <Table
        caption={caption}
        captionSize="s"
        head={[{ text: 'Date of check' }, { text: 'Result' }, { text: 'Note' }, { text: 'Recorded by' }]}
        rows={checks.map((check) => ({
          key: check.id,
          cells: [
            formatDate(check.checkedOn, 'short'),
            <CheckResultTag key="result" result={check.result} />,
            check.note ?? '',
            check.checkedByName ? `${check.checkedByName}, ${formatDateTime(check.createdAt)}` : 'Not recorded',
          ],
        }))}
      />
    </div>
  );
}
