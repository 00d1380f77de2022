import Link from 'next/link';
import { FLAG_CODES, FLAG_LABELS, type FlagCode, type FlagSeverity } from '@/lib/domain/compliance/flags';
import { SEVERITY_LABELS } from './flag-tag';

type Option = { value: string; text: string };

function Select({ id, label, value, options, anyText }: { id: string; label: string; value: string | undefined; options: Option[]; anyText: string }) {
  return (
    <div className="govuk-form-group app-filter__group">
      <label className="govuk-label govuk-label--s" htmlFor={`filter-${id}`}>
        {label}
      </label>
      <select className="govuk-select app-filter__select" id={`filter-${id}`} name={id} defaultValue={value ?? ''}>
        <option value="">{anyText}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The flagged-records filters: a plain GET form, so each view has an address to share. */
export function FlagRecordFilters({
  query,
  organisations,
}: {
  query: { code?: FlagCode; severity?: FlagSeverity; organisation?: string };
  organisations: Option[];
}) {
  return (
    <form method="get" action="/compliance/flags" className="app-filter" aria-label="Filter flagged records">
      <Select id="code" label="Flag" value={query.code} options={FLAG_CODES.map((code) => ({ value: code, text: FLAG_LABELS[code] }))} anyText="All flags" />
      <Select
        id="severity"
        label="Severity"
        value={query.severity}
        options={(['alert', 'warning'] as const).map((s) => ({ value: s, text: `${SEVERITY_LABELS[s]}s` }))}
        anyText="Alerts and warnings"
      />
      <Select id="organisation" label="Organisation" value={query.organisation} options={organisations} anyText="All organisations" />
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
