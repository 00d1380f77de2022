import { describe, expect, it } from 'vitest';
import { FLAG_CODES } from '@/lib/domain/compliance/flags';
import { defaultSortOrder, threatRegisterQuerySchema, THREAT_SORT_KEYS } from './threat-register';

const parse = (params: Record<string, string | string[] | undefined>) => threatRegisterQuerySchema.parse(params);

describe('threatRegisterQuerySchema', () => {
  it('defaults to the first page sorted by URN, ascending, with no filters', () => {
    expect(parse({})).toEqual({ sort: 'urn', order: 'asc', page: 1 });
  });

  it.each(FLAG_CODES.map((code) => [code]))('accepts the flag filter %s', (code) => {
    expect(parse({ flag: code }).flag).toBe(code);
  });

  it.each([
    ['alert', 'alert'],
    ['any', 'any'],
    ['', undefined],
    ['NOT_A_FLAG', undefined],
    ['action_stale', undefined],
  ])('reads flag=%j as %j', (value, expected) => {
    expect(parse({ flag: value }).flag).toBe(expected);
  });

  it.each([
    ['  Smith ', 'Smith'],
    ['', undefined],
    ['   ', undefined],
    ['x'.repeat(101), undefined],
  ])('reads lroName=%j as %j', (value, expected) => {
    expect(parse({ lroName: value }).lroName).toBe(expected);
  });

  it('takes the first of repeated parameters', () => {
    expect(parse({ flag: ['ACTION_STALE', 'THREAT_NO_LRO'], sort: ['flags', 'urn'] })).toMatchObject({ flag: 'ACTION_STALE', sort: 'flags' });
  });

  it.each(THREAT_SORT_KEYS.map((key) => [key]))('accepts the sort key %s', (key) => {
    expect(parse({ sort: key }).sort).toBe(key);
  });

  it('sorts by flags most first unless told otherwise; every other column ascending', () => {
    expect(parse({ sort: 'flags' })).toMatchObject({ sort: 'flags', order: 'desc' });
    expect(parse({ sort: 'flags', order: 'asc' })).toMatchObject({ sort: 'flags', order: 'asc' });
    expect(parse({ sort: 'name' })).toMatchObject({ sort: 'name', order: 'asc' });
    expect(parse({ sort: 'name', order: 'desc' })).toMatchObject({ order: 'desc' });
    expect(defaultSortOrder('flags')).toBe('desc');
    expect(defaultSortOrder('tier')).toBe('asc');
  });

  it('drops nonsense rather than failing', () => {
    expect(parse({ sort: 'drop table', order: 'sideways', page: '-3', tier: 'nine', flag: 'x'.repeat(500), organisation: 'a b' })).toEqual({
      sort: 'urn',
      order: 'asc',
      page: 1,
    });
    expect(parse({ sort: 'flags', order: 'sideways' }).order).toBe('desc');
  });

  it('keeps the other filters beside a flag', () => {
    expect(parse({ flag: 'alert', tier: '2', status: 'ACTIVE', q: '  heron ', lro: 'none', page: '3' })).toEqual({
      flag: 'alert',
      tier: 2,
      status: 'ACTIVE',
      q: 'heron',
      lro: 'none',
      sort: 'urn',
      order: 'asc',
      page: 3,
    });
  });
});
