'use client';

import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { DateInput } from '@/components/forms/date-input';
import { Radios } from '@/components/forms/radios';
import { Select, type SelectOption } from '@/components/forms/select';
import { TextInput } from '@/components/forms/text-input';
import { Textarea } from '@/components/forms/textarea';
import { STRANDS, STRAND_LABELS, type Strand } from '@/lib/domain/vocabulary';

export type ObjectiveOption = { id: string; strand: Strand; title: string };

/** The choices an action's form offers, as plain objects from the page. */
export type ActionFieldOptions = {
  objectives: ObjectiveOption[];
  users: SelectOption[];
  partnerOrganisations: SelectOption[];
  /** e.g. 'For example, 27 3 2027': a date a little ahead of today, worked out by the page. */
  dueDateHint: string;
};

/**
 * The fields of an action (strand, objective, description, owner, due date), shared by the add
 * and edit forms. The objective list follows the chosen strand; an objective of another strand is
 * cleared when the strand changes.
 */
export function ActionFields({ objectives, users, partnerOrganisations, dueDateHint }: ActionFieldOptions) {
  const { control, getValues, setValue } = useFormContext();
  const strand = useWatch({ control, name: 'strand' }) as Strand | undefined;
  const strandObjectives = objectives.filter((o) => o.strand === strand);

  useEffect(() => {
    const chosen = getValues('objectiveId') as string | undefined;
    if (chosen && !objectives.some((o) => o.id === chosen && o.strand === strand)) setValue('objectiveId', '');
  }, [strand, objectives, getValues, setValue]);

  return (
    <>
      <Radios
        name="strand"
        legend="Strand"
        legendClassName="govuk-fieldset__legend--m"
        items={STRANDS.map((s) => ({ value: s, text: STRAND_LABELS[s] }))}
      />
      <Select
        name="objectiveId"
        label="Objective (optional)"
        labelClassName="govuk-label--m"
        hint={strand ? 'The objective of this strand that the action works towards' : 'Choose the strand first'}
        placeholder={strandObjectives.length ? 'Not linked to an objective' : 'No objectives in this strand'}
        options={strandObjectives.map((o) => ({ value: o.id, text: o.title }))}
        className="govuk-!-width-full"
      />
      <Textarea
        name="description"
        label="Description"
        labelClassName="govuk-label--m"
        hint="What will be done, specific enough that anyone can tell when it is complete"
        rows={4}
      />
      <Radios
        name="ownerKind"
        legend="Who owns this action?"
        legendClassName="govuk-fieldset__legend--m"
        items={[
          {
            value: 'USER',
            text: 'A person',
            hint: 'An officer, or a partner agency contact who uses Quadrant',
            conditional: (
              <Select name="ownerUserId" label="Person" placeholder="Choose a person" options={users} className="govuk-!-width-full" />
            ),
          },
          {
            value: 'ORGANISATION',
            text: 'A partner organisation',
            hint: 'A partner agency, with a named contact there',
            conditional: (
              <>
                <Select name="ownerOrganisationId" label="Partner organisation" placeholder="Choose an organisation" options={partnerOrganisations} />
                <TextInput
                  name="ownerContactName"
                  label="Name of the contact at the partner organisation"
                  hint="The person or team who will do this"
                  className="govuk-!-width-two-thirds"
                  autoComplete="off"
                  spellCheck={false}
                />
              </>
            ),
          },
        ]}
      />
      <DateInput name="dueDate" legend="Due date" legendClassName="govuk-fieldset__legend--m" hint={dueDateHint} />
    </>
  );
}
