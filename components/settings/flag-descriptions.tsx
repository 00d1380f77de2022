import { Details } from '@/components/ui/details';
import { FLAG_CODES, FLAG_DESCRIPTIONS, FLAG_LABELS } from '@/lib/domain/compliance/flags';

/** A short legend of the compliance flags the thresholds raise. */
export function FlagDescriptions() {
  return (
    <Details summary="What each flag means">
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        {FLAG_CODES.map((code) => (
          <div className="govuk-summary-list__row" key={code}>
            <dt className="govuk-summary-list__key">{FLAG_LABELS[code]}</dt>
            <dd className="govuk-summary-list__value">{FLAG_DESCRIPTIONS[code]}</dd>
          </div>
        ))}
      </dl>
    </Details>
  );
}
