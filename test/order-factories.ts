// Ancillary orders for the orders tests (issue 5, item 5): unique records, dated relative to today.
import { randomUUID } from 'node:crypto';
import { prisma } from '@/lib/db/client';
import { addCalendarDays, londonDateKey } from '@/lib/domain/dates';
import { toDateParts } from '@/lib/validation/date-parts';

/** The London date `days` from today (negative: before), yyyy-mm-dd. */
export const dayKey = (days: number) => addCalendarDays(londonDateKey(new Date()), days);
/** That date as the database keeps calendar dates (UTC midnight). */
export const dayDate = (days: number) => new Date(`${dayKey(days)}T00:00:00.000Z`);
/** That date as a GOV.UK date input sends it. */
export const dayParts = (days: number) => toDateParts(dayKey(days));

type OrderOptions = {
  kind?: 'SCPO' | 'STRO' | 'SLAVERY_TRAFFICKING_PREVENTION_ORDER' | 'CLOSURE_ORDER' | 'GANG_INJUNCTION' | 'OTHER';
  subjectName?: string;
  threatId?: string | null;
  managingOfficerId?: string | null;
  managingTeam?: string | null;
  /** Days from today (negative: ago). Defaults: made 400 days ago, started 380 days ago, expiring in 2 years. */
  madeDaysAgo?: number;
  startsInDays?: number;
  expiresInDays?: number | null;
  /** Days from today of the last check; null: never checked. Default: checked 10 days ago. */
  lastCheckInDays?: number | null;
  breachCount?: number;
};

/** An order as the register keeps it (no check rows: `lastComplianceCheckOn` is what the flag reads). */
export async function makeOrder(organisation: { id: string }, opts: OrderOptions = {}) {
  const suffix = randomUUID().slice(0, 8);
  const expires = opts.expiresInDays === undefined ? 730 : opts.expiresInDays;
  const lastCheck = opts.lastCheckInDays === undefined ? -10 : opts.lastCheckInDays;
  return prisma.ancillaryOrder.create({
    data: {
      kind: opts.kind ?? 'SCPO',
      subjectName: opts.subjectName ?? `Nominal ${suffix}`,
      threatId: opts.threatId ?? null,
      organisationId: organisation.id,
      madeOn: dayDate(opts.madeDaysAgo ?? -400),
      startsOn: dayDate(opts.startsInDays ?? -380),
      expiresOn: expires === null ? null : dayDate(expires),
      conditions: 'Notify any mobile phone; no cash over £1,000.',
      managingTeam: opts.managingTeam ?? null,
      managingOfficerId: opts.managingOfficerId ?? null,
      lastComplianceCheckOn: lastCheck === null ? null : dayDate(lastCheck),
      breachCount: opts.breachCount ?? 0,
    },
    select: { id: true, version: true, subjectName: true, organisationId: true, threatId: true },
  });
}
