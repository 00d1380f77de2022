import Link from 'next/link';
import type { ReactNode } from 'react';
import { BarChart, INK, LegendKey, LineChart, STRAND_FILLS, type BarItem } from './charts';
import { CountLink, percentText } from './count-link';
import { SummaryList } from '@/components/ui/summary-list';
import { Table, type TableCell } from '@/components/ui/table';
import { FLAG_CODES, FLAG_LABELS } from '@/lib/domain/compliance/flags';
import type { DashboardData, DashboardRow } from '@/lib/domain/dashboard';
import { DASHBOARD_METHODS, DASHBOARD_TITLES, type DashboardTableKey } from '@/lib/domain/dashboard-tables';
import { formatDate } from '@/lib/domain/dates';
import { CAPABILITY_NEEDED_LABELS, SHORTFALL_LABELS, STRAND_LABELS, STRANDS } from '@/lib/domain/vocabulary';
import {
  actionRecordsHref,
  dashboardExportHref,
  disruptionRecordsHref,
  flagRecordsHref,
  lroRecordsHref,
  planRecordsHref,
  unmetDemandRecordsHref,
  type RowPlace,
} from '@/lib/validation/dashboard';

// The dashboard's sections (issue 6 part 4): each a chart (a picture, hidden from screen readers,
// its figures in words) and its table, every number a link to the records behind it. The print
// view (/dashboard/print) renders the same sections `printable`: no links, no downloads.

export type SectionProps = {
  data: DashboardData;
  /** For paper: figures as plain text, no download links. */
  printable?: boolean;
  /** The period's month (yyyy-mm) for the download links (none printed). */
  yearEnding?: string;
  /** Whether the user may download (export:create): shows the CSV and XLSX links. */
  canExport?: boolean;
};

const ALERT_FILL = '#ca3535';
const WARNING_FILL = '#ffdd00';
const GREEN = '#00703c';
const GREY = '#b1b4b6';
const BLUE = '#1d70b8';

const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);

/** The rows a table lists: each organisation, then the scope's total. */
function rowsOf(data: DashboardData): { row: DashboardRow; place: RowPlace; label: string; isTotal: boolean }[] {
  return [
    ...data.organisations.map((row) => ({
      row,
      place: { organisationId: row.organisation.id, own: row.own },
      label: row.own ? `${row.organisation.name} (own records)` : row.organisation.name,
      isTotal: false,
    })),
    { row: data.total, place: { organisationId: data.scope.id }, label: `Total: all of ${data.scope.name}`, isTotal: true },
  ];
}

function Downloads({ table, yearEnding, canExport, printable }: { table: DashboardTableKey; yearEnding?: string; canExport?: boolean; printable?: boolean }) {
  if (!canExport || printable || !yearEnding) return null;
  return (
    <p className="govuk-body-s" data-testid={`downloads-${table}`}>
      <a className="govuk-link govuk-!-margin-right-4" href={dashboardExportHref(table, 'csv', yearEnding)} download>
        Download CSV<span className="govuk-visually-hidden">: {DASHBOARD_TITLES[table]}</span>
      </a>
      <a className="govuk-link" href={dashboardExportHref(table, 'xlsx', yearEnding)} download>
        Download XLSX<span className="govuk-visually-hidden">: {DASHBOARD_TITLES[table]}</span>
      </a>
    </p>
  );
}

function Section({ id, title, method, children }: { id: string; title: string; method?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="govuk-!-margin-bottom-9 app-dashboard__section" data-testid={`section-${id}`}>
      <h2 className="govuk-heading-m" id={`${id}-heading`}>
        {title}
      </h2>
      {method ? <p className="govuk-body">{method}</p> : null}
      {children}
    </section>
  );
}

function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

const numeric = (content: ReactNode, isTotal = false): TableCell => ({ content: isTotal ? <strong>{content}</strong> : content, isNumeric: true });
const header = (label: string, isTotal: boolean): TableCell => ({ content: label, isHeader: true, className: isTotal ? 'govuk-!-font-weight-bold' : undefined });

// --- Headline ------------------------------------------------------------------------------------

