import Link from 'next/link';
import { flagRecordsHref } from '@/components/flags/flag-records-href';
import { Table } from '@/components/ui/table';
import { FLAG_CODES, FLAG_LABELS, type FlagCode, type FlagSeverity } from '@/lib/domain/compliance/flags';

export type FlagCountItem = { code: FlagCode; alerts: number; warnings: number };
export type OrganisationFlagCountItem = { organisationId: string; organisationName: string; alerts: number; warnings: number };

/** A count that leads to the records behind it; 0 is just 0. The link says what it counts. */
function CountLink({ count, href, what }: { count: number; href: string; what: string }) {
  if (count === 0) return <>0</>;
  return (
    <Link className="govuk-link" href={href} prefetch={false}>
      {count}
      <span className="govuk-visually-hidden"> {what}</span>
    </Link>
  );
}

const plural = (n: number, one: string) => (n === 1 ? one : `${one}s`);

/** Every flag, in the order of FLAG_CODES, with zeros for the flags not raised. */
export function completeFlagCounts(counts: readonly FlagCountItem[]): FlagCountItem[] {
  const byCode = new Map(counts.map((c) => [c.code, c]));
  return FLAG_CODES.map((code) => byCode.get(code) ?? { code, alerts: 0, warnings: 0 });
}

/**
 * Flags by kind for a scope: alerts, warnings and all, each number a link to exactly the records
 * it counts (/compliance/flags with the same code and severity). Every kind of flag is listed, so
 * that a clean one shows as clean.
 */
export function FlagCountsTable({ counts, caption, organisation }: { counts: readonly FlagCountItem[]; caption: string; organisation?: string }) {
  const rows = completeFlagCounts(counts);
  const totals = rows.reduce((t, r) => ({ alerts: t.alerts + r.alerts, warnings: t.warnings + r.warnings }), { alerts: 0, warnings: 0 });
  const cell = (code: FlagCode | undefined, severity: FlagSeverity | undefined, count: number, label: string) => ({
    content: (
      <CountLink
        count={count}
        href={flagRecordsHref({ code, severity, organisation })}
        what={`${severity ? plural(count, severity) : plural(count, 'flag')}: ${label}`}
      />
    ),
    isNumeric: true,
  });
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table
        caption={caption}
        captionSize="s"
        firstCellIsHeader
        head={[{ text: 'Flag' }, { text: 'Alerts', isNumeric: true }, { text: 'Warnings', isNumeric: true }, { text: 'All', isNumeric: true }]}
        rows={[
          ...rows.map((row) => ({
            key: row.code,
            cells: [
              FLAG_LABELS[row.code],
              cell(row.code, 'alert', row.alerts, FLAG_LABELS[row.code]),
              cell(row.code, 'warning', row.warnings, FLAG_LABELS[row.code]),
              cell(row.code, undefined, row.alerts + row.warnings, FLAG_LABELS[row.code]),
            ],
          })),
          {
            key: 'all',
            cells: [
              'All flags',
              cell(undefined, 'alert', totals.alerts, 'all flags'),
              cell(undefined, 'warning', totals.warnings, 'all flags'),
              cell(undefined, undefined, totals.alerts + totals.warnings, 'all flags'),
            ],
          },
        ]}
      />
    </div>
  );
}

/** Flags per organisation in scope: alerts and warnings, each a link to those records. */
export function OrganisationFlagCountsTable({ counts, caption }: { counts: readonly OrganisationFlagCountItem[]; caption: string }) {
  const cell = (organisation: string, severity: FlagSeverity | undefined, count: number, name: string) => ({
    content: (
      <CountLink count={count} href={flagRecordsHref({ organisation, severity })} what={`${severity ? plural(count, severity) : plural(count, 'flag')} in ${name}`} />
    ),
    isNumeric: true,
  });
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table
        caption={caption}
        captionSize="s"
        firstCellIsHeader
        head={[{ text: 'Organisation' }, { text: 'Alerts', isNumeric: true }, { text: 'Warnings', isNumeric: true }, { text: 'All', isNumeric: true }]}
        rows={counts.map((row) => ({
          key: row.organisationId,
          cells: [
            row.organisationName,
            cell(row.organisationId, 'alert', row.alerts, row.organisationName),
            cell(row.organisationId, 'warning', row.warnings, row.organisationName),
            cell(row.organisationId, undefined, row.alerts + row.warnings, row.organisationName),
          ],
        }))}
      />
    </div>
  );
}
