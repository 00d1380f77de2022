import { Table } from '@/components/ui/table';
import { formatDate } from '@/lib/domain/dates';
import { ENGAGEMENT_KIND_LABELS, type EngagementKind } from '@/lib/domain/vocabulary';
import { MultilineText } from './multiline-text';

export type PlanEngagementItem = { id: string; partnerName: string; engagedOn: Date; kind: EngagementKind; summary: string; recordedByName: string | null };

/** Partner engagement on a plan, newest first. */
export function EngagementsTable({ engagements, total }: { engagements: PlanEngagementItem[]; total: number }) {
  const caption = total > engagements.length ? `The ${engagements.length} most recent of ${total} engagements, newest first` : 'Partner engagement, newest first';
  return (
    <Table
      caption={caption}
      captionSize="s"
      head={[{ text: 'Date' }, { text: 'Partner' }, { text: 'Kind' }, { text: 'Summary' }, { text: 'Recorded by' }]}
      rows={engagements.map((e) => ({
        key: e.id,
        cells: [
          formatDate(e.engagedOn, 'short'),
          e.partnerName,
          ENGAGEMENT_KIND_LABELS[e.kind],
          <MultilineText key="summary" text={e.summary} className="govuk-body-s govuk-!-margin-bottom-1" />,
          e.recordedByName ?? '',
        ],
      }))}
    />
  );
}
