import { describe, expect, it } from 'vitest';
import { defaultLroSortOrder, LRO_SORT_KEYS, lroRegisterHref, lroRegisterQuerySchema } from './lro-register';

describe('lroRegisterQuerySchema', () => {
  it('defaults to every officer by name, A to Z, page 1', () => {
    expect(lroRegisterQuerySchema.parse({})).toEqual({ sort: 'name', order: 'asc', page: 1 });
  });

  it('reads the filters, sort and page', () => {
    expect(
      lroRegisterQuerySchema.parse({ q: ' Ash ', organisation: 'org_1', training: 'untrained', caseload: 'over', sort: 'caseload', page: '3' }),
    ).toEqual({ q: 'Ash', organisation: 'org_1', training: 'untrained', caseload: 'over', sort: 'caseload', order: 'desc', page: 3 });
  });

  it('drops what makes no sense instead of failing', () => {
    expect(lroRegisterQuerySchema.parse({ training: 'maybe', caseload: 'lots', sort: 'height', order: 'up', page: '-2', organisation: "x' OR 1=1", q: '' })).toEqual({
      sort: 'name',
      order: 'asc',
      page: 1,
    });
  });

  it('takes the first of repeated parameters', () => {
    expect(lroRegisterQuerySchema.parse({ training: ['trained', 'untrained'] }).training).toBe('trained');
  });
});

describe('defaultLroSortOrder', () => {
  it.each(LRO_SORT_KEYS.map((key) => [key, key === 'caseload' ? 'desc' : 'asc']))('%s -> %s', (key, order) => {
    expect(defaultLroSortOrder(key)).toBe(order);
  });
});

describe('lroRegisterHref', () => {
  it('leaves defaults out, so each view has one address', () => {
    expect(lroRegisterHref()).toBe('/lros');
    expect(lroRegisterHref({ sort: 'name', order: 'asc', page: 1 })).toBe('/lros');
    expect(lroRegisterHref({ sort: 'caseload', order: 'desc' })).toBe('/lros?sort=caseload');
    expect(lroRegisterHref({ sort: 'caseload', order: 'asc' })).toBe('/lros?sort=caseload&order=asc');
  });

  it('keeps the filters and the page, encoded', () => {
    expect(lroRegisterHref({ organisation: 'o1', caseload: 'holding', training: 'expiring' })).toBe('/lros?organisation=o1&training=expiring&caseload=holding');
    expect(lroRegisterHref({ q: 'a&b', page: 2 })).toBe('/lros?q=a%26b&page=2');
  });

  it('round-trips through the query schema', () => {
    const query = lroRegisterQuerySchema.parse({ organisation: 'o1', training: 'untrained', sort: 'training', order: 'desc', page: '2' });
    const params = Object.fromEntries(new URL(lroRegisterHref(query), 'http://x').searchParams);
    expect(lroRegisterQuerySchema.parse(params)).toEqual(query);
  });
});
