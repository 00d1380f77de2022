import type { ComplianceFlag } from '@/lib/domain/compliance/flags';

/**
 * Of a threat's flags, those its 4P plan page shows: the plan's own (reviews, balance, partners),
 * its actions', and the threat's flags that the plan puts right (no active plan; archived with
 * open actions). MoRiLE, disruption, order and LRO flags stay on the threat page.
 */
export function planFlagsOf<F extends Pick<ComplianceFlag, 'code' | 'subject'>>(flags: readonly F[]): F[] {
  return flags.filter(
    (flag) => flag.subject.kind === 'PLAN' || flag.subject.kind === 'ACTION' || flag.code === 'THREAT_NO_PLAN' || flag.code === 'ARCHIVED_WITH_OPEN_ACTIONS',
  );
}
