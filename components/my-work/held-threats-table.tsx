import Link from 'next/link';
import { FlagTags, type FlagTagSummary } from '@/components/flags/flag-tags';
import { PlanStatusTag } from '@/components/threats/threat-tags';
import { Table } from '@/components/ui/table';
import { formatDate } from '@/lib/domain/dates';
import type { PlanStatus } from '@/lib/domain/vocabulary';

export type HeldThreatItem = {
  id: string;
  urn: string;
  name: string;
  tier: number;
  role: 'LRO' | 'DEPUTY';
  planStatus: PlanStatus | null;
  nextReviewDue: Date | null;
  flags: FlagTagSummary[];
};

/** The live threats an LRO holds, the most flagged first, each with its flags. */
export function HeldThreatsTable({ threats }: { threats: readonly HeldThreatItem[] }) {
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Threats you hold">
      <Table
        caption="Threats you hold, the most flagged first"
        captionSize="s"
        head={[{ text: 'Threat' }, { text: 'You are' }, { text: 'Tier', isNumeric: true }, { text: '4P plan' }, { text: 'Next review' }, { text: 'Flags' }]}
        rows={threats.map((threat) => ({
          key: threat.id,
          cells: [
            <>
              <Link className="govuk-link" href={`/threats/${threat.id}`}>
                {threat.name}
              </Link>
              <br />
              <span className="govuk-body-s">{threat.urn}</span>
            </>,
            threat.role === 'LRO' ? 'LRO' : 'Deputy',
            { content: threat.tier, isNumeric: true },
            threat.planStatus ? (
              <Link key="plan" className="govuk-link" href={`/threats/${threat.id}/plan`}>
                <PlanStatusTag status={threat.planStatus} />
                <span className="govuk-visually-hidden"> 4P plan of {threat.urn}</span>
              </Link>
            ) : (
              <PlanStatusTag key="plan" status={null} />
            ),
            formatDate(threat.nextReviewDue, 'short') || 'Not set',
            <div key="flags" data-testid="held-threat-flags">
              <FlagTags tags={threat.flags} />
            </div>,
          ],
        }))}
      />
    </div>
  );
}
