import Link from 'next/link';

/**
 * A figure that leads to the records behind it. Zero is just 0; printed (`printable`), a figure is
 * plain text. The visually hidden words say what it counts, for screen readers.
 */
export function CountLink({ count, href, what, printable, testId }: { count: number; href: string; what: string; printable?: boolean; testId?: string }) {
  if (count === 0 || printable) return <span data-testid={testId}>{count}</span>;
  return (
    <Link className="govuk-link" href={href} prefetch={false} data-testid={testId}>
      {count}
      <span className="govuk-visually-hidden"> {what}</span>
    </Link>
  );
}

/** A percentage to one decimal place, or "No figure" when there is nothing to divide by. */
export function percentText(percent: number | null): string {
  return percent === null ? 'No figure' : `${percent}%`;
}
