import { describe, expect, it } from 'vitest';
import type { FieldErrors } from 'react-hook-form';
import { errorSummaryItems } from './error-summary-items';

describe('errorSummaryItems', () => {
  it('links each error to its field, nested names included, and leaves root errors out', () => {
    const errors = {
      name: { type: 'too_small', message: 'Enter the threat name' },
      dueDate: { month: { type: 'custom', message: 'Due date must include a month' } },
      reviewDate: { type: 'custom', message: 'Enter the review date' },
      actions: [undefined, { owner: { type: 'custom', message: 'Choose an owner' } }],
      root: { server: { type: 'server', message: 'The plan was changed by someone else' } },
    } as unknown as FieldErrors;
    expect(errorSummaryItems(errors)).toEqual([
      { href: '#name', text: 'Enter the threat name' },
      { href: '#dueDate-month', text: 'Due date must include a month' },
      { href: '#reviewDate', text: 'Enter the review date' },
      { href: '#actions-1-owner', text: 'Choose an owner' },
    ]);
  });

  it('gives nothing for no errors', () => {
    expect(errorSummaryItems({})).toEqual([]);
  });
});
