'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { applyServerErrors } from '@/components/forms/apply-server-errors';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Select, type SelectOption } from '@/components/forms/select';
import { Textarea } from '@/components/forms/textarea';
import { Button } from '@/components/ui/button';
import { WarningText } from '@/components/ui/warning-text';
import type { AssignmentWarning } from '@/lib/domain/lro';
import type { AssignLroResult, OfficerChoice } from '@/lib/services/assignments';
import type { FormState } from '@/lib/validation/form-state';
import { assignLroFormSchema, NO_OFFICER, type AssignLroInput } from '@/lib/validation/assignment';

export type AssignLroFormProps = {
  threatId: string;
  /** The threat's version when the page was opened: guards against lost updates. */
  version: number;
  leadResponsibleOfficerId: string | null;
  deputyId: string | null;
  /** The officers who may be chosen (and the current holders), with caseload and training. */
  officers: OfficerChoice[];
  /** The force or ROCU the officers come from, for the hint. */
  treeName: string;
  save: (input: AssignLroInput) => Promise<FormState<AssignLroResult>>;
};

type Choice = { lro: string; deputy: string };

function optionText(officer: OfficerChoice, role: 'LRO' | 'DEPUTY'): string {
  const who = [officer.name, officer.rank, officer.organisationName].filter(Boolean).join(', ');
  const current = officer.currentRole === role ? ` (current ${role === 'LRO' ? 'LRO' : 'deputy'})` : '';
  return `${who}${current} – ${officer.caseloadText} – ${officer.trainingText}`;
}

function optionsFor(officers: OfficerChoice[], role: 'LRO' | 'DEPUTY'): SelectOption[] {
  // Anyone who may be appointed, and whoever holds the role now (so that they can be kept).
  return [
    { value: NO_OFFICER, text: role === 'LRO' ? 'No LRO' : 'No deputy' },
    ...officers.filter((o) => o.isEligible || o.currentRole === role).map((o) => ({ value: o.id, text: optionText(o, role) })),
  ];
}

/**
 * Assigning or replacing a threat's LRO and deputy. Appointing an officer without LRO training,
 * or with a heavy caseload, is not refused: the server answers with warnings, shown here, and the
 * manager may assign anyway (the same choice is sent again with confirmWarnings).
 */
export function AssignLroForm({ threatId, version, leadResponsibleOfficerId, deputyId, officers, treeName, save }: AssignLroFormProps) {
  const router = useRouter();
  // Replacing the LRO the page was opened with is a handover, which needs a note.
  const [schema] = useState(() => assignLroFormSchema(leadResponsibleOfficerId));
  const form = useForm<AssignLroInput>({
    resolver: zodResolver(schema),
    defaultValues: {
      threatId,
      version,
      leadResponsibleOfficerId: leadResponsibleOfficerId ?? NO_OFFICER,
      deputyId: deputyId ?? NO_OFFICER,
      handoverNote: '',
    },
    shouldFocusError: false,
  });
  const [warned, setWarned] = useState<{ warnings: AssignmentWarning[]; choice: Choice } | null>(null);
  const [lro, deputy] = useWatch({ control: form.control, name: ['leadResponsibleOfficerId', 'deputyId'] });
  // The warnings were about this choice of officers; choosing someone else asks again.
  const confirming = warned !== null && warned.choice.lro === lro && warned.choice.deputy === deputy;
  const warningsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (warned) warningsRef.current?.focus();
  }, [warned]);

  async function onSubmit(input: AssignLroInput) {
    const state = await save({ ...input, confirmWarnings: confirming });
    if (state.status === 'success') {
      if (state.data?.outcome === 'warnings') {
        setWarned({ warnings: state.data.warnings, choice: { lro: input.leadResponsibleOfficerId, deputy: input.deputyId } });
        return;
      }
      router.push(state.data?.outcome === 'saved' ? `/threats/${threatId}?saved=lro` : `/threats/${threatId}`);
      router.refresh();
      return;
    }
    // Everything chosen and typed stays in the form (including after a version conflict).
    setWarned(null);
    applyServerErrors(state, form.setError);
  }

  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      {confirming ? (
        <div ref={warningsRef} tabIndex={-1} role="region" aria-labelledby="lro-warnings-heading">
          <h2 className="govuk-heading-m" id="lro-warnings-heading">
            Check before you assign
          </h2>
          {warned.warnings.map((warning) => (
            <WarningText key={`${warning.officerId} ${warning.role} ${warning.reason}`}>{warning.message}</WarningText>
          ))}
          <p className="govuk-body">You can still assign them. Choose another officer, or select ‘Assign anyway’.</p>
        </div>
      ) : null}
      <form noValidate onSubmit={form.handleSubmit(onSubmit)}>
        <Select
          name="leadResponsibleOfficerId"
          label="LRO"
          labelClassName="govuk-label--s"
          hint={`Officers with the LRO role in ${treeName} and below. Each shows the active threats they already hold as LRO and their LRO training.`}
          options={optionsFor(officers, 'LRO')}
          className="govuk-!-width-full"
        />
        <Select name="deputyId" label="Deputy" labelClassName="govuk-label--s" hint="The deputy must be a different officer from the LRO." options={optionsFor(officers, 'DEPUTY')} className="govuk-!-width-full" />
        <Textarea
          name="handoverNote"
          label={leadResponsibleOfficerId ? 'Handover note' : 'Handover note (optional)'}
          labelClassName="govuk-label--s"
          hint={
            leadResponsibleOfficerId
              ? 'Required if you change the LRO. The new LRO is shown it, with the open actions and flags they inherit, when they next open the threat. It is also kept in the history with the outgoing LRO (or the outgoing deputy, if only the deputy changes).'
              : 'Kept in the history with the outgoing deputy, if you replace or remove the deputy.'
          }
          rows={4}
        />
        <div className="govuk-button-group">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {confirming ? 'Assign anyway' : 'Save LRO and deputy'}
          </Button>
          <Link className="govuk-link" href={`/threats/${threatId}`}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
