import Link from 'next/link';
import { FilterSelect, type FilterOption } from '@/components/ui/filter-select';
import { EXPIRING_SOON_DAYS } from '@/lib/domain/orders';
import { ORDER_KINDS, ORDER_KIND_LABELS } from '@/lib/domain/vocabulary';
import { NO_MANAGING_OFFICER, type OrderRegisterQuery } from '@/lib/validation/orders';

type Props = {
  query: OrderRegisterQuery;
  organisations: FilterOption[];
  officers: FilterOption[];
};

function Toggle({ name, label, checked, hint }: { name: string; label: string; checked: boolean; hint: string }) {
  const id = `filter-${name}`;
  return (
    <div className="govuk-checkboxes__item">
      <input className="govuk-checkboxes__input" id={id} name={name} type="checkbox" value="true" defaultChecked={checked} aria-describedby={`${id}-hint`} />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
        {label}
      </label>
      <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
        {hint}
      </div>
    </div>
  );
}

/**
 * The orders register's filters: a plain GET form, so every filtered view has an address that
 * can be bookmarked and shared, and it works without JavaScript. Sorting is kept; the page resets.
 */
export function OrderFilters({ query, organisations, officers }: Props) {
  return (
    <form method="get" action="/orders" className="app-filter" aria-label="Filter orders">
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="order" value={query.order} />
      <FilterSelect id="kind" label="Kind of order" value={query.kind} options={ORDER_KINDS.map((k) => ({ value: k, text: ORDER_KIND_LABELS[k] }))} anyText="All kinds" />
      <FilterSelect id="organisation" label="Organisation" value={query.organisation} options={organisations} anyText="All organisations" />
      <FilterSelect
        id="officer"
        label="Managing officer"
        value={query.officer}
        options={[{ value: NO_MANAGING_OFFICER, text: 'No managing officer' }, ...officers]}
        anyText="Any managing officer"
      />
      <div className="govuk-form-group app-filter__group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Show only orders</legend>
          <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            <Toggle name="notMonitored" label="Not monitored" checked={query.notMonitored} hint="Flagged: no compliance check for too long, or expiring soon" />
            <Toggle name="expiringSoon" label={`Expiring within ${EXPIRING_SOON_DAYS} days`} checked={query.expiringSoon} hint={`In force, with an expiry date in the next ${EXPIRING_SOON_DAYS} days`} />
          </div>
        </fieldset>
      </div>
      <div className="govuk-button-group app-filter__actions">
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Apply filters
        </button>
        <Link className="govuk-link" href="/orders">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
