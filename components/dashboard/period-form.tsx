/**
 * The dashboard's period chooser: a plain GET form (each period has an address to share),
 * "Year ending" a month, the 12 months ending with it.
 */
export function PeriodForm({ yearEnding, options }: { yearEnding: string; options: readonly { value: string; text: string }[] }) {
  return (
    <form method="get" action="/dashboard" className="app-filter" aria-label="Choose the period">
      <div className="govuk-form-group app-filter__group">
        <label className="govuk-label govuk-label--s" htmlFor="year-ending">
          Year ending
        </label>
        <div className="govuk-hint" id="year-ending-hint">
          The 12 months up to the end of this month
        </div>
        <select className="govuk-select app-filter__select" id="year-ending" name="yearEnding" defaultValue={yearEnding} aria-describedby="year-ending-hint">
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.text}
            </option>
          ))}
        </select>
      </div>
      <div className="govuk-button-group app-filter__actions">
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Show this period
        </button>
      </div>
    </form>
  );
}
