import { beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_PAGE_SIZE, listThreatHistory } from '@/lib/db/history';
import { prisma } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit';
import { runAuthed } from '@/lib/services/authed-action';
import { createObjective, createPlan, recordPartnerEngagement, updatePlanDetails } from '@/lib/services/plans';
import type { CurrentUser } from '@/lib/auth/session';
import { asCurrentUser, makeRegion, makeThreat, makeUser } from '@/test/factories';

// A plan's history is every audit event of its threat but views, newest first, paged in the
// database: the plan engineer's writes and those of the other parts of the app alike.

let orgs: Awaited<ReturnType<typeof makeRegion>>;
let lro: CurrentUser;

beforeAll(async () => {
  orgs = await makeRegion();
  lro = await asCurrentUser((await makeUser(orgs.west, ['LRO'], { name: 'Sam Historian' })).id);
});

/** Audit events in one millisecond are ordered by id; a pause keeps the story's order certain. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('listThreatHistory', () => {
  it('lists writes of several kinds newest first, with before and after, and leaves out views', async () => {
    const threat = await makeThreat(orgs.west, { leadResponsibleOfficerId: lro.id });
    const other = await makeThreat(orgs.west, { leadResponsibleOfficerId: lro.id });

    const created = await runAuthed(lro, createPlan, { threatId: threat.id });
    if (created.status !== 'success') throw new Error('plan not created');
    const planId = (created.data as { planId: string }).planId;
    await tick();
    await recordAudit({ actorId: lro.id, action: 'plan.view', entityType: 'FourPPlan', entityId: planId, threatId: threat.id });
    await tick();
    await runAuthed(lro, updatePlanDetails, { planId, version: 1, intelligenceGaps: 'Who supplies the group', ownerKind: 'ORGANISATION', ownerOrganisationId: orgs.partner.id });
    await tick();
    await runAuthed(lro, createObjective, { planId, strand: 'PREVENT', title: 'Divert the runners', successMeasure: 'Referrals made' });
    await tick();
    // Written by the other parts of issue 3 (actions, updates, LRO assignment): same trail.
    await recordAudit({ actorId: lro.id, action: 'action.record-update', entityType: 'ActionUpdate', entityId: 'u1', threatId: threat.id, after: { note: 'Done', statusFrom: 'IN_PROGRESS', statusTo: 'COMPLETE' } });
    await tick();
    await recordAudit({ actorId: null, action: 'threat.assign-lro', entityType: 'LroAssignment', entityId: 'a1', threatId: threat.id, before: { lro: 'Old Officer' }, after: { lro: 'Sam Historian' } });
    await tick();
    await runAuthed(lro, recordPartnerEngagement, { planId, partnerOrganisationId: orgs.partner.id, engagedOn: { day: '2', month: '1', year: '2026' }, kind: 'MEETING', summary: 'Met' });
    await tick();
    await recordAudit({ actorId: lro.id, action: 'history.view', entityType: 'SocThreat', entityId: threat.id, threatId: threat.id });
    // Another threat's events stay in its own history.
    await runAuthed(lro, createPlan, { threatId: other.id });

    const history = await listThreatHistory(threat.id, 1);
    expect(history.events.map((e) => e.action)).toEqual(['engagement.create', 'threat.assign-lro', 'action.record-update', 'objective.create', 'plan.update', 'plan.create']);
    expect(history).toMatchObject({ total: 6, page: 1, pageCount: 1 });

    const update = history.events.find((e) => e.action === 'plan.update')!;
    expect(update).toMatchObject({ actorName: 'Sam Historian', entityType: 'FourPPlan', entityId: planId });
    expect(update.before).toMatchObject({ intelligenceGaps: '', planOwner: 'Sam Historian' });
    expect(update.after).toMatchObject({ intelligenceGaps: 'Who supplies the group', planOwner: 'Partner agency' });
    expect(history.events.find((e) => e.action === 'threat.assign-lro')).toMatchObject({ actorName: null, before: { lro: 'Old Officer' }, after: { lro: 'Sam Historian' } });
  });

  it('pages in the database, 25 to a page, and keeps a page beyond the end on the last page', async () => {
    const threat = await makeThreat(orgs.west);
    const base = Date.parse('2026-03-01T10:00:00Z');
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ action: 'objective.update', entityType: 'Objective', entityId: `o${i}`, threatId: threat.id, at: new Date(base + i * 60_000), after: JSON.stringify({ n: i }) })),
    });
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({ action: 'plan.view', entityType: 'FourPPlan', threatId: threat.id, at: new Date(base + i * 60_000 + 1) })),
    });

    const first = await listThreatHistory(threat.id, 1);
    expect(first).toMatchObject({ total: 30, page: 1, pageCount: 2, pageSize: HISTORY_PAGE_SIZE });
    expect(first.events).toHaveLength(25);
    expect(first.events[0]!.after).toEqual({ n: 29 });

    const second = await listThreatHistory(threat.id, 2);
    expect(second.events.map((e) => (e.after as { n: number }).n)).toEqual([4, 3, 2, 1, 0]);
    expect((await listThreatHistory(threat.id, 99)).page).toBe(2);
    expect((await listThreatHistory(threat.id, Number.NaN)).page).toBe(1);
  });

  it('keeps a before or after that is not JSON as text', async () => {
    const threat = await makeThreat(orgs.west);
    await prisma.auditEvent.create({ data: { action: 'legacy.import', entityType: 'SocThreat', threatId: threat.id, after: 'imported from spreadsheet' } });
    const { events } = await listThreatHistory(threat.id, 1);
    expect(events[0]).toMatchObject({ action: 'legacy.import', before: null, after: 'imported from spreadsheet' });
  });
});
