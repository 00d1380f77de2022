// threatScopeSql (raw SQL, for the compliance queries) and threatScopeWhere (Prisma, for the
// register) are built from the same policy branches and must select the same threats.
import { beforeAll, describe, expect, it } from 'vitest';
import { join, prisma, sql } from './client';
import { threatScopeSql, threatScopeWhere } from './scope';
import { VERBS, type Actor, type Role, type Verb } from '@/lib/auth/policy';
import { asCurrentUser, makeOrganisation, makePlanWithAction, makeRegion, makeThreat, makeUser } from '@/test/factories';

let world: Awaited<ReturnType<typeof build>>;

async function build() {
  const orgs = await makeRegion();
  const otherRegion = await makeOrganisation({ kind: 'REGION', name: 'Other region' });
  const otherForce = await makeOrganisation({ parent: otherRegion, kind: 'FORCE', name: 'Other force' });
  const user = async (org: { id: string }, roles: Role[]) => asCurrentUser((await makeUser(org, roles)).id);
  const users = {
    lro: await user(orgs.west, ['LRO']),
    actionOwner: await user(orgs.west, ['ACTION_OWNER']),
    manager: await user(orgs.west, ['MANAGER']),
    lpaManager: await user(orgs.westLpa, ['MANAGER']),
    coordinator: await user(orgs.west, ['COORDINATOR']),
    regionalCoordinator: await user(orgs.region, ['COORDINATOR']),
    admin: await user(orgs.region, ['ADMIN']),
    partner: await user(orgs.partner, ['ACTION_OWNER']),
    otherForce: await user(otherForce, ['MANAGER', 'LRO']),
    lroAndManager: await user(orgs.south, ['LRO', 'MANAGER']),
  };
  const threats = [
    await makeThreat(orgs.west, { leadResponsibleOfficerId: users.lro.id }),
    await makeThreat(orgs.westLpa, {}),
    await makeThreat(orgs.south, { deputyId: users.lro.id, status: 'ARCHIVED' }),
    await makeThreat(orgs.west, { sharedWith: [orgs.partner.id], status: 'MAPPED' }),
    await makeThreat(orgs.south, {}),
    await makeThreat(orgs.south, {}),
    await makeThreat(otherForce, { leadResponsibleOfficerId: users.lro.id }),
    await makeThreat(otherForce, { sharedWith: [orgs.partner.id] }),
    await makeThreat(otherForce, { leadResponsibleOfficerId: users.lroAndManager.id }),
  ];
  await makePlanWithAction(threats[4]!.id, { ownerUserId: users.actionOwner.id });
  await makePlanWithAction(threats[5]!.id, { ownerUserId: users.partner.id });
  return { orgs, users, threatIds: threats.map((t) => t.id) };
}

beforeAll(async () => {
  world = await build();
});

// Only this test's threats, so that other tests' threats in the database do not count.
async function idsViaWhere(user: Actor, verb: Verb): Promise<string[] | null> {
  const where = threatScopeWhere(user, verb);
  if (!where) return null;
  const rows = await prisma.socThreat.findMany({ where: { AND: [where, { id: { in: world.threatIds } }] }, select: { id: true } });
  return rows.map((r) => r.id).sort();
}

async function idsViaSql(user: Actor, verb: Verb): Promise<string[] | null> {
  const scope = threatScopeSql(user, verb);
  if (!scope) return null;
  const rows = await prisma.$queryRaw<{ id: string }[]>(sql`SELECT s."id" FROM (${scope}) s WHERE s."id" IN (${join(world.threatIds)})`);
  return rows.map((r) => r.id).sort();
}

describe('threatScopeSql', () => {
  it.each(['lro', 'actionOwner', 'manager', 'lpaManager', 'coordinator', 'regionalCoordinator', 'admin', 'partner', 'otherForce', 'lroAndManager'] as const)(
    'selects the same threats as threatScopeWhere for %s, for every verb',
    async (key) => {
      const user = world.users[key];
      for (const verb of VERBS) {
        const [viaWhere, viaSql] = await Promise.all([idsViaWhere(user, verb), idsViaSql(user, verb)]);
        expect(viaSql, `${key} ${verb}`).toEqual(viaWhere);
      }
      // The register's own verb sees something for every role here.
      expect((await idsViaSql(user, 'threat:read'))!.length).toBeGreaterThan(0);
    },
  );

  it.each([
    ['lro', [0, 1, 2, 3, 6]],
    ['actionOwner', [4]],
    ['partner', [3, 5, 7]],
    ['lpaManager', [1]],
    ['regionalCoordinator', [0, 1, 2, 3, 4, 5]],
    ['otherForce', [6, 7, 8]],
    ['lroAndManager', [2, 4, 5, 8]],
  ] as const)('gives %s the threats the policy allows', async (key, indexes) => {
    expect(await idsViaSql(world.users[key], 'threat:read')).toEqual(indexes.map((i) => world.threatIds[i]!).sort());
  });

  it('is null when no role allows the verb', () => {
    expect(threatScopeSql(world.users.partner, 'settings:update')).toBeNull();
    expect(threatScopeWhere(world.users.partner, 'settings:update')).toBeNull();
  });
});