export function HeadlineSection({ data, printable }: SectionProps) {
  const t = data.total;
  const scope = { organisationId: data.scope.id };
  const alerts = t.flags.reduce((sum, f) => sum + f.alerts, 0);
  const warnings = t.flags.reduce((sum, f) => sum + f.warnings, 0);
  const diff = t.disruptions.percent === null ? null : Math.round((t.disruptions.percent - data.nationalPursuePercent) * 10) / 10;
  return (
    <Section id="headline" title={`${data.scope.name}: the headline`}>
      <SummaryList
        rows={[
          {
            key: 'Plans reviewed within cadence',
            value: (
              <span data-testid="headline-reviews">
                {percentText(t.reviews.percent)} (
                <CountLink count={t.reviews.reviewedInCadence} href={planRecordsHref(scope, 'within')} what="plans reviewed within cadence" printable={printable} /> of{' '}
                <CountLink count={t.reviews.activePlans} href={planRecordsHref(scope)} what="active plans" printable={printable} /> active plans)
              </span>
            ),
          },
          {
            key: 'Open flags',
            value: (
              <span data-testid="headline-flags">
                <CountLink count={alerts} href={flagRecordsHref(scope, { severity: 'alert' })} what={plural(alerts, 'alert')} printable={printable} /> {plural(alerts, 'alert')},{' '}
                <CountLink count={warnings} href={flagRecordsHref(scope, { severity: 'warning' })} what={plural(warnings, 'warning')} printable={printable} /> {plural(warnings, 'warning')}
              </span>
            ),
          },
          {
            key: 'Pursue share of disruptions',
            value: (
              <span data-testid="headline-pursue">
                {percentText(t.disruptions.percent)} (
                <CountLink count={t.disruptions.pursue} href={disruptionRecordsHref(scope, data.period, 'PURSUE')} what="Pursue lead disruptions" printable={printable} /> of{' '}
                <CountLink count={t.disruptions.lead} href={disruptionRecordsHref(scope, data.period)} what="lead disruptions" printable={printable} /> lead disruptions),
                national average {data.nationalPursuePercent}%{diff === null ? '' : `: ${Math.abs(diff)} percentage points ${diff >= 0 ? 'above' : 'below'}`}
              </span>
            ),
          },
        ]}
      />
    </Section>
  );
}

// --- Reviews -------------------------------------------------------------------------------------

export function ReviewsSection({ data, printable, yearEnding, canExport }: SectionProps) {
  const rows = rowsOf(data);
  const items: BarItem[] = data.organisations.map((row) => ({
    key: row.organisation.id,
    label: `${row.own ? `${row.organisation.name} (own records)` : row.organisation.name}: ${percentText(row.reviews.percent)} (${row.reviews.reviewedInCadence} of ${row.reviews.activePlans})`,
    segments: [{ value: row.reviews.percent ?? 0, fill: GREEN }],
  }));
  return (
    <Section id="reviews" title={DASHBOARD_TITLES.reviews} method={DASHBOARD_METHODS.reviews}>
      <BarChart title="Plans reviewed within cadence, per cent, by organisation" items={items} max={100} testId="chart-reviews" />
      <ScrollTable label={`${DASHBOARD_TITLES.reviews} table`}>
        <Table
          caption={`${DASHBOARD_TITLES.reviews} by organisation`}
          captionSize="s"
          head={[{ text: 'Organisation' }, { text: 'Active plans', isNumeric: true }, { text: 'Reviewed within cadence', isNumeric: true }, { text: 'Not within cadence', isNumeric: true }, { text: 'Within cadence (%)', isNumeric: true }]}
          rows={rows.map(({ row, place, label, isTotal }) => ({
            key: isTotal ? 'total' : row.organisation.id,
            cells: [
              header(label, isTotal),
              numeric(<CountLink count={row.reviews.activePlans} href={planRecordsHref(place)} what={`active plans in ${label}`} printable={printable} />, isTotal),
              numeric(<CountLink count={row.reviews.reviewedInCadence} href={planRecordsHref(place, 'within')} what={`plans reviewed within cadence in ${label}`} printable={printable} />, isTotal),
              numeric(
                <CountLink count={row.reviews.activePlans - row.reviews.reviewedInCadence} href={planRecordsHref(place, 'outside')} what={`plans not reviewed within cadence in ${label}`} printable={printable} />,
                isTotal,
              ),
              numeric(percentText(row.reviews.percent), isTotal),
            ],
          }))}
        />
      </ScrollTable>
      <Downloads table="reviews" yearEnding={yearEnding} canExport={canExport} printable={printable} />
    </Section>
  );
}

