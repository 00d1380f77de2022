import { Tag } from '@/components/ui/tag';
import type { CaseloadLevel } from '@/lib/domain/lro';

/** Live threats held as LRO, with a tag at the warning or alert level (the level in words too). */
export function CaseloadText({ count, level }: { count: number; level: CaseloadLevel }) {
  if (level === 'none') return <>{count}</>;
  return (
    <>
      {count} <Tag colour={level === 'alert' ? 'red' : 'orange'}>{level === 'alert' ? 'Alert' : 'Warning'}</Tag>
    </>
  );
}
