import { describe, expect, it } from 'vitest';
import { LOOK_OUT_FOR_MAX, updateThreatSchema } from './threat';

const base = { threatId: 't1', version: 1, name: 'Granite Wren', type: 'OCG', tier: '3', areas: ['DRUGS'], status: 'ACTIVE' };

describe('updateThreatSchema: what frontline officers should look out for', () => {
  it('is optional, trimmed, and may be cleared', () => {
    expect(updateThreatSchema.parse(base).lookOutFor).toBeUndefined();
    expect(updateThreatSchema.parse({ ...base, lookOutFor: '  Silver vans at the retail park  ' }).lookOutFor).toBe('Silver vans at the retail park');
    expect(updateThreatSchema.parse({ ...base, lookOutFor: '' }).lookOutFor).toBe('');
  });

  it(`is at most ${LOOK_OUT_FOR_MAX} characters`, () => {
    expect(updateThreatSchema.safeParse({ ...base, lookOutFor: 'x'.repeat(LOOK_OUT_FOR_MAX) }).success).toBe(true);
    const result = updateThreatSchema.safeParse({ ...base, lookOutFor: 'x'.repeat(LOOK_OUT_FOR_MAX + 1) });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['lookOutFor', `What frontline officers should look out for must be ${LOOK_OUT_FOR_MAX} characters or fewer`],
    ]);
  });
});
