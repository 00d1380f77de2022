import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { runAuthed, type ActionConfig } from './authed-action';
import { updateThreat } from './threats';
import { prisma } from '@/lib/db/client';
import type { Role } from '@/lib/auth/policy';
import type { CurrentUser } from '@/lib/auth/session';
import { asCurrentUser, makeRegion, makeThreat, makeUser } from '@/test/factories';

let orgs: Awaited<ReturnType<typeof makeRegion>>;
let lro: CurrentUser;

beforeAll(async () => {
  orgs = await makeRegion();
  lro = await asCurrentUser((await makeUser(orgs.west, ['LRO'])).id);
});

const validInput = (threat: { id: string; version: number }, overrides: Record<string, unknown> = {}) => ({
  threatId: threat.id,
  version: threat.version,
  name: 'Renamed threat',
  type: 'OCG',
  tier: 2,
  areas: ['DRUGS', 'FRAUD'],
  status: 'ACTIVE',
  ...overrides,
});

const auditCount = (entityId: string) => prisma.auditEvent.count({ where: { entityId, action: 'threat.update' } });

describe('authedAction with updateThreat: every role, in and out of scope', () => {
  const cases: { who: string; role: Role; org: 'west' | 'westLpa' | 'south' | 'partner' | 'region'; allowed: boolean }[] = [
    { who: 'a manager of the owning force', role: 'MANAGER', org: 'west', allowed: true },
    { who: 'a co-ordinator of the owning force', role: 'COORDINATOR', org: 'west', allowed: true },
    { who: 'the regional co-ordinator', role: 'COORDINATOR', org: 'region', allowed: true },
    { who: 'an LRO of the owning force', role: 'LRO', org: 'west', allowed: false },
    { who: 'an action owner of the owning force', role: 'ACTION_OWNER', org: 'west', allowed: false },
    { who: 'an admin of the region', role: 'ADMIN', org: 'region', allowed: false },
    { who: 'a manager of an LPA below the owning force', role: 'MANAGER', org: 'westLpa', allowed: false },
    { who: 'a manager of another force', role: 'MANAGER', org: 'south', allowed: false },
    { who: 'a co-ordinator of another force', role: 'COORDINATOR', org: 'south', allowed: false },
    { who: 'a partner agency user', role: 'ACTION_OWNER', org: 'partner', allowed: false },
  ];

  it.each(cases)('$who ($role) -> allowed: $allowed', async ({ role, org, allowed }) => {
    const threat = await makeThreat(orgs.west, { name: 'Before' });
    const user = await asCurrentUser((await makeUser(orgs[org], [role])).id);
    const state = await runAuthed(user, updateThreat, validInput(threat));
    const after = await prisma.socThreat.findUniqueOrThrow({ where: { id: threat.id }, select: { name: true, version: true } });
    if (allowed) {
      expect(state).toMatchObject({ status: 'success', data: { version: 2 } });
      expect(after).toEqual({ name: 'Renamed threat', version: 2 });
      expect(await auditCount(threat.id)).toBe(1);
    } else {
      // Refused exactly as if the record did not exist, and nothing written.
      expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
      expect(after).toEqual({ name: 'Before', version: 1 });
      expect(await auditCount(threat.id)).toBe(0);
    }
  });
});

