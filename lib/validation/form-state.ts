/**
 * What every server action returns to its form. On error, `values` is what was submitted, so the
 * form can keep it on screen: nothing typed is lost.
 */
export type FormState<T = unknown> =
  | { status: 'idle' }
  | { status: 'success'; message?: string; data?: T }
  | {
      status: 'error';
      code?: 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'VALIDATION' | 'UNAUTHENTICATED';
      message?: string;
      fieldErrors: Record<string, string[]>;
      values?: Record<string, unknown>;
    };

export const idleFormState: FormState = { status: 'idle' };
