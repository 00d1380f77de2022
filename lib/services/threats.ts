import 'server-only';
import type { ActionConfig } from './authed-action';
import { updateThreatSchema } from '@/lib/validation/threat';
import { lastChangeOf, loadThreatResource } from '@/lib/db/threats';
import { conflict } from '@/lib/errors';

type LoadedThreat = NonNullable<Awaited<ReturnType<typeof loadThreatResource>>>['record'];

/**
 * Edit a threat's master-list details (name, type, tier, areas, status) and what frontline
 * officers should look out for (the frontline briefing). Optimistic concurrency:
 * the save names the version the editor saw, and is refused if anyone saved since.
 */
export const updateThreat: ActionConfig<typeof updateThreatSchema, LoadedThreat, { version: number }> = {
  name: 'threat.update',
  schema: updateThreatSchema,
  verb: 'threat:update',
  load: ({ user, input, tx }) => loadThreatResource(tx, user, input.threatId),
  async handler({ input, record, tx }) {
    const before = await tx.socThreat.findUniqueOrThrow({
      where: { id: input.threatId },
      select: { name: true, type: true, tier: true, status: true, archivedReason: true, lookOutFor: true, areas: { select: { area: true } } },
    });
    // Not sent (an older form), the look-out-for is left alone; sent empty, it is cleared.
    const lookOutFor = input.lookOutFor === undefined ? before.lookOutFor : input.lookOutFor || null;
    const archiving = input.status === 'ARCHIVED';
    const { count } = await tx.socThreat.updateMany({
      where: { id: input.threatId, version: input.version },
      data: {
        name: input.name,
        type: input.type,
        tier: input.tier,
        status: input.status,
        archivedReason: archiving ? input.archivedReason : null,
        archivedAt: archiving && before.status !== 'ARCHIVED' ? new Date() : archiving ? undefined : null,
        lookOutFor,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const last = await lastChangeOf(tx, 'SocThreat', input.threatId);
      throw conflict(last?.by ?? null, last?.at ?? new Date());
    }
    await tx.threatAreaTag.deleteMany({ where: { threatId: input.threatId } });
    await tx.threatAreaTag.createMany({ data: [...new Set(input.areas)].map((area) => ({ threatId: input.threatId, area })) });
    const after = {
      name: input.name,
      type: input.type,
      tier: input.tier,
      status: input.status,
      archivedReason: archiving ? input.archivedReason : null,
      lookOutFor,
      areas: [...new Set(input.areas)].sort(),
    };
    return {
      data: { version: input.version + 1 },
      message: 'Threat details saved',
      audit: {
        action: 'threat.update',
        entityType: 'SocThreat',
        entityId: input.threatId,
        organisationId: record.organisationId,
        threatId: input.threatId,
        before: { ...before, areas: before.areas.map((a) => a.area).sort() },
        after,
      },
    };
  },
};
