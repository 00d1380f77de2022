import { describe, expect, it } from 'vitest';
import { prisma } from './client';
import { getLatestActionUpdates, getPlanPrintThreat } from './plan-print';
import { makeActionForTest, makePlanForActions, makeRegion, makeThreat, makeUser } from '@/test/factories';

describe('the printed plan’s loaders', () => {
  it('finds the latest update of each action, and none for an action never updated', async () => {
    const orgs = await makeRegion();
    const author = await makeUser(orgs.west, ['LRO'], { name: 'Officer, Lee' });
    const threat = await makeThreat(orgs.west, { leadResponsibleOfficerId: author.id, areas: ['FRAUD', 'DRUGS'], tier: 2 });
    const plan = await makePlanForActions(threat.id);
    const [updated, quiet] = await Promise.all([makeActionForTest(plan.id), makeActionForTest(plan.id)]);
    for (const [note, at] of [
      ['First', '2026-01-01T10:00:00Z'],
      ['Latest', '2026-01-03T10:00:00Z'],
      ['Middle', '2026-01-02T10:00:00Z'],
    ] as const) {
      await prisma.actionUpdate.create({ data: { actionId: updated.id, authorId: author.id, note, createdAt: new Date(at) } });
    }
    const latest = await getLatestActionUpdates([updated.id, quiet.id]);
    expect(latest.get(updated.id)).toEqual({ note: 'Latest', authorName: 'Officer, Lee', createdAt: new Date('2026-01-03T10:00:00Z') });
    expect(latest.has(quiet.id)).toBe(false);

    const facts = await getPlanPrintThreat(threat.id);
    expect(facts).toMatchObject({ tier: 2, leadResponsibleOfficer: 'Officer, Lee', deputy: null, areas: ['DRUGS', 'FRAUD'] });
  });
});
