import { Button } from '@/components/ui/button';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { CONFIDENCE_LABELS, MORILE_PRIORITY_LABELS } from '@/lib/domain/vocabulary';
import type { Confidence, MorilePriority } from '@/lib/domain/morile';

export type AssessmentHistoryRow = {
  id: string;
  assessedOnLabel: string;
  assessedByName: string | null;
  harm: number;
  likelihood: number;
  riskScore: number;
  confidence: Confidence;
  priority: MorilePriority;
  tier: number;
  /** "12 Mar 2026 by Alex Pendleton", or null while it awaits moderation. */
  moderatedLabel: string | null;
  /** London calendar days it has waited for moderation (when it has not been moderated). */
  daysAwaiting: number;
  /** Where a co-ordinator moderates it, if the user may. */
  moderateHref: string | null;
};

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** Every assessment of a threat, newest first: the accessible equivalent of the chart above it. */
export function AssessmentHistoryTable({ rows, caption }: { rows: readonly AssessmentHistoryRow[]; caption: string }) {
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label="MoRiLE assessment history table">
      <Table
        caption={caption}
        captionSize="s"
        head={[
          { text: 'Date assessed' },
          { text: 'Harm', isNumeric: true },
          { text: 'Likelihood', isNumeric: true },
          { text: 'Risk score', isNumeric: true },
          { text: 'Confidence' },
          { text: 'Priority' },
          { text: 'Tier', isNumeric: true },
          { text: 'Moderation' },
        ]}
        rows={rows.map((row) => ({
          key: row.id,
          cells: [
            <>
              {row.assessedOnLabel}
              {row.assessedByName ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-0">by {row.assessedByName}</span> : null}
            </>,
            { content: row.harm, isNumeric: true },
            { content: row.likelihood, isNumeric: true },
            { content: row.riskScore, isNumeric: true },
            CONFIDENCE_LABELS[row.confidence],
            MORILE_PRIORITY_LABELS[row.priority],
            { content: row.tier, isNumeric: true },
            row.moderatedLabel ? (
              `Moderated ${row.moderatedLabel}`
            ) : (
              <>
                <Tag colour="yellow">Awaiting moderation for {days(row.daysAwaiting)}</Tag>
                {row.moderateHref ? (
                  <div className="govuk-!-margin-top-2">
                    <Button href={row.moderateHref} variant="secondary" className="govuk-!-margin-bottom-0">
                      Moderate<span className="govuk-visually-hidden"> the assessment of {row.assessedOnLabel}</span>
                    </Button>
                  </div>
                ) : null}
              </>
            ),
          ],
        }))}
      />
    </div>
  );
}
