import { describe, expect, it } from 'vitest';
import { flagSummaryHeading, severityBreakdown } from './flag-summary';

describe('flag summary wording', () => {
  it.each([
    [1, '1 flag needs attention'],
    [3, '3 flags need attention'],
  ])('%i flags: %s', (count, text) => {
    expect(flagSummaryHeading(count)).toBe(text);
  });

  it.each([
    [['alert'], '1 alert'],
    [['warning', 'warning'], '2 warnings'],
    [['alert', 'warning', 'alert'], '2 alerts and 1 warning'],
  ] as const)('%j reads "%s"', (severities, text) => {
    expect(severityBreakdown(severities.map((severity) => ({ severity })))).toBe(text);
  });
});
