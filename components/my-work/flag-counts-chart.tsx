import { FLAG_LABELS } from '@/lib/domain/compliance/flags';
import type { FlagCountItem } from './flag-counts';

const WIDTH = 400;
const HEIGHT = 18;
// GOV.UK red; GOV.UK yellow with a dark outline, so a warning bar stands out from the white page.
const ALERT_FILL = '#ca3535';
const WARNING_FILL = '#ffdd00';
const OUTLINE = '#0b0c0c';

/** One stacked bar: alerts, then warnings, scaled to the largest total. */
function Bar({ alerts, warnings, max }: { alerts: number; warnings: number; max: number }) {
  const alertWidth = max ? (WIDTH * alerts) / max : 0;
  const warningWidth = max ? (WIDTH * warnings) / max : 0;
  // SVG attributes, not inline styles: the Content Security Policy allows no inline styles.
  return (
    <svg width="100%" height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {alertWidth > 0 ? <rect x="0" y="1" width={alertWidth} height={HEIGHT - 2} fill={ALERT_FILL} stroke={OUTLINE} strokeWidth="1" /> : null}
      {warningWidth > 0 ? <rect x={alertWidth} y="1" width={warningWidth} height={HEIGHT - 2} fill={WARNING_FILL} stroke={OUTLINE} strokeWidth="1" /> : null}
    </svg>
  );
}

/**
 * Flags by kind as a horizontal bar chart, most first: a picture for those who read one at a
 * glance. It is hidden from screen readers, and the words beside each bar carry its numbers; the
 * table after it holds the same figures, with links to the records.
 */
export function FlagCountsChart({ counts, title }: { counts: readonly FlagCountItem[]; title: string }) {
  const rows = counts.filter((c) => c.alerts + c.warnings > 0).sort((a, b) => b.alerts + b.warnings - (a.alerts + a.warnings) || b.alerts - a.alerts);
  if (rows.length === 0) return null;
  const max = Math.max(...rows.map((r) => r.alerts + r.warnings));
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-6" aria-hidden="true" data-testid="flag-chart">
      <figcaption className="govuk-body govuk-!-font-weight-bold">{title}</figcaption>
      <p className="govuk-body-s">
        <svg width="14" height="14" viewBox="0 0 14 14" focusable="false">
          <rect x="0.5" y="0.5" width="13" height="13" fill={ALERT_FILL} stroke={OUTLINE} />
        </svg>{' '}
        Alerts{' '}
        <svg width="14" height="14" viewBox="0 0 14 14" focusable="false" className="govuk-!-margin-left-3">
          <rect x="0.5" y="0.5" width="13" height="13" fill={WARNING_FILL} stroke={OUTLINE} />
        </svg>{' '}
        Warnings
      </p>
      <dl className="govuk-!-margin-0">
        {rows.map((row) => (
          <div key={row.code} className="govuk-!-margin-bottom-3">
            <dt className="govuk-body-s govuk-!-margin-bottom-1">
              <span className="govuk-!-font-weight-bold">{FLAG_LABELS[row.code]}</span>: {row.alerts ? `${row.alerts} ${row.alerts === 1 ? 'alert' : 'alerts'}` : null}
              {row.alerts && row.warnings ? ', ' : null}
              {row.warnings ? `${row.warnings} ${row.warnings === 1 ? 'warning' : 'warnings'}` : null}
            </dt>
            <dd className="govuk-!-margin-0">
              <Bar alerts={row.alerts} warnings={row.warnings} max={max} />
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}
