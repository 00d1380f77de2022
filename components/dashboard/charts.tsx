import type { ReactNode } from 'react';

// The dashboard's charts (issue 6 part 4): pictures for those who read one at a glance. Each is
// hidden from screen readers (aria-hidden); the words beside each bar carry its figures, and the
// table after each chart holds the same figures with links to the records. SVG presentation
// attributes only: the Content Security Policy allows no inline styles.

const WIDTH = 400;
const BAR = 18;
export const INK = '#0b0c0c';

/** GOV.UK colours, one per strand (and legend key). */
export const STRAND_FILLS = { PURSUE: '#1d70b8', PREVENT: '#00703c', PROTECT: '#f47738', PREPARE: '#4c2c92' } as const;

export type Segment = { value: number; fill: string };

/** A key of the legend: a coloured square and its name. */
export function LegendKey({ fill, children }: { fill: string; children: ReactNode }) {
  return (
    <span className="govuk-!-margin-right-3 govuk-!-display-inline-block">
      <svg width="14" height="14" viewBox="0 0 14 14" focusable="false">
        <rect x="0.5" y="0.5" width="13" height="13" fill={fill} stroke={INK} />
      </svg>{' '}
      {children}
    </span>
  );
}

/** A horizontal bar of segments scaled to `max`, with an optional reference line at `marker` (same scale). */
export function StackedBar({ segments, max, marker }: { segments: readonly Segment[]; max: number; marker?: number }) {
  const scale = (v: number) => (max > 0 ? (WIDTH * Math.max(0, v)) / max : 0);
  // Where each segment starts: the widths of those before it.
  const starts = segments.map((_, i) => segments.slice(0, i).reduce((sum, s) => sum + scale(s.value), 0));
  return (
    <svg width="100%" height={BAR + 6} viewBox={`0 0 ${WIDTH} ${BAR + 6}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect x="0" y="3" width={WIDTH} height={BAR} fill="#f3f2f1" />
      {segments.map((segment, i) => {
        const width = scale(segment.value);
        return width > 0 ? <rect key={i} x={starts[i]} y="3" width={width} height={BAR} fill={segment.fill} stroke={INK} strokeWidth="1" /> : null;
      })}
      {marker !== undefined ? <line x1={scale(marker)} x2={scale(marker)} y1="0" y2={BAR + 6} stroke={INK} strokeWidth="3" strokeDasharray="4 2" /> : null}
    </svg>
  );
}

export type BarItem = { key: string; label: ReactNode; segments: readonly Segment[] };

/**
 * A bar chart, one labelled bar per item, all scaled to `max`. `title` names it; `legend` and
 * `marker` (a reference line, e.g. the national average) are optional.
 */
export function BarChart({ title, items, max, legend, marker, testId }: { title: string; items: readonly BarItem[]; max: number; legend?: ReactNode; marker?: number; testId?: string }) {
  if (items.length === 0) return null;
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-6" aria-hidden="true" data-testid={testId}>
      <figcaption className="govuk-body govuk-!-font-weight-bold">{title}</figcaption>
      {legend ? <p className="govuk-body-s">{legend}</p> : null}
      <dl className="govuk-!-margin-0">
        {items.map((item) => (
          <div key={item.key} className="govuk-!-margin-bottom-3">
            <dt className="govuk-body-s govuk-!-margin-bottom-1">{item.label}</dt>
            <dd className="govuk-!-margin-0">
              <StackedBar segments={item.segments} max={max} marker={marker} />
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}

export type LineSeries = { name: string; colour: string; dash?: string; points: readonly (number | null)[] };

/**
 * A line chart over `labels` (days), each series on its own 0..max scale drawn in the same box;
 * the caption and the table after it say what the lines show.
 */
export function LineChart({ title, labels, series, max, summary, testId }: { title: string; labels: readonly string[]; series: readonly LineSeries[]; max: number; summary: ReactNode; testId?: string }) {
  if (labels.length === 0) return null;
  const height = 160;
  const pad = 8;
  const x = (i: number) => (labels.length === 1 ? WIDTH / 2 : pad + ((WIDTH - 2 * pad) * i) / (labels.length - 1));
  const y = (v: number) => height - pad - (max > 0 ? ((height - 2 * pad) * v) / max : 0);
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-6" aria-hidden="true" data-testid={testId}>
      <figcaption className="govuk-body govuk-!-font-weight-bold">{title}</figcaption>
      <p className="govuk-body-s">
        {series.map((s) => (
          <LegendKey key={s.name} fill={s.colour}>
            {s.name}
          </LegendKey>
        ))}
      </p>
      <svg width="100%" height={height} viewBox={`0 0 ${WIDTH} ${height}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect x="0" y="0" width={WIDTH} height={height} fill="#f3f2f1" />
        <line x1={pad} x2={WIDTH - pad} y1={y(0)} y2={y(0)} stroke={INK} strokeWidth="1" />
        {series.map((s) => {
          const points = s.points.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter((p): p is string => p !== null);
          return (
            <g key={s.name}>
              {points.length > 1 ? <polyline points={points.join(' ')} fill="none" stroke={s.colour} strokeWidth="3" strokeDasharray={s.dash} /> : null}
              {s.points.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r="3.5" fill={s.colour} stroke={INK} strokeWidth="1" />))}
            </g>
          );
        })}
      </svg>
      <p className="govuk-body-s">{summary}</p>
    </figure>
  );
}
