import { describe, expect, it } from 'vitest';
import { settingHint, sourceText } from './setting-hint';

describe('settingHint', () => {
  it.each([
    [
      'inherited from a parent',
      { value: 28, source: { kind: 'inherited', organisationName: 'Yorkshire and the Humber' }, inherited: { value: 28, source: { kind: 'inherited', organisationName: 'Yorkshire and the Humber' } } },
      'Leave empty to use 28, inherited from Yorkshire and the Humber',
    ],
    ['the default', { value: 30, source: { kind: 'default' }, inherited: { value: 30, source: { kind: 'default' } } }, 'Leave empty to use 30, the Quadrant default'],
    ['set here over the default', { value: 20, source: { kind: 'own' }, inherited: { value: 30, source: { kind: 'default' } } }, '20 is set here. Leave empty to use 30, the Quadrant default'],
    [
      'set here over a parent',
      { value: 10, source: { kind: 'own' }, inherited: { value: 20, source: { kind: 'inherited', organisationName: 'West Yorkshire Police' } } },
      '10 is set here. Leave empty to use 20, inherited from West Yorkshire Police',
    ],
  ] as const)('%s', (_name, threshold, expected) => {
    expect(settingHint(threshold)).toBe(expected);
  });

  it('names each source', () => {
    expect(sourceText({ kind: 'own' })).toBe('set here');
    expect(sourceText({ kind: 'default' })).toBe('the Quadrant default');
    expect(sourceText({ kind: 'inherited', organisationName: 'HMRC' })).toBe('inherited from HMRC');
  });
});
