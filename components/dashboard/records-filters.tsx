import Link from 'next/link';
import { FilterSelect, type FilterOption } from '@/components/ui/filter-select';

export type RecordsFilter = { id: string; label: string; value: string | undefined; options: readonly FilterOption[]; anyText: string };

/**
 * The filters of a records page: a plain GET form (each view has an address). The place (an
 * organisation's subtree or one organisation) and the period the figure was counted over stay
 * as they came, in hidden fields; "Clear filters" keeps them too.
 */
export function RecordsFilters({ action, label, kept, filters }: { action: string; label: string; kept: Record<string, string | undefined>; filters: readonly RecordsFilter[] }) {
  const keptEntries = Object.entries(kept).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
  const clear = keptEntries.length ? `${action}?${new URLSearchParams(keptEntries).toString()}` : action;
  return (
    <form method="get" action={action} className="app-filter" aria-label={label}>
      {keptEntries.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {filters.map((filter) => (
        <FilterSelect key={filter.id} id={filter.id} label={filter.label} value={filter.value} options={filter.options} anyText={filter.anyText} />
      ))}
      <div className="govuk-button-group app-filter__actions">
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Apply filters
        </button>
        <Link className="govuk-link" href={clear}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
