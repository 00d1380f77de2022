import Link from 'next/link';
import { STRAND_LABELS, type Strand } from '@/lib/domain/vocabulary';
import { MultilineText } from './multiline-text';
import { PlanActionsTable, type PlanActionItem } from './plan-actions-table';

export type PlanObjectiveItem = { id: string; strand: Strand; title: string; successMeasure: string };

/** What each strand is for, in the words of the national SOC strategy's 4P framework. */
export const STRAND_PURPOSES: Record<Strand, string> = {
  PURSUE: 'Prosecute and disrupt the people engaged in this serious and organised crime.',
  PREVENT: 'Prevent people from engaging in this serious and organised crime.',
  PROTECT: 'Increase protection against this serious and organised crime.',
  PREPARE: 'Reduce the impact of this criminality where it takes place.',
};

type StrandSectionProps = {
  threatId: string;
  strand: Strand;
  objectives: PlanObjectiveItem[];
  /** This strand's actions; those whose objective is not listed show under "no objective". */
  actions: PlanActionItem[];
  canEdit: boolean;
  today: string;
};

/** One strand of the 4P plan: its objectives, each with its success measure and actions. */
export function StrandSection({ threatId, strand, objectives, actions, canEdit, today }: StrandSectionProps) {
  const label = STRAND_LABELS[strand];
  const headingId = `strand-${strand.toLowerCase()}`;
  const objectiveIds = new Set(objectives.map((o) => o.id));
  const loose = actions.filter((a) => !a.objectiveId || !objectiveIds.has(a.objectiveId));
  const base = `/threats/${threatId}/plan`;

  return (
    <section className="app-plan-strand" aria-labelledby={headingId}>
      <h2 className="govuk-heading-l govuk-!-margin-bottom-2" id={headingId}>
        {label}
      </h2>
      <p className="govuk-body-l govuk-!-margin-bottom-4">{STRAND_PURPOSES[strand]}</p>

      {objectives.length === 0 ? <p className="govuk-body">No {label} objective has been set.</p> : null}

      {objectives.map((objective, index) => {
        const objectiveActions = actions.filter((a) => a.objectiveId === objective.id);
        return (
          <div className="app-plan-objective govuk-!-margin-bottom-6" key={objective.id}>
            <h3 className="govuk-heading-m govuk-!-margin-bottom-2">
              <span className="govuk-caption-m">
                {label} objective {index + 1}
              </span>
              {objective.title}
            </h3>
            <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-2">
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Success measure</dt>
                <dd className="govuk-summary-list__value">
                  <MultilineText text={objective.successMeasure} className="govuk-body govuk-!-margin-bottom-0" />
                </dd>
              </div>
            </dl>
            {objectiveActions.length ? (
              <PlanActionsTable threatId={threatId} caption={`Actions for this objective (${objectiveActions.length})`} actions={objectiveActions} today={today} />
            ) : (
              <p className="govuk-body">No actions yet.</p>
            )}
            {canEdit ? (
              <ul className="govuk-list app-no-print">
                <li>
                  <Link className="govuk-link" href={`${base}/actions/new?strand=${strand}&objectiveId=${objective.id}`} prefetch={false}>
                    Add action<span className="govuk-visually-hidden"> to {label} objective {index + 1}</span>
                  </Link>
                </li>
                <li>
                  <Link className="govuk-link" href={`${base}/objectives/${objective.id}/edit`} prefetch={false}>
                    Change objective<span className="govuk-visually-hidden"> {label} {index + 1}</span>
                  </Link>
                </li>
              </ul>
            ) : null}
          </div>
        );
      })}

      {loose.length ? (
        <div className="app-plan-objective govuk-!-margin-bottom-6">
          <h3 className="govuk-heading-m">{label} actions with no objective</h3>
          <PlanActionsTable threatId={threatId} caption={`${label} actions with no objective (${loose.length})`} actions={loose} today={today} />
        </div>
      ) : null}

      {canEdit ? (
        <p className="govuk-body app-no-print">
          <Link className="govuk-link" href={`${base}/objectives/new?strand=${strand}`} prefetch={false}>
            Add a {label} objective
          </Link>
        </p>
      ) : null}
      <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
    </section>
  );
}
