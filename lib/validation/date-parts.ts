import { z } from 'zod';

/**
 * A GOV.UK date input's value: three text fields, as typed (components/forms/date-input.tsx).
 * In a react-hook-form form the field `dueDate` holds `{ day, month, year }`.
 */
export type DateParts = { day: string; month: string; year: string };

export const emptyDateParts: DateParts = { day: '', month: '', year: '' };

/** The parts of an ISO date ('2025-03-07' or a full timestamp), for a form's default values. */
export function toDateParts(iso: string | null | undefined): DateParts {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!match) return { ...emptyDateParts };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const partsInput = z.object({
  day: z.string().trim().optional().default(''),
  month: z.string().trim().optional().default(''),
  year: z.string().trim().optional().default(''),
});

/**
 * Validates a date input and turns it into an ISO date 'YYYY-MM-DD', with GOV.UK's messages
 * (https://design-system.service.gov.uk/components/date-input/#error-messages). `label` is how
 * the sentence names the date, in lower case: 'due date' gives "Enter the due date", "Due date
 * must include a month", "Due date must be a real date". Not required and left empty: null.
 * A missing part is reported on that part's path (`dueDate.month`), so the error summary links
 * to that field; anything else on the date as a whole.
 */
export function datePartsSchema(label: string, { required = true }: { required?: boolean } = {}) {
  const Label = capitalise(label);
  // A date the form never sent counts as empty.
  return z.preprocess((value) => value ?? {}, partsInput).transform((parts, ctx): string | null => {
    const { day, month, year } = parts;
    const missing = (['day', 'month', 'year'] as const).filter((part) => parts[part] === '');
    if (missing.length === 3) {
      if (required) ctx.addIssue({ code: 'custom', message: `Enter the ${label}` });
      return required ? z.NEVER : null;
    }
    if (missing.length > 0) {
      const first = missing[0]!;
      const names = missing.join(' and ');
      ctx.addIssue({ code: 'custom', path: [first], message: `${Label} must include a ${names}` });
      return z.NEVER;
    }
    if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d+$/.test(year)) {
      ctx.addIssue({ code: 'custom', message: `${Label} must be a real date` });
      return z.NEVER;
    }
    if (year.length !== 4) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'Year must include 4 numbers' });
      return z.NEVER;
    }
    const d = Number(day);
    const m = Number(month);
    const y = Number(year);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (m < 1 || m > 12 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
      ctx.addIssue({ code: 'custom', message: `${Label} must be a real date` });
      return z.NEVER;
    }
    return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  });
}