// --- Flags ---------------------------------------------------------------------------------------

export function FlagsSection({ data, printable, yearEnding, canExport }: SectionProps) {
  const rows = rowsOf(data);
  const sum = (row: DashboardRow, key: 'alerts' | 'warnings') => row.flags.reduce((s, f) => s + f[key], 0);
  const max = Math.max(0, ...data.organisations.map((row) => sum(row, 'alerts') + sum(row, 'warnings')));
  const items: BarItem[] = data.organisations.map((row) => ({
    key: row.organisation.id,
    label: `${row.own ? `${row.organisation.name} (own records)` : row.organisation.name}: ${sum(row, 'alerts')} ${plural(sum(row, 'alerts'), 'alert')}, ${sum(row, 'warnings')} ${plural(sum(row, 'warnings'), 'warning')}`,
    segments: [
      { value: sum(row, 'alerts'), fill: ALERT_FILL },
      { value: sum(row, 'warnings'), fill: WARNING_FILL },
    ],
  }));
  // Transposed: one row per flag, one column per organisation (the organisations are fewer than the flags).
  const cell = (row: DashboardRow, place: RowPlace, label: string, code: (typeof FLAG_CODES)[number] | undefined, isTotal: boolean): TableCell => {
    const figure = code ? row.flags.find((f) => f.code === code)! : { alerts: sum(row, 'alerts'), warnings: sum(row, 'warnings') };
    const name = code ? FLAG_LABELS[code] : 'all flags';
    const content =
      figure.alerts + figure.warnings === 0 ? (
        '0'
      ) : (
        <>
          {figure.alerts ? (
            <span className="govuk-!-display-block">
              <CountLink count={figure.alerts} href={flagRecordsHref(place, { code, severity: 'alert' })} what={`${plural(figure.alerts, 'alert')}, ${name}, ${label}`} printable={printable} />{' '}
              {plural(figure.alerts, 'alert')}
            </span>
          ) : null}
          {figure.warnings ? (
            <span className="govuk-!-display-block">
              <CountLink count={figure.warnings} href={flagRecordsHref(place, { code, severity: 'warning' })} what={`${plural(figure.warnings, 'warning')}, ${name}, ${label}`} printable={printable} />{' '}
              {plural(figure.warnings, 'warning')}
            </span>
          ) : null}
        </>
      );
    return numeric(content, isTotal);
  };
  return (
    <Section id="flags" title={DASHBOARD_TITLES.flags} method={DASHBOARD_METHODS.flags}>
      <BarChart
        title="Flags by organisation"
        items={items}
        max={max}
        legend={
          <>
            <LegendKey fill={ALERT_FILL}>Alerts</LegendKey>
            <LegendKey fill={WARNING_FILL}>Warnings</LegendKey>
          </>
        }
        testId="chart-flags"
      />
      <ScrollTable label={`${DASHBOARD_TITLES.flags} table`}>
        <Table
          caption="Flags by kind (rows) and organisation (columns)"
          captionSize="s"
          head={[{ text: 'Flag' }, ...rows.map(({ label }) => ({ text: label, isNumeric: true }))]}
          rows={[
            ...FLAG_CODES.map((code) => ({
              key: code,
              cells: [{ content: FLAG_LABELS[code], isHeader: true } as TableCell, ...rows.map(({ row, place, label, isTotal }) => cell(row, place, label, code, isTotal))],
            })),
            {
              key: 'all',
              cells: [{ content: <strong>All flags</strong>, isHeader: true } as TableCell, ...rows.map(({ row, place, label }) => cell(row, place, label, undefined, true))],
            },
          ]}
        />
      </ScrollTable>
      <Downloads table="flags" yearEnding={yearEnding} canExport={canExport} printable={printable} />
    </Section>
  );
}

// --- 4P balance ----------------------------------------------------------------------------------

