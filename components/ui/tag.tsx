import type { ReactNode } from 'react';
import { classNames } from './class-names';

/** GOV.UK Frontend 6's tag colours; blue is the default (no modifier). */
export type TagColour = 'blue' | 'grey' | 'green' | 'teal' | 'purple' | 'magenta' | 'red' | 'orange' | 'yellow';

/** GOV.UK tag (https://design-system.service.gov.uk/components/tag/): a status, not a link. */
export function Tag({ colour = 'blue', children, className }: { colour?: TagColour; children: ReactNode; className?: string }) {
  return <strong className={classNames('govuk-tag', colour !== 'blue' && `govuk-tag--${colour}`, className)}>{children}</strong>;
}
