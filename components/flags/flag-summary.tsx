import type { ReactNode } from 'react';
import { FlagList } from './flag-list';
import { classNames } from '@/components/ui/class-names';
import type { ComplianceFlag } from '@/lib/domain/compliance/flags';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The sentence that heads a record's flags, e.g. "3 flags need attention". */
export function flagSummaryHeading(count: number): string {
  return count === 1 ? '1 flag needs attention' : `${count} flags need attention`;
}

/** "1 alert and 2 warnings", "2 warnings". */
export function severityBreakdown(flags: readonly Pick<ComplianceFlag, 'severity'>[]): string {
  const alerts = flags.filter((flag) => flag.severity === 'alert').length;
  const warnings = flags.length - alerts;
  return [alerts ? plural(alerts, 'alert') : null, warnings ? plural(warnings, 'warning') : null].filter(Boolean).join(' and ');
}

function WarningIcon() {
  return (
    <svg className="moj-alert__icon" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 30" height="30" width="30">
      <path
        fillRule="evenodd"
        clipRule="evenodd"
        fill="currentColor"
        d="M15 2.44922L28.75 26.1992H1.25L15 2.44922ZM13.5107 9.49579H16.4697L16.2431 17.7678H13.7461L13.5107 9.49579ZM15.0146 19.9645C16.0401 19.9645 16.8701 20.7945 16.8701 21.82C16.8701 22.8455 16.0401 23.695 15.0146 23.695C13.9891 23.695 13.1299 22.8455 13.1299 21.82C13.1299 20.7945 13.9891 19.9645 15.0146 19.9645Z"
      />
    </svg>
  );
}

/**
 * A record's compliance flags for the top of its page (threat, plan): an MoJ alert, red when any
 * flag is an alert and orange otherwise, headed "3 flags need attention" and listing each flag
 * with a link to where it is fixed. It is a region named by its heading, so a screen reader user
 * can jump to it. With no flags, one quiet line says so.
 */
export function FlagSummary({
  flags,
  headingLevel = 2,
  id = 'compliance-flags',
  className,
  children,
}: {
  flags: readonly ComplianceFlag[];
  headingLevel?: 2 | 3;
  /** Unique on the page; the heading's id is `${id}-heading`. */
  id?: string;
  /** E.g. app-no-print, where a printed page should not carry the flags. */
  className?: string;
  /** Said after the list, e.g. a link to the flags the page does not show. */
  children?: ReactNode;
}) {
  const Heading = `h${headingLevel}` as const;
  if (flags.length === 0) {
    return (
      <div id={id} className={className} data-testid="flag-summary">
        <p className="govuk-body">No compliance flags.</p>
        {children}
      </div>
    );
  }
  const hasAlert = flags.some((flag) => flag.severity === 'alert');
  return (
    <div
      id={id}
      className={classNames('moj-alert', hasAlert ? 'moj-alert--error' : 'moj-alert--warning', 'moj-alert--with-heading', className)}
      role="region"
      aria-labelledby={`${id}-heading`}
      data-testid="flag-summary"
    >
      <div>
        <WarningIcon />
      </div>
      <div className="moj-alert__content">
        <Heading className="moj-alert__heading" id={`${id}-heading`}>
          {flagSummaryHeading(flags.length)}
        </Heading>
        <p className="govuk-body">{severityBreakdown(flags)}. Each flag links to where it is put right.</p>
        <FlagList flags={flags} />
        {children}
      </div>
    </div>
  );
}