const strandLegend = (
  <>
    {STRANDS.map((s) => (
      <LegendKey key={s} fill={STRAND_FILLS[s]}>
        {STRAND_LABELS[s]}
      </LegendKey>
    ))}
  </>
);

export function BalanceSection({ data, printable, yearEnding, canExport }: SectionProps) {
  const rows = rowsOf(data);
  const items: BarItem[] = data.organisations.map((row) => ({
    key: row.organisation.id,
    label: `${row.own ? `${row.organisation.name} (own records)` : row.organisation.name}: ${
      row.balance.total === 0 ? 'no open actions' : STRANDS.map((s) => `${STRAND_LABELS[s]} ${percentText(row.balance.percents[s])}`).join(', ')
    }`,
    segments: STRANDS.map((s) => ({ value: row.balance.percents[s] ?? 0, fill: STRAND_FILLS[s] })),
  }));
  return (
    <Section id="balance" title={DASHBOARD_TITLES.balance} method={DASHBOARD_METHODS.balance}>
      <BarChart title="Open actions by strand, per cent of each organisation's open actions" items={items} max={100} legend={strandLegend} testId="chart-balance" />
      <ScrollTable label={`${DASHBOARD_TITLES.balance} table`}>
        <Table
          caption={`${DASHBOARD_TITLES.balance} by organisation: count (per cent)`}
          captionSize="s"
          head={[{ text: 'Organisation' }, ...STRANDS.map((s) => ({ text: STRAND_LABELS[s], isNumeric: true })), { text: 'Open actions', isNumeric: true }]}
          rows={rows.map(({ row, place, label, isTotal }) => ({
            key: isTotal ? 'total' : row.organisation.id,
            cells: [
              header(label, isTotal),
              ...STRANDS.map((s) =>
                numeric(
                  <>
                    <CountLink count={row.balance.counts[s]} href={actionRecordsHref(place, s)} what={`open ${STRAND_LABELS[s]} actions in ${label}`} printable={printable} />
                    {row.balance.total ? ` (${percentText(row.balance.percents[s])})` : ''}
                  </>,
                  isTotal,
                ),
              ),
              numeric(<CountLink count={row.balance.total} href={actionRecordsHref(place)} what={`open actions in ${label}`} printable={printable} />, isTotal),
            ],
          }))}
        />
      </ScrollTable>
      <Downloads table="balance" yearEnding={yearEnding} canExport={canExport} printable={printable} />
    </Section>
  );
}

// --- Figure 1: Pursue share of disruptions -------------------------------------------------------

