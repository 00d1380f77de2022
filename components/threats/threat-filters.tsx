import Link from 'next/link';
import { FilterSelect, type FilterOption } from '@/components/ui/filter-select';
import { FLAG_CODES, FLAG_LABELS } from '@/lib/domain/compliance/flags';
import { FLAG_FILTER_ANY, FLAG_FILTER_ANY_ALERT, type ThreatRegisterQuery } from '@/lib/validation/threat-register';
import { THREAT_AREAS, THREAT_AREA_LABELS, THREAT_STATUSES, THREAT_STATUS_LABELS, THREAT_TYPES, THREAT_TYPE_LABELS, TIERS } from '@/lib/domain/vocabulary';


type Props = {
  query: ThreatRegisterQuery;
  organisations: FilterOption[];
  /** The LRO chosen by `lro=<id>` (a link from elsewhere), shown so that it can be removed; null if none or out of scope. */
  chosenLeadResponsibleOfficer: FilterOption | null;
};

/**
 * The register's filters: a plain GET form, so every filtered view has an address that can be
 * bookmarked and shared, and it works without JavaScript. Sorting is kept; the page resets.
 */
export function ThreatFilters({ query, organisations, chosenLeadResponsibleOfficer }: Props) {
  return (
    <form method="get" action="/threats" className="app-filter" aria-label="Filter threats">
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="order" value={query.order} />
      <div className="govuk-form-group app-filter__group app-filter__group--wide">
        <label className="govuk-label govuk-label--s" htmlFor="filter-q">
          Name or URN
        </label>
        <input className="govuk-input" id="filter-q" name="q" type="search" defaultValue={query.q ?? ''} autoComplete="off" spellCheck={false} />
      </div>
      <FilterSelect id="organisation" label="Organisation" value={query.organisation} options={organisations} anyText="All organisations" />
      <FilterSelect id="type" label="Type" value={query.type} options={THREAT_TYPES.map((t) => ({ value: t, text: THREAT_TYPE_LABELS[t] }))} anyText="All types" />
      <FilterSelect id="tier" label="Tier" value={query.tier ? String(query.tier) : undefined} options={TIERS.map((t) => ({ value: String(t), text: `Tier ${t}` }))} anyText="All tiers" />
      <FilterSelect id="area" label="Threat area" value={query.area} options={THREAT_AREAS.map((a) => ({ value: a, text: THREAT_AREA_LABELS[a] }))} anyText="All threat areas" />
      <FilterSelect id="status" label="Status" value={query.status} options={THREAT_STATUSES.map((s) => ({ value: s, text: THREAT_STATUS_LABELS[s] }))} anyText="All statuses" />
      <div className="govuk-form-group app-filter__group">
        <label className="govuk-label govuk-label--s" htmlFor="filter-lroName">
          LRO name
        </label>
        <input className="govuk-input" id="filter-lroName" name="lroName" type="search" defaultValue={query.lroName ?? ''} autoComplete="off" spellCheck={false} />
      </div>
      {/* Any LRO, none appointed, or the one LRO a link chose (by id): a short list, not every LRO in scope. */}
      <FilterSelect
        id="lro"
        label="Lead responsible officer"
        value={query.lro === 'none' || chosenLeadResponsibleOfficer ? query.lro : undefined}
        options={[{ value: 'none', text: 'No LRO appointed' }, ...(chosenLeadResponsibleOfficer ? [chosenLeadResponsibleOfficer] : [])]}
        anyText="Any LRO"
      />
      <FilterSelect
        id="flag"
        label="Flag"
        value={query.flag}
        options={[
          { value: FLAG_FILTER_ANY, text: 'Any flag' },
          { value: FLAG_FILTER_ANY_ALERT, text: 'Any alert' },
          ...FLAG_CODES.map((code) => ({ value: code, text: FLAG_LABELS[code] })),
        ]}
        anyText="Flagged or not"
      />
      <div className="govuk-button-group app-filter__actions">
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Apply filters
        </button>
        <Link className="govuk-link" href="/threats">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
