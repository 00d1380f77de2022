import Link from 'next/link';
import { FilterSelect, type FilterOption } from '@/components/ui/filter-select';
import { FLAG_CODES, FLAG_LABELS, type FlagCode, type FlagSeverity } from '@/lib/domain/compliance/flags';
import { SEVERITY_LABELS } from './flag-tag';


/** The flagged-records filters: a plain GET form, so each view has an address to share. */
export function FlagRecordFilters({
  query,
  organisations,
}: {
  query: { code?: FlagCode; severity?: FlagSeverity; organisation?: string; within?: string };
  organisations: FilterOption[];
}) {
  return (
    <form method="get" action="/compliance/flags" className="app-filter" aria-label="Filter flagged records">
      {/* A dashboard row's subtree stays chosen while the other filters change. */}
      {query.within ? <input type="hidden" name="within" value={query.within} /> : null}
      <FilterSelect id="code" label="Flag" value={query.code} options={FLAG_CODES.map((code) => ({ value: code, text: FLAG_LABELS[code] }))} anyText="All flags" />
      <FilterSelect
        id="severity"
        label="Severity"
        value={query.severity}
        options={(['alert', 'warning'] as const).map((s) => ({ value: s, text: `${SEVERITY_LABELS[s]}s` }))}
        anyText="Alerts and warnings"
      />
      <FilterSelect id="organisation" label="Organisation" value={query.organisation} options={organisations} anyText="All organisations" />
      <div className="govuk-button-group app-filter__actions">
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Apply filters
        </button>
        <Link className="govuk-link" href="/compliance/flags">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