export function DisruptionsSection({ data, printable, yearEnding, canExport, canChangeAverage }: SectionProps & { canChangeAverage?: boolean }) {
  const rows = rowsOf(data);
  const average = data.nationalPursuePercent;
  const items: BarItem[] = data.organisations.map((row) => ({
    key: row.organisation.id,
    label: `${row.own ? `${row.organisation.name} (own records)` : row.organisation.name}: ${percentText(row.disruptions.percent)} Pursue (${row.disruptions.pursue} of ${row.disruptions.lead})`,
    segments: [{ value: row.disruptions.percent ?? 0, fill: BLUE }],
  }));
  const points = (percent: number | null) => (percent === null ? 'No figure' : `${Math.round((percent - average) * 10) / 10}`);
  return (
    <Section
      id="disruptions"
      title="Figure 1: share of Pursue among disruptions"
      method={
        <>
          Annex B method: lead disruptions only, assessed major, moderate or minor (not none or negative), dated within the {data.period.label} ({formatDate(new Date(`${data.period.from}T12:00:00Z`))} to{' '}
          {formatDate(new Date(`${data.period.to}T12:00:00Z`))}); Pursue as a percentage of them, against the national average of {average}%.
          {canChangeAverage && !printable ? (
            <>
              {' '}
              <Link className="govuk-link" href="/settings">
                Change the national average in the settings
              </Link>
              .
            </>
          ) : null}
        </>
      }
    >
      <BarChart
        title={`Pursue disruptions as a percentage of lead disruptions, ${data.period.label}; the dashed line is the national average (${average}%)`}
        items={items}
        max={100}
        marker={average}
        legend={
          <>
            <LegendKey fill={BLUE}>Pursue share</LegendKey>
            <span className="govuk-!-display-inline-block">
              <svg width="24" height="14" viewBox="0 0 24 14" focusable="false">
                <line x1="0" x2="24" y1="7" y2="7" stroke={INK} strokeWidth="3" strokeDasharray="4 2" />
              </svg>{' '}
              National average {average}%
            </span>
          </>
        }
        testId="chart-disruptions"
      />
      <ScrollTable label="Figure 1 table">
        <Table
          caption={`Share of Pursue among lead disruptions, ${data.period.label}`}
          captionSize="s"
          head={[
            { text: 'Organisation' },
            { text: 'Lead disruptions', isNumeric: true },
            { text: 'Pursue', isNumeric: true },
            { text: 'Pursue (%)', isNumeric: true },
            { text: 'National average (%)', isNumeric: true },
            { text: 'Difference (points)', isNumeric: true },
          ]}
          rows={rows.map(({ row, place, label, isTotal }) => ({
            key: isTotal ? 'total' : row.organisation.id,
            cells: [
              header(label, isTotal),
              numeric(<CountLink count={row.disruptions.lead} href={disruptionRecordsHref(place, data.period)} what={`lead disruptions in ${label}`} printable={printable} testId={`lead-${isTotal ? 'total' : row.organisation.id}`} />, isTotal),
              numeric(
                <CountLink
                  count={row.disruptions.pursue}
                  href={disruptionRecordsHref(place, data.period, 'PURSUE')}
                  what={`Pursue lead disruptions in ${label}`}
                  printable={printable}
                  testId={`pursue-${isTotal ? 'total' : row.organisation.id}`}
                />,
                isTotal,
              ),
              numeric(percentText(row.disruptions.percent), isTotal),
              numeric(`${average}%`, isTotal),
              numeric(points(row.disruptions.percent), isTotal),
            ],
          }))}
        />
      </ScrollTable>
      <Downloads table="disruptions" yearEnding={yearEnding} canExport={canExport} printable={printable} />
    </Section>
  );
}

// --- Unmet demand --------------------------------------------------------------------------------

export function UnmetDemandSection({ data, printable, yearEnding, canExport }: SectionProps) {
  const rows = rowsOf(data);
  const totalFigures = data.total.unmetDemand;
  const max = Math.max(0, ...totalFigures.map((f) => f.total));
  const items: BarItem[] = totalFigures.map((f) => ({
    key: `${f.shortfall}:${f.capabilityNeeded}`,
    label: `${SHORTFALL_LABELS[f.shortfall]}, ${CAPABILITY_NEEDED_LABELS[f.capabilityNeeded].toLowerCase()}: ${f.open} open of ${f.total} recorded`,
    segments: [
      { value: f.open, fill: ALERT_FILL },
      { value: f.total - f.open, fill: GREY },
    ],
  }));
  const tableRows = rows.flatMap(({ row, place, label, isTotal }) =>
    row.unmetDemand.map((f) => ({
      key: `${isTotal ? 'total' : row.organisation.id}:${f.shortfall}:${f.capabilityNeeded}`,
      cells: [
        header(label, isTotal),
        SHORTFALL_LABELS[f.shortfall],
        CAPABILITY_NEEDED_LABELS[f.capabilityNeeded],
        numeric(
          <CountLink count={f.open} href={unmetDemandRecordsHref(place, { shortfall: f.shortfall, capability: f.capabilityNeeded, open: true })} what={`open ${plural(f.open, 'record')} in ${label}`} printable={printable} />,
          isTotal,
        ),
        numeric(
          <CountLink count={f.total} href={unmetDemandRecordsHref(place, { shortfall: f.shortfall, capability: f.capabilityNeeded })} what={`${plural(f.total, 'record')} in ${label}`} printable={printable} />,
          isTotal,
        ),
      ] as TableCell[],
    })),
  );
  return (
    <Section id="unmet-demand" title={DASHBOARD_TITLES['unmet-demand']} method={DASHBOARD_METHODS['unmet-demand']}>
      {totalFigures.length === 0 ? (
        <p className="govuk-body">No unmet demand is recorded in {data.scope.name}.</p>
      ) : (
        <>
          <BarChart
            title={`Unmet demand in ${data.scope.name} by shortfall and capability needed`}
            items={items}
            max={max}
            legend={
              <>
                <LegendKey fill={ALERT_FILL}>Open</LegendKey>
                <LegendKey fill={GREY}>Resolved</LegendKey>
              </>
            }
            testId="chart-unmet-demand"
          />
          <ScrollTable label={`${DASHBOARD_TITLES['unmet-demand']} table`}>
            <Table
              caption="Unmet demand by organisation, shortfall and capability needed"
              captionSize="s"
              head={[{ text: 'Organisation' }, { text: 'Shortfall' }, { text: 'Capability needed' }, { text: 'Open', isNumeric: true }, { text: 'Recorded', isNumeric: true }]}
              rows={tableRows}
            />
          </ScrollTable>
        </>
      )}
      <Downloads table="unmet-demand" yearEnding={yearEnding} canExport={canExport} printable={printable} />
    </Section>
  );
}

