import { AcknowledgeHandoverButton } from './acknowledge-handover-button';
import { ownerText } from '@/components/actions/owner-text';
import { FlagList } from '@/components/flags/flag-list';
import { MultilineText } from '@/components/plans/multiline-text';
import { Table } from '@/components/ui/table';
import type { ComplianceFlag } from '@/lib/domain/compliance/flags';
import { formatDate } from '@/lib/domain/dates';
import { ACTION_STATUS_LABELS, STRAND_LABELS, type ActionStatus, type Strand } from '@/lib/domain/vocabulary';
import type { FormState } from '@/lib/validation/form-state';

export type HandoverPanelProps = {
  handover: {
    assignmentId: string;
    handedOverAt: Date;
    outgoing: { name: string; rank: string | null } | null;
    note: string;
    actions: {
      id: string;
      description: string;
      strand: Strand;
      status: ActionStatus;
      dueOn: Date | null;
      ownerUser: { name: string; rank: string | null; organisationName: string } | null;
      ownerOrganisation: { name: string } | null;
      ownerContactName: string | null;
    }[];
    openActionCount: number;
    flags: readonly ComplianceFlag[];
  };
  acknowledge: (state: FormState, formData: FormData) => Promise<FormState>;
};

const person = (p: { name: string; rank: string | null }) => [p.rank, p.name].filter(Boolean).join(' ');

/** "Handed over to you by DI Sam Ashworth on 3 March 2026". */
export function handoverHeading(outgoing: { name: string; rank: string | null } | null, handedOverAt: Date): string {
  return `Handed over to you${outgoing ? ` by ${person(outgoing)}` : ''} on ${formatDate(handedOverAt)}`;
}

/**
 * What the incoming LRO of a threat inherits (issue 5, item 3), at the top of the threat page
 * until they select "I have read the handover": who handed it over and when, the note, the open
 * actions of the live plan and the threat's flags. A GOV.UK notification banner (a region named
 * by its title), since it asks something of the reader.
 */
export function HandoverPanel({ handover, acknowledge }: HandoverPanelProps) {
  const { actions, openActionCount, flags } = handover;
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="handover-title" data-module="govuk-notification-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="handover-title">
          Handover
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{handoverHeading(handover.outgoing, handover.handedOverAt)}</p>

        <h3 className="govuk-heading-s">Handover note</h3>
        <div className="govuk-inset-text govuk-!-margin-top-0" data-testid="handover-note">
          <MultilineText text={handover.note} />
        </div>

        <h3 className="govuk-heading-s">Open actions you inherit</h3>
        {actions.length ? (
          <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Open actions you inherit">
            <Table
              caption={openActionCount > actions.length ? `The first ${actions.length} of ${openActionCount} open actions, soonest due first` : 'Open actions, soonest due first'}
              captionSize="s"
              head={[{ text: 'Action' }, { text: 'Strand' }, { text: 'Status' }, { text: 'Due' }, { text: 'Owner' }]}
              rows={actions.map((a) => ({
                key: a.id,
                cells: [a.description, STRAND_LABELS[a.strand], ACTION_STATUS_LABELS[a.status], a.dueOn ? formatDate(a.dueOn, 'short') : 'No due date', ownerText(a)],
              }))}
            />
          </div>
        ) : (
          <p className="govuk-body">The threat has no open actions on a live plan.</p>
        )}

        <h3 className="govuk-heading-s">Flags you inherit</h3>
        <FlagList flags={flags} emptyText="The threat has no compliance flags." />

        <p className="govuk-body">This stays at the top of the threat until you say you have read it. The note stays in the threat&apos;s LRO history.</p>
        <AcknowledgeHandoverButton assignmentId={handover.assignmentId} acknowledge={acknowledge} />
      </div>
    </div>
  );
}
