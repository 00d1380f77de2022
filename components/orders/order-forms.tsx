'use client';

import Link from 'next/link';
import { FormProvider } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { useServerForm } from '@/components/forms/use-server-form';
import { emptyDateParts, toDateParts } from '@/lib/validation/date-parts';
import type { FormState } from '@/lib/validation/form-state';
import { createOrderSchema, editOrderSchema, type CreateOrderInput, type EditOrderInput } from '@/lib/validation/orders';
import type { OrderKind } from '@/lib/domain/vocabulary';
import { OrderFields, type OrderFieldOptions } from './order-fields';

export type CreateOrderFormProps = OrderFieldOptions & {
  /** Preset: the user's own organisation, or the threat the page was opened from. */
  organisationId?: string;
  threatUrn?: string;
  cancelHref: string;
  save: (input: CreateOrderInput) => Promise<FormState<{ orderId: string }>>;
};

/** Adding an order to the register, validated in the browser and again by the action. */
export function CreateOrderForm({ organisationId, threatUrn, cancelHref, save, ...options }: CreateOrderFormProps) {
  const { form, onSubmit } = useServerForm({
    schema: createOrderSchema,
    defaultValues: {
      subjectName: '',
      threatUrn: threatUrn ?? '',
      organisationId: organisationId ?? '',
      madeOn: { ...emptyDateParts },
      startsOn: { ...emptyDateParts },
      expiresOn: { ...emptyDateParts },
      conditions: '',
      managingTeam: '',
      managingOfficerId: '',
    },
    save,
    successHref: (data) => `/orders/${data?.orderId ?? ''}?saved=added`,
  });
  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <OrderFields {...options} />
        <div className="govuk-button-group">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Add order
          </Button>
          <Link className="govuk-link" href={cancelHref}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}

/** The order as it was when the change page was opened: its version guards against lost updates. */
export type OrderFormValues = {
  orderId: string;
  version: number;
  kind: OrderKind;
  subjectName: string;
  threatUrn: string;
  organisationId: string;
  /** ISO dates (yyyy-mm-dd). */
  madeOn: string;
  startsOn: string;
  expiresOn: string | null;
  conditions: string;
  managingTeam: string;
  managingOfficerId: string;
};

export type EditOrderFormProps = OrderFieldOptions & {
  order: OrderFormValues;
  save: (input: EditOrderInput) => Promise<FormState<{ version: number }>>;
};

/** Changing an order's details; a save from an old version is refused, naming who changed it. */
export function EditOrderForm({ order, save, ...options }: EditOrderFormProps) {
  const { form, onSubmit } = useServerForm({
    schema: editOrderSchema,
    defaultValues: {
      ...order,
      madeOn: toDateParts(order.madeOn),
      startsOn: toDateParts(order.startsOn),
      expiresOn: toDateParts(order.expiresOn),
    },
    save,
    successHref: () => `/orders/${order.orderId}?saved=details`,
  });
  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <OrderFields {...options} />
        <div className="govuk-button-group">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Save order
          </Button>
          <Link className="govuk-link" href={`/orders/${order.orderId}`}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
