import { describe, expect, it } from 'vitest';
import { dueDateHint, isActionOverdue } from './overdue';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('isActionOverdue: open, and due before today in London', () => {
  it.each([
    ['due yesterday, open', day('2026-11-24'), 'IN_PROGRESS', new Date('2026-11-25T09:00:00Z'), true],
    ['due today, open', day('2026-11-25'), 'NOT_STARTED', new Date('2026-11-25T23:59:00Z'), false],
    ['due yesterday, complete', day('2026-11-24'), 'COMPLETE', new Date('2026-11-25T09:00:00Z'), false],
    ['due yesterday, cancelled', day('2026-11-24'), 'CANCELLED', new Date('2026-11-25T09:00:00Z'), false],
    ['due yesterday, blocked', day('2026-11-24'), 'BLOCKED', new Date('2026-11-25T09:00:00Z'), true],
    ['no due date', null, 'IN_PROGRESS', new Date('2026-11-25T09:00:00Z'), false],
    // British Summer Time: 23:30 UTC on 30 June is already 1 July in London.
    ['due 30 June, at 00:30 on 1 July in London (BST)', day('2026-06-30'), 'IN_PROGRESS', new Date('2026-06-30T23:30:00Z'), true],
    ['due 30 June, at 23:30 on 30 June in London (BST)', day('2026-06-30'), 'IN_PROGRESS', new Date('2026-06-30T22:30:00Z'), false],
  ] as const)('%s -> %s', (_case, dueOn, status, now, expected) => {
    expect(isActionOverdue({ dueOn, status }, now)).toBe(expected);
  });
});

describe('dueDateHint', () => {
  it('gives a date six weeks ahead in GOV.UK form, in London', () => {
    expect(dueDateHint(new Date('2026-11-25T12:00:00Z'))).toBe('For example, 6 1 2027');
    // The clocks go forward on 29 March 2026: 23:30 UTC on 14 Feb + 42 days is 28 March, 23:30 GMT.
    expect(dueDateHint(new Date('2026-02-14T23:30:00Z'))).toBe('For example, 28 3 2026');
  });
});
