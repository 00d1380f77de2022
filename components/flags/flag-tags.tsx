import { FlagTag } from './flag-tag';
import type { FlagCode, FlagSeverity } from '@/lib/domain/compliance/flags';

export type FlagTagSummary = { code: FlagCode; severity: FlagSeverity; count: number };

/**
 * A record's flags as tags, one per kind of flag (with how many), alerts first, for a table cell,
 * in smaller type so a dense table stays readable. "None" when it has none.
 */
export function FlagTags({ tags, noneText = 'None' }: { tags: readonly FlagTagSummary[]; noneText?: string }) {
  if (tags.length === 0) return <span className="govuk-hint govuk-!-margin-bottom-0">{noneText}</span>;
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      {tags.map((tag) => (
        <li key={`${tag.code}:${tag.severity}`} className="govuk-!-margin-bottom-2">
          <FlagTag code={tag.code} severity={tag.severity} count={tag.count} isSmall />
        </li>
      ))}
    </ul>
  );
}