// --- LRO caseload and training -------------------------------------------------------------------

export function CaseloadSection({ data, printable, yearEnding, canExport }: SectionProps) {
  const rows = rowsOf(data);
  const max = Math.max(0, ...data.organisations.map((row) => row.caseload.lros));
  const items: BarItem[] = data.organisations.map((row) => ({
    key: row.organisation.id,
    label: `${row.own ? `${row.organisation.name} (own records)` : row.organisation.name}: ${row.caseload.lros} ${plural(row.caseload.lros, 'LRO')}, ${row.caseload.trained} trained, ${row.caseload.untrained} not; average caseload ${row.caseload.averageCaseload ?? 'none'}`,
    segments: [
      { value: row.caseload.trained, fill: GREEN },
      { value: row.caseload.untrained, fill: ALERT_FILL },
    ],
  }));
  return (
    <Section id="caseload" title={DASHBOARD_TITLES.caseload} method={`${DASHBOARD_METHODS.caseload} LROs count where the officer belongs, which may differ from where their threats are.`}>
      <BarChart
        title="LROs leading live threats, trained and not, by organisation"
        items={items}
        max={max}
        legend={
          <>
            <LegendKey fill={GREEN}>Trained</LegendKey>
            <LegendKey fill={ALERT_FILL}>Not trained, or expired</LegendKey>
          </>
        }
        testId="chart-caseload"
      />
      <ScrollTable label={`${DASHBOARD_TITLES.caseload} table`}>
        <Table
          caption="LRO caseload and training by organisation"
          captionSize="s"
          head={[
            { text: 'Organisation' },
            { text: 'LROs', isNumeric: true },
            { text: 'Live threats held', isNumeric: true },
            { text: 'Average caseload', isNumeric: true },
            { text: 'Highest caseload', isNumeric: true },
            { text: 'Overloaded', isNumeric: true },
            { text: 'Trained', isNumeric: true },
            { text: 'Not trained', isNumeric: true },
          ]}
          rows={rows.map(({ row, place, label, isTotal }) => ({
            key: isTotal ? 'total' : row.organisation.id,
            cells: [
              header(label, isTotal),
              numeric(<CountLink count={row.caseload.lros} href={lroRecordsHref(place)} what={`LROs leading live threats in ${label}`} printable={printable} />, isTotal),
              numeric(row.caseload.threatsHeld, isTotal),
              numeric(row.caseload.averageCaseload ?? 'None', isTotal),
              numeric(row.caseload.maxCaseload, isTotal),
              numeric(<CountLink count={row.caseload.overloaded} href={lroRecordsHref(place, { over: true })} what={`overloaded LROs in ${label}`} printable={printable} />, isTotal),
              numeric(<CountLink count={row.caseload.trained} href={lroRecordsHref(place, { training: 'trained' })} what={`trained LROs in ${label}`} printable={printable} />, isTotal),
              numeric(<CountLink count={row.caseload.untrained} href={lroRecordsHref(place, { training: 'untrained' })} what={`untrained LROs in ${label}`} printable={printable} />, isTotal),
            ],
          }))}
        />
      </ScrollTable>
      <p className="govuk-body-s">Threats held, average and highest caseload are worked out from the officers behind the LROs figure.</p>
      <Downloads table="caseload" yearEnding={yearEnding} canExport={canExport} printable={printable} />
    </Section>
  );
}

