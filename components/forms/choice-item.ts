import type { ReactNode } from 'react';

/** One radio or checkbox. `conditional` is shown under it while it is chosen (e.g. a follow-up field). */
export type ChoiceItem = {
  value: string;
  text: ReactNode;
  hint?: ReactNode;
  conditional?: ReactNode;
  disabled?: boolean;
};

/** GOV.UK's ids: the first item takes the field's id (so the error summary can link to it), the rest `${id}-2`, `${id}-3`… */
export function choiceItemId(id: string, index: number): string {
  return index === 0 ? id : `${id}-${index + 1}`;
}
