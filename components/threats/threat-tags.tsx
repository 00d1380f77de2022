import { Tag, type TagColour } from '@/components/ui/tag';
import { PLAN_STATUS_LABELS, THREAT_STATUS_LABELS, type PlanStatus, type ThreatStatus } from '@/lib/domain/vocabulary';

const THREAT_STATUS_COLOURS: Record<ThreatStatus, TagColour> = { MAPPED: 'grey', ACTIVE: 'blue', ARCHIVED: 'grey' };
const PLAN_STATUS_COLOURS: Record<PlanStatus, TagColour> = { DRAFT: 'yellow', ACTIVE: 'green', CLOSED: 'grey' };

export function ThreatStatusTag({ status }: { status: ThreatStatus }) {
  return <Tag colour={THREAT_STATUS_COLOURS[status]}>{THREAT_STATUS_LABELS[status]}</Tag>;
}

/** The live plan's status, or a red "No plan" (the inspection's finding: threats with no plan). */
export function PlanStatusTag({ status }: { status: PlanStatus | null }) {
  if (!status) return <Tag colour="red">No plan</Tag>;
  return <Tag colour={PLAN_STATUS_COLOURS[status]}>{PLAN_STATUS_LABELS[status]}</Tag>;
}
