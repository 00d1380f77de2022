import { describe, expect, it, vi } from 'vitest';
import { applyServerErrors } from './apply-server-errors';

describe('applyServerErrors', () => {
  it('puts each field’s first message on the field', () => {
    const setError = vi.fn();
    const applied = applyServerErrors(
      { status: 'error', message: 'There is a problem', fieldErrors: { name: ['Enter the name', 'Too long'], 'dueDate.day': ['Enter a day'] } },
      setError,
    );
    expect(applied).toBe(true);
    expect(setError.mock.calls).toEqual([
      ['name', { type: 'server', message: 'Enter the name' }],
      ['dueDate.day', { type: 'server', message: 'Enter a day' }],
    ]);
  });

  it('puts a whole-form problem on root.server', () => {
    const setError = vi.fn();
    applyServerErrors({ status: 'error', message: 'There is a problem', fieldErrors: { _form: ['Changed by someone else'] } }, setError);
    expect(setError.mock.calls).toEqual([['root.server', { type: 'server', message: 'Changed by someone else' }]]);
  });

  it('shows the message when there are no field errors', () => {
    const setError = vi.fn();
    applyServerErrors({ status: 'error', message: 'Your session has ended. Sign in again.', fieldErrors: {} }, setError);
    expect(setError.mock.calls).toEqual([['root.server', { type: 'server', message: 'Your session has ended. Sign in again.' }]]);
  });

  it('does nothing unless the state is an error', () => {
    const setError = vi.fn();
    expect(applyServerErrors({ status: 'success' }, setError)).toBe(false);
    expect(applyServerErrors({ status: 'idle' }, setError)).toBe(false);
    expect(setError).not.toHaveBeenCalled();
  });
});
