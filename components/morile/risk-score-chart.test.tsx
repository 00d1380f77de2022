import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RiskScoreChart, type RiskChartPoint } from './risk-score-chart';

const point = (id: string, key: string, riskScore: number, tier: number, isModerated = true): RiskChartPoint => ({
  id,
  assessedOnKey: key,
  assessedOnLabel: key,
  riskScore,
  tier,
  isModerated,
});

const circles = (html: string) => [...html.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="6" fill="([^"]+)"/g)].map((m) => ({ cx: Number(m[1]), cy: Number(m[2]), fill: m[3] }));

describe('RiskScoreChart', () => {
  it('draws nothing without assessments', () => {
    expect(renderToStaticMarkup(<RiskScoreChart points={[]} />)).toBe('');
  });

  it('uses attributes, never inline styles (the CSP allows none), and hides the picture from screen readers', () => {
    const html = renderToStaticMarkup(<RiskScoreChart points={[point('a', '2026-01-01', 12, 3), point('b', '2026-06-01', 20, 1, false)]} />);
    expect(html).not.toMatch(/style=/);
    expect(html).toMatch(/<svg width="100%"[^>]*aria-hidden="true"/);
    expect(html).toContain('The history table below gives the same figures.');
  });

  it('places points oldest first, in proportion to time, higher for a higher score; hollow while unmoderated', () => {
    const html = renderToStaticMarkup(
      <RiskScoreChart points={[point('c', '2026-12-31', 20, 1, false), point('a', '2026-01-01', 5, 4), point('b', '2026-07-02', 12, 3)]} />,
    );
    const [first, middle, last] = circles(html);
    expect(first!.cx).toBeLessThan(middle!.cx);
    expect(middle!.cx).toBeLessThan(last!.cx);
    // 2 July is halfway through the year: halfway across.
    expect(Math.abs(middle!.cx - (first!.cx + last!.cx) / 2)).toBeLessThan(1);
    expect(first!.cy).toBeGreaterThan(middle!.cy);
    expect(middle!.cy).toBeGreaterThan(last!.cy);
    expect([first!.fill, last!.fill]).toEqual(['#1d70b8', '#ffffff']);
    expect(html).toContain('20 (T1)');
    expect(html).toContain('5 (T4)');
  });

  it('labels the tier bands of the score', () => {
    const html = renderToStaticMarkup(<RiskScoreChart points={[point('a', '2026-01-01', 12, 3)]} />);
    for (const tier of [1, 2, 3, 4, 5]) expect(html).toContain(`Tier ${tier} band`);
  });

  it('spreads assessments of one day so that each shows', () => {
    const html = renderToStaticMarkup(<RiskScoreChart points={[point('a', '2026-01-01', 12, 3), point('b', '2026-01-01', 16, 2)]} />);
    const [a, b] = circles(html);
    expect(a!.cx).not.toBe(b!.cx);
  });
});
