import { describe, expect, it } from 'vitest';
import { paginationItems } from './pagination-items';

describe('paginationItems', () => {
  it.each([
    [1, 0, []],
    [1, 1, [1]],
    [1, 2, [1, 2]],
    [1, 5, [1, 2, 'ellipsis', 5]],
    [3, 5, [1, 2, 3, 4, 5]],
    [4, 7, [1, 2, 3, 4, 5, 6, 7]],
    [7, 42, [1, 'ellipsis', 6, 7, 8, 'ellipsis', 42]],
    [42, 42, [1, 'ellipsis', 41, 42]],
    [40, 42, [1, 'ellipsis', 39, 40, 41, 42]],
    // Out of range pages are pulled into range.
    [0, 3, [1, 2, 3]],
    [99, 3, [1, 2, 3]],
  ] as const)('page %i of %i', (page, pageCount, expected) => {
    expect(paginationItems(page, pageCount)).toEqual(expected);
  });

  it('never hides a single page behind an ellipsis', () => {
    for (let pageCount = 1; pageCount <= 30; pageCount++) {
      for (let page = 1; page <= pageCount; page++) {
        const items = paginationItems(page, pageCount);
        const shown = items.filter((item): item is number => item !== 'ellipsis');
        expect(shown[0]).toBe(1);
        expect(shown.at(-1)).toBe(pageCount);
        expect(shown).toContain(page);
        items.forEach((item, index) => {
          if (item !== 'ellipsis') return;
          const before = items[index - 1] as number;
          const after = items[index + 1] as number;
          expect(after - before).toBeGreaterThan(2);
        });
      }
    }
  });
});