// --- Trend ---------------------------------------------------------------------------------------

export function TrendSection({ data, printable, yearEnding, canExport }: SectionProps) {
  const points = data.trend;
  const percents = points.map((p) => (p.activePlans ? Math.round((p.plansReviewedInCadence / p.activePlans) * 1000) / 10 : null));
  const last = points.at(-1);
  const first = points[0];
  return (
    <Section id="trend" title={DASHBOARD_TITLES.trend} method={`${DASHBOARD_METHODS.trend} Past figures are not linked: the records have changed since.`}>
      {points.length === 0 ? (
        <p className="govuk-body">No snapshots have been taken yet. They are taken every day with the daily digest, or with npm run snapshot.</p>
      ) : (
        <>
          <LineChart
            title="Plans reviewed within cadence, per cent"
            labels={points.map((p) => p.day)}
            max={100}
            series={[{ name: 'Reviewed within cadence (%)', colour: GREEN, points: percents }]}
            summary={`From ${percentText(percents[0] ?? null)} on ${formatDate(new Date(`${first!.day}T12:00:00Z`))} to ${percentText(percents.at(-1) ?? null)} on ${formatDate(new Date(`${last!.day}T12:00:00Z`))}.`}
            testId="chart-trend-reviews"
          />
          <LineChart
            title="Open flag alerts and warnings"
            labels={points.map((p) => p.day)}
            max={Math.max(1, ...points.map((p) => Math.max(p.flagAlerts, p.flagWarnings)))}
            series={[
              { name: 'Alerts', colour: ALERT_FILL, points: points.map((p) => p.flagAlerts) },
              { name: 'Warnings', colour: '#b58800', dash: '6 3', points: points.map((p) => p.flagWarnings) },
            ]}
            summary={`Alerts from ${first!.flagAlerts} to ${last!.flagAlerts}; warnings from ${first!.flagWarnings} to ${last!.flagWarnings}.`}
            testId="chart-trend-flags"
          />
          <ScrollTable label="Trend table">
            <Table
              caption={`Daily snapshots of ${data.scope.name}`}
              captionSize="s"
              head={[
                { text: 'Day' },
                { text: 'Active plans', isNumeric: true },
                { text: 'Reviewed within cadence', isNumeric: true },
                { text: 'Within cadence (%)', isNumeric: true },
                { text: 'Alerts', isNumeric: true },
                { text: 'Warnings', isNumeric: true },
                { text: 'Open actions', isNumeric: true },
                { text: 'Open Pursue actions', isNumeric: true },
                { text: 'Lead disruptions (12 months)', isNumeric: true },
                { text: 'Pursue disruptions', isNumeric: true },
                { text: 'Open unmet demand', isNumeric: true },
              ]}
              rows={points.map((p, i) => ({
                key: p.day,
                cells: [
                  { content: formatDate(new Date(`${p.day}T12:00:00Z`), 'short'), isHeader: true },
                  numeric(p.activePlans),
                  numeric(p.plansReviewedInCadence),
                  numeric(percentText(percents[i] ?? null)),
                  numeric(p.flagAlerts),
                  numeric(p.flagWarnings),
                  numeric(p.openActions),
                  numeric(p.openPursue),
                  numeric(p.leadDisruptions),
                  numeric(p.pursueDisruptions),
                  numeric(p.openUnmetDemand),
                ],
              }))}
            />
          </ScrollTable>
        </>
      )}
      <Downloads table="trend" yearEnding={yearEnding} canExport={canExport} printable={printable} />
    </Section>
  );
}

/** Every section in order: what the dashboard page and its print view show. */
export function DashboardSections(props: SectionProps & { canChangeAverage?: boolean }) {
  return (
    <>
      <HeadlineSection {...props} />
      <ReviewsSection {...props} />
      <FlagsSection {...props} />
      <BalanceSection {...props} />
      <DisruptionsSection {...props} />
      <UnmetDemandSection {...props} />
      <CaseloadSection {...props} />
      <TrendSection {...props} />
    </>
  );
}
