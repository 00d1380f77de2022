import { describe, expect, it } from 'vitest';
import { flagRecordsQuerySchema } from './flag-records';

const parse = (params: Record<string, string | string[]>) => flagRecordsQuerySchema.parse(params);

describe('flagRecordsQuerySchema', () => {
  it('reads the filters a count links with', () => {
    expect(parse({ code: 'ACTION_STALE', severity: 'warning', organisation: 'org_1', page: '2' })).toEqual({
      code: 'ACTION_STALE',
      severity: 'warning',
      organisation: 'org_1',
      page: 2,
    });
  });

  it('has no filters by default, on the first page', () => {
    expect(parse({})).toEqual({ page: 1 });
  });

  it.each([
    [{ code: 'NOT_A_FLAG' }],
    [{ severity: 'severe' }],
    [{ organisation: "x' OR 1=1" }],
    [{ page: '0' }],
    [{ code: '' }],
  ])('drops nonsense: %j', (params) => {
    expect(parse(params)).toEqual({ page: 1 });
  });

  it('reads `within`, an organisation and everything below it', () => {
    expect(parse({ code: 'ACTION_STALE', within: 'org_2' })).toEqual({ code: 'ACTION_STALE', within: 'org_2', page: 1 });
    expect(parse({ within: "x' OR 1=1" })).toEqual({ page: 1 });
  });

  it('takes the first of repeated parameters', () => {
    expect(parse({ code: ['THREAT_NO_LRO', 'ACTION_STALE'] }).code).toBe('THREAT_NO_LRO');
  });
});
