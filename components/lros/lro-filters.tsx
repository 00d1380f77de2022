import Link from 'next/link';
import {
  LRO_CASELOAD_FILTER_LABELS,
  LRO_CASELOAD_FILTERS,
  LRO_TRAINING_FILTER_LABELS,
  LRO_TRAINING_FILTERS,
  lroRegisterHref,
  type LroRegisterQuery,
} from '@/lib/validation/lro-register';

export type FilterOption = { value: string; text: string };

function FilterSelect({ id, label, value, options, anyText }: { id: string; label: string; value: string | undefined; options: readonly FilterOption[]; anyText: string }) {
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

/**
 * The LRO register's filters: a plain GET form, so every filtered view has an address that can
 * be bookmarked and shared (the training summary links to them), and it works without
 * JavaScript. Sorting is kept; the page resets. Keyed by the query, so that the fields show the
 * filters in force after a client-side navigation (uncontrolled fields keep their old values).
 */
export function LroFilters({ query, organisations }: { query: LroRegisterQuery; organisations: readonly FilterOption[] }) {
  return (
    <form key={lroRegisterHref(query)} method="get" action="/lros" className="app-filter" aria-label="Filter LROs">
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="order" value={query.order} />
      {/* A dashboard row's subtree stays chosen while the other filters change. */}
      {query.within ? <input type="hidden" name="within" value={query.within} /> : null}
      <div className="govuk-form-group app-filter__group app-filter__group--wide">
        <label className="govuk-label govuk-label--s" htmlFor="filter-q">
          Name
        </label>
        <input className="govuk-input" id="filter-q" name="q" type="search" defaultValue={query.q ?? ''} autoComplete="off" spellCheck={false} />
      </div>
      <FilterSelect id="organisation" label="Organisation" value={query.organisation} options={organisations} anyText="All organisations" />
      <FilterSelect
        id="training"
        label="LRO training"
        value={query.training}
        options={LRO_TRAINING_FILTERS.map((value) => ({ value, text: LRO_TRAINING_FILTER_LABELS[value] }))}
        anyText="Trained or not"
      />
      <FilterSelect
        id="caseload"
        label="Caseload"
        value={query.caseload}
        options={LRO_CASELOAD_FILTERS.map((value) => ({ value, text: LRO_CASELOAD_FILTER_LABELS[value] }))}
        anyText="Any caseload"
      />
      <div className="govuk-button-group app-filter__actions">
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Apply filters
        </button>
        <Link className="govuk-link" href="/lros">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
