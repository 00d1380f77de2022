import { describe, expect, it } from 'vitest';
import { datePartsSchema, toDateParts } from './date-parts';

const dueDate = datePartsSchema('due date');
const reviewDate = datePartsSchema('review date', { required: false });

function issues(result: ReturnType<typeof dueDate.safeParse>) {
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('datePartsSchema', () => {
  it.each([
    [{ day: '7', month: '3', year: '2027' }, '2027-03-07'],
    [{ day: '07', month: '03', year: '2027' }, '2027-03-07'],
    [{ day: ' 29 ', month: '2', year: '2028' }, '2028-02-29'],
  ])('turns %j into %s', (parts, iso) => {
    expect(dueDate.parse(parts)).toBe(iso);
  });

  it.each([
    [{ day: '', month: '', year: '' }, [['', 'Enter the due date']]],
    [undefined, [['', 'Enter the due date']]],
    [{ day: '1', month: '', year: '2027' }, [['month', 'Due date must include a month']]],
    [{ day: '', month: '', year: '2027' }, [['day', 'Due date must include a day and month']]],
    [{ day: '29', month: '2', year: '2027' }, [['', 'Due date must be a real date']]],
    [{ day: '1', month: '13', year: '2027' }, [['', 'Due date must be a real date']]],
    [{ day: '0', month: '1', year: '2027' }, [['', 'Due date must be a real date']]],
    [{ day: 'x', month: '1', year: '2027' }, [['', 'Due date must be a real date']]],
    [{ day: '1', month: '1', year: '27' }, [['year', 'Year must include 4 numbers']]],
  ])('reports %j', (parts, expected) => {
    expect(issues(dueDate.safeParse(parts))).toEqual(expected);
  });

  it('gives null for an optional date left empty, and still checks one filled in', () => {
    expect(reviewDate.parse({ day: '', month: '', year: '' })).toBeNull();
    expect(reviewDate.parse(undefined)).toBeNull();
    expect(reviewDate.safeParse({ day: '31', month: '4', year: '2027' }).success).toBe(false);
  });

  it('round-trips with toDateParts', () => {
    expect(dueDate.parse(toDateParts('2027-11-05'))).toBe('2027-11-05');
    expect(toDateParts('2027-11-05T10:00:00.000Z')).toEqual({ day: '5', month: '11', year: '2027' });
    expect(toDateParts(null)).toEqual({ day: '', month: '', year: '' });
  });
});
