import Link from 'next/link';
import { FlagTags, type FlagTagSummary } from '@/components/flags/flag-tags';
import { ThreatStatusTag } from '@/components/threats/threat-tags';
import { Table } from '@/components/ui/table';
import type { ThreatStatus } from '@/lib/domain/vocabulary';

export const ROLE_LABELS = { LRO: 'LRO', DEPUTY: 'Deputy' } as const;

export type OfficerThreatItem = {
  id: string;
  urn: string;
  name: string;
  tier: number;
  status: ThreatStatus;
  organisationName: string;
  role: keyof typeof ROLE_LABELS;
  flags: readonly FlagTagSummary[];
};

/** The live threats an officer holds, as LRO and as deputy, with each threat's flags. */
export function OfficerThreatsTable({ threats, caption }: { threats: readonly OfficerThreatItem[]; caption: string }) {
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table
        caption={caption}
        captionSize="s"
        head={[{ text: 'Threat' }, { text: 'Role' }, { text: 'Tier', isNumeric: true }, { text: 'Status' }, { text: 'Organisation' }, { text: 'Flags' }]}
        emptyText="None."
        rows={threats.map((threat) => ({
          key: threat.id,
          cells: [
            <Link key="threat" className="govuk-link" href={`/threats/${threat.id}`}>
              {threat.urn} {threat.name}
            </Link>,
            ROLE_LABELS[threat.role],
            { content: threat.tier, isNumeric: true },
            <ThreatStatusTag key="status" status={threat.status} />,
            threat.organisationName,
            <FlagTags key="flags" tags={threat.flags} />,
          ],
        }))}
      />
    </div>
  );
}
