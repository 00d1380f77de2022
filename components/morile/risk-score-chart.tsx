import { RISK_SCORE_MAX, TIER_BANDS } from '@/lib/domain/morile';

export type RiskChartPoint = {
  id: string;
  /** The day assessed, as a date key (yyyy-mm-dd). */
  assessedOnKey: string;
  /** "3 Mar 2026": the label under the point. */
  assessedOnLabel: string;
  riskScore: number;
  tier: number;
  isModerated: boolean;
};

const WIDTH = 720;
const HEIGHT = 300;
const LEFT = 44;
const RIGHT = 76;
const TOP = 24;
const BOTTOM = 52;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
/** Room inside the plot either side, so the first and last points' labels clear the axes. */
const PAD = 36;
// GOV.UK colours: blue for the line, light grey for alternate tier bands, black for text and axes.
const BLUE = '#1d70b8';
const BAND_FILL = '#f3f2f1';
const TEXT = '#0b0c0c';
const MID_GREY = '#505a5f';
/** Points nearer than this (in chart units) share their date label with the one before. */
const LABEL_GAP = 96;

const y = (score: number) => TOP + PLOT_HEIGHT - (PLOT_HEIGHT * score) / RISK_SCORE_MAX;
const dayNumber = (key: string) => Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10))) / 86_400_000;

/**
 * The risk score of each assessment over time, oldest on the left, against the tier bands of the
 * score; each point is labelled with the tier its assessor gave, filled once moderated and hollow
 * while it awaits moderation. A picture for those who read one at a glance: it is hidden from
 * screen readers, and the history table after it holds the same figures. SVG attributes, not
 * inline styles: the Content Security Policy allows no inline styles.
 */
export function RiskScoreChart({ points }: { points: readonly RiskChartPoint[] }) {
  if (points.length === 0) return null;
  const oldestFirst = [...points].sort((a, b) => (a.assessedOnKey < b.assessedOnKey ? -1 : a.assessedOnKey > b.assessedOnKey ? 1 : 0));
  const first = dayNumber(oldestFirst[0]!.assessedOnKey);
  const last = dayNumber(oldestFirst[oldestFirst.length - 1]!.assessedOnKey);
  const span = last - first;
  // Points on one day are spread a little so that each shows.
  const inner = PLOT_WIDTH - 2 * PAD;
  const x = (key: string, index: number) =>
    LEFT + PAD + (span === 0 ? (oldestFirst.length === 1 ? inner / 2 : (inner * index) / (oldestFirst.length - 1)) : (inner * (dayNumber(key) - first)) / span);
  const placed = oldestFirst.map((point, index) => ({ ...point, cx: x(point.assessedOnKey, index), cy: y(point.riskScore) }));
  let lastLabelled = -Infinity;
  const labelled = new Set<string>();
  placed.forEach((point, index) => {
    const isLast = index === placed.length - 1;
    if (point.cx - lastLabelled >= LABEL_GAP || (isLast && placed.length > 1 && point.cx - lastLabelled >= LABEL_GAP / 2)) {
      labelled.add(point.id);
      lastLabelled = point.cx;
    }
  });

  return (
    <div className="govuk-grid-row">
      <figure className="govuk-grid-column-three-quarters-from-desktop govuk-!-margin-0 govuk-!-margin-bottom-6" data-testid="risk-score-chart">
        <figcaption className="govuk-body govuk-!-font-weight-bold">Risk score over time, with the tier of each assessment. The history table below gives the same figures.</figcaption>
        <p className="govuk-body-s" aria-hidden="true">
          <svg width="14" height="14" viewBox="0 0 14 14" focusable="false">
            <circle cx="7" cy="7" r="5.5" fill={BLUE} stroke={BLUE} strokeWidth="2" />
          </svg>{' '}
          Moderated{' '}
          <svg width="14" height="14" viewBox="0 0 14 14" focusable="false" className="govuk-!-margin-left-3">
            <circle cx="7" cy="7" r="5.5" fill="#ffffff" stroke={BLUE} strokeWidth="2" />
          </svg>{' '}
          Awaiting moderation
        </p>
        <svg width="100%" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false" fontFamily="arial, sans-serif" fontSize="13" fill={TEXT}>
          {TIER_BANDS.map((band, index) => {
            const top = y(band.high + (band.high === RISK_SCORE_MAX ? 0 : 0.5));
            const bottom = y(band.low - (band.low === 1 ? 1 : 0.5));
            return (
              <g key={band.tier}>
                <rect x={LEFT} y={top} width={PLOT_WIDTH} height={bottom - top} fill={index % 2 === 0 ? BAND_FILL : '#ffffff'} />
                <text x={LEFT + PLOT_WIDTH + 8} y={(top + bottom) / 2 + 4} fill={MID_GREY}>
                  Tier {band.tier} band
                </text>
              </g>
            );
          })}
          {[0, 5, 10, 15, 20, 25].map((tick) => (
            <g key={tick}>
              <line x1={LEFT - 4} x2={LEFT} y1={y(tick)} y2={y(tick)} stroke={TEXT} />
              <text x={LEFT - 8} y={y(tick) + 4} textAnchor="end">
                {tick}
              </text>
            </g>
          ))}
          <line x1={LEFT} x2={LEFT} y1={TOP} y2={TOP + PLOT_HEIGHT} stroke={TEXT} />
          <line x1={LEFT} x2={LEFT + PLOT_WIDTH} y1={TOP + PLOT_HEIGHT} y2={TOP + PLOT_HEIGHT} stroke={TEXT} />
          <text x={12} y={TOP + PLOT_HEIGHT / 2} textAnchor="middle" transform={`rotate(-90 12 ${TOP + PLOT_HEIGHT / 2})`}>
            Risk score
          </text>
          {placed.length > 1 ? <polyline points={placed.map((p) => `${p.cx},${p.cy}`).join(' ')} fill="none" stroke={BLUE} strokeWidth="3" /> : null}
          {placed.map((point) => (
            <g key={point.id}>
              <circle cx={point.cx} cy={point.cy} r="6" fill={point.isModerated ? BLUE : '#ffffff'} stroke={BLUE} strokeWidth="3" />
              <text x={point.cx} y={point.cy - 12} textAnchor="middle" fontWeight="bold">
                {point.riskScore} (T{point.tier})
              </text>
              {labelled.has(point.id) ? (
                <text x={point.cx} y={TOP + PLOT_HEIGHT + 20} textAnchor="middle">
                  {point.assessedOnLabel}
                </text>
              ) : null}
            </g>
          ))}
          <text x={LEFT + PLOT_WIDTH / 2} y={HEIGHT - 6} textAnchor="middle" fill={MID_GREY}>
            Date assessed
          </text>
        </svg>
      </figure>
    </div>
  );
}
