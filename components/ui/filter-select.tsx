export type FilterOption = { value: string; text: string };

/**
 * One select of a filter form (a plain GET form, so each filtered view has an address): the
 * first option, `anyText`, means "no filter".
 */
export function FilterSelect({ id, label, value, options, anyText }: { id: string; label: string; value: string | undefined; options: readonly FilterOption[]; anyText: string }) {
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