describe('authedAction: input, concurrency, audit', () => {
  it('records before and after in the audit event, with the actor and organisation', async () => {
    const threat = await makeThreat(orgs.west, { name: 'Audited', areas: ['CYBER'] });
    const manager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'])).id);
    await runAuthed(manager, updateThreat, validInput(threat, { name: 'Audited again' }));
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: threat.id }, select: { actorId: true, organisationId: true, before: true, after: true } });
    expect(event.actorId).toBe(manager.id);
    expect(event.organisationId).toBe(orgs.west.id);
    expect(JSON.parse(event.before!)).toMatchObject({ name: 'Audited', areas: ['CYBER'] });
    expect(JSON.parse(event.after!)).toMatchObject({ name: 'Audited again', areas: ['DRUGS', 'FRAUD'] });
  });

  it('refuses bad input with the field messages and keeps what was typed', async () => {
    const threat = await makeThreat(orgs.west);
    const manager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'])).id);
    const input = validInput(threat, { name: '   ', areas: [], tier: '', status: 'ARCHIVED', archivedReason: '' });
    const state = await runAuthed(manager, updateThreat, input);
    expect(state.status).toBe('error');
    if (state.status !== 'error') return;
    expect(state.fieldErrors).toMatchObject({
      name: ['Enter the threat name'],
      areas: ['Select at least one threat area'],
      tier: ['Select the tier'],
      archivedReason: ['Enter the reason for archiving the threat'],
    });
    expect(state.values).toMatchObject({ name: '   ', status: 'ARCHIVED' });
  });

  it('refuses unknown fields (strict schemas)', async () => {
    const threat = await makeThreat(orgs.west);
    const manager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'])).id);
    const state = await runAuthed(manager, updateThreat, validInput(threat, { organisationId: orgs.south.id }));
    expect(state.status).toBe('error');
    expect((await prisma.socThreat.findUniqueOrThrow({ where: { id: threat.id }, select: { organisationId: true } })).organisationId).toBe(orgs.west.id);
  });

  it('accepts FormData as sent by a plain form post', async () => {
    const threat = await makeThreat(orgs.west);
    const manager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'])).id);
    const form = new FormData();
    for (const [key, value] of Object.entries(validInput(threat, { tier: '4' }))) {
      for (const v of ([] as unknown[]).concat(value)) form.append(key, String(v));
    }
    expect(await runAuthed(manager, updateThreat, form)).toMatchObject({ status: 'success' });
    expect((await prisma.socThreat.findUniqueOrThrow({ where: { id: threat.id }, select: { tier: true } })).tier).toBe(4);
  });

  it('refuses the second of two saves from the same version, naming who saved first', async () => {
    const threat = await makeThreat(orgs.west, { name: 'Contested' });
    const first = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'], { name: 'Inspector First' })).id);
    const second = await asCurrentUser((await makeUser(orgs.west, ['COORDINATOR'], { name: 'Sergeant Second' })).id);
    expect(await runAuthed(first, updateThreat, validInput(threat, { name: 'First wins' }))).toMatchObject({ status: 'success' });
    const state = await runAuthed(second, updateThreat, validInput(threat, { name: 'Second loses' }));
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT', values: { name: 'Second loses' } });
    if (state.status === 'error') expect(state.message).toContain('Inspector First');
    const after = await prisma.socThreat.findUniqueOrThrow({ where: { id: threat.id }, select: { name: true, version: true } });
    expect(after).toEqual({ name: 'First wins', version: 2 });
    expect(await auditCount(threat.id)).toBe(1);
  });

  it('rolls back the write and its audit together when the handler fails part-way', async () => {
    const threat = await makeThreat(orgs.west, { name: 'Atomic' });
    const manager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'])).id);
    const failing: ActionConfig<typeof updateThreat.schema, unknown, unknown> = {
      ...updateThreat,
      name: 'test.failing',
      async handler(args) {
        await updateThreat.handler(args as Parameters<typeof updateThreat.handler>[0]);
        throw new Error('boom after writing');
      },
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(runAuthed(manager, failing, validInput(threat, { name: 'Half written' }))).rejects.toThrow('boom');
    expect(JSON.parse(String(logged.mock.calls[0]?.[0]))).toMatchObject({ event: 'action-failed', action: 'test.failing' });
    logged.mockRestore();
    expect((await prisma.socThreat.findUniqueOrThrow({ where: { id: threat.id }, select: { name: true } })).name).toBe('Atomic');
    expect(await auditCount(threat.id)).toBe(0);
  });

  it('refuses a signed-out caller', async () => {
    const threat = await makeThreat(orgs.west);
    expect(await runAuthed(null, updateThreat, validInput(threat))).toMatchObject({ status: 'error', message: 'Your session has ended. Sign in again.' });
  });

  it('an LRO may not edit master-list details even of a threat they hold', async () => {
    const threat = await makeThreat(orgs.west, { leadResponsibleOfficerId: lro.id });
    expect(await runAuthed(lro, updateThreat, validInput(threat))).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
  });

  it('validates with the schema before loading anything', async () => {
    let loaded = false;
    const config: ActionConfig<z.ZodObject<{ id: z.ZodString }>, unknown, unknown> = {
      name: 'test.validate-first',
      schema: z.object({ id: z.string().min(1, 'Enter the id') }).strict(),
      verb: 'threat:read',
      async load() {
        loaded = true;
        return null;
      },
      async handler() {
        return { audit: [] };
      },
    };
    expect(await runAuthed(lro, config, { id: '' })).toMatchObject({ status: 'error', fieldErrors: { id: ['Enter the id'] } });
    expect(loaded).toBe(false);
  });
});
