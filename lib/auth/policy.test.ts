import { describe, expect, it } from 'vitest';
import { can, hasVerb, relationsOf, ROLES, VERBS, RELATIONS, type Actor, type OrderResource, type Relation, type Resource, type Role, type ThreatResource, type Verb } from './policy';

// The organisation tree the cases below stand in.
const REGION = '/yh/';
const WEST = '/yh/wyp/';
const WEST_LPA = '/yh/wyp/leeds/';
const SOUTH = '/yh/syp/';
const HMRC = '/yh/hmrc/';

const actor = (role: Role, organisationPath = WEST, organisationId = 'wyp', id = 'me'): Actor => ({
  id,
  roles: [role],
  organisationId,
  organisationPath,
  organisationKind: 'FORCE',
});

const threat = (overrides: Partial<ThreatResource> = {}): ThreatResource => ({
  kind: 'threat',
  organisationPath: WEST_LPA,
  leadResponsibleOfficerId: null,
  deputyId: null,
  sharedWithOrganisationIds: [],
  actionOwnerUserIds: [],
  ...overrides,
});

/** A resource to which user `me` of West Yorkshire holds exactly one relation. */
function resourceWith(relation: Relation, verb: Verb): Resource {
  const outside = { organisationPath: SOUTH };
  if (verb.startsWith('action:')) {
    const base = threat(outside);
    switch (relation) {
      case 'holder': return { kind: 'action', ownerUserId: 'someone', threat: { ...base, leadResponsibleOfficerId: 'me' } };
      case 'owner': return { kind: 'action', ownerUserId: 'me', threat: base };
      case 'organisation': return { kind: 'action', ownerUserId: 'someone', threat: threat() };
      case 'shared': return { kind: 'action', ownerUserId: 'someone', threat: { ...base, sharedWithOrganisationIds: ['wyp'] } };
    }
  }
  if (verb.startsWith('order:')) {
    // An order has no "shared" relation: that case expects no relation at all.
    return {
      kind: 'order',
      organisationPath: relation === 'organisation' ? WEST_LPA : SOUTH,
      managingOfficerId: relation === 'owner' ? 'me' : 'someone',
      threatHolderIds: relation === 'holder' ? ['me'] : ['someone'],
    };
  }
  if (['training:record', 'settings:update', 'compliance:read', 'export:create', 'import:run', 'audit:read', 'threat:create', 'outbox:read'].includes(verb)) {
    return { kind: 'organisation', id: 'leeds', path: relation === 'organisation' ? WEST_LPA : SOUTH };
  }
  if (verb === 'user:read' || verb === 'user:manage' || verb === 'lro:read' || verb === 'account:update') {
    // The holder of a user record is that person.
    return { kind: 'user', id: relation === 'holder' ? 'me' : 'u', organisationPath: relation === 'organisation' ? WEST_LPA : SOUTH };
  }
  switch (relation) {
    case 'holder': return threat({ ...outside, deputyId: 'me' });
    case 'owner': return threat({ ...outside, actionOwnerUserIds: ['me'] });
    case 'organisation': return threat();
    case 'shared': return threat({ ...outside, sharedWithOrganisationIds: ['wyp'] });
  }
}

/**
 * The expected policy, written out by hand as the specification: role -> "verb@relation" pairs
 * that are allowed. Every other role x verb x relation must be refused.
 */
const ALLOWED: Record<Role, string[]> = {
  LRO: [
    'threat:read@holder', 'threat:read@organisation', 'threat:read@shared',
    'plan:read@holder', 'plan:read@organisation', 'plan:read@shared',
    'plan:edit@holder',
    'action:read@holder', 'action:read@organisation', 'action:read@shared', 'action:read@owner',
    'action:update@holder', 'action:update@owner',
    'disruption:record@holder', 'unmet-demand:record@holder', 'morile:assess@holder',
    'order:read@holder', 'order:read@owner', 'order:record-check@owner',
    'user:read@organisation', 'lro:read@holder', 'account:update@holder',
  ],
  ACTION_OWNER: ['threat:read@shared', 'threat:read@owner', 'action:read@owner', 'action:update@owner', 'account:update@holder'],
  MANAGER: [
    'threat:read@holder', 'threat:read@organisation', 'threat:read@shared',
    'threat:create@organisation', 'threat:update@organisation', 'threat:assign-lro@organisation',
    'plan:read@holder', 'plan:read@organisation', 'plan:read@shared',
    'plan:edit@organisation', 'plan:review@organisation',
    'action:read@holder', 'action:read@organisation', 'action:read@shared', 'action:read@owner',
    'action:update@organisation', 'action:update@owner',
    'disruption:record@organisation', 'unmet-demand:record@organisation', 'morile:assess@organisation',
    'order:manage@organisation', 'order:read@organisation', 'order:read@owner',
    'order:record-check@organisation', 'order:record-check@owner',
    'compliance:read@organisation', 'user:read@organisation', 'lro:read@organisation', 'account:update@holder',
  ],
  COORDINATOR: [
    'threat:read@holder', 'threat:read@organisation', 'threat:read@shared',
    'threat:create@organisation', 'threat:update@organisation',
    'plan:read@holder', 'plan:read@organisation', 'plan:read@shared',
    'action:read@holder', 'action:read@organisation', 'action:read@shared',
    'disruption:record@organisation', 'unmet-demand:record@organisation', 'morile:moderate@organisation',
    'order:manage@organisation', 'order:read@organisation', 'order:read@owner',
    'order:record-check@organisation', 'order:record-check@owner',
    'training:record@organisation', 'compliance:read@organisation',
    'settings:update@organisation', 'export:create@organisation', 'import:run@organisation',
    'user:read@organisation', 'audit:read@organisation', 'lro:read@organisation', 'account:update@holder',
  ],
  ADMIN: [
    'threat:read@organisation', 'settings:update@organisation', 'import:run@organisation',
    'user:read@organisation', 'user:manage@organisation', 'audit:read@organisation', 'lro:read@organisation',
    'account:update@holder', 'outbox:read@organisation',
  ],
};

describe('can(): every role x verb x relation', () => {
  const cases = ROLES.flatMap((role) =>
    VERBS.flatMap((verb) => RELATIONS.map((relation) => ({ role, verb, relation, allowed: ALLOWED[role].includes(`${verb}@${relation}`) }))),
  );

  it.each(cases)('$role $verb with relation $relation -> $allowed', ({ role, verb, relation, allowed }) => {
    const resource = resourceWith(relation, verb);
    const user = actor(role);
    // Organisation resources have only the "organisation" relation; user resources also "holder" (the person themselves).
    // Orders have no "shared" relation.
    if (
      ((resource.kind === 'organisation' || (resource.kind === 'user' && relation !== 'holder')) && relation !== 'organisation') ||
      (resource.kind === 'order' && relation === 'shared')
    ) {
      expect(relationsOf(user, resource).size).toBe(0);
      expect(can(user, verb, resource)).toBe(false);
      return;
    }
    expect(relationsOf(user, resource)).toEqual(new Set([relation]));
    expect(can(user, verb, resource)).toBe(allowed);
  });

  it('the specification names only real verbs and relations', () => {
    for (const pairs of Object.values(ALLOWED)) {
      for (const pair of pairs) {
        const [verb, relation] = pair.split('@');
        expect(VERBS).toContain(verb);
        expect(RELATIONS).toContain(relation);
      }
    }
  });
});

describe('can(): scope over the organisation tree', () => {
  it.each(ROLES.flatMap((role) => VERBS.map((verb) => ({ role, verb }))))(
    'a $role of another force may never $verb a threat that is not theirs',
    ({ role, verb }) => {
      expect(can(actor(role, SOUTH, 'syp'), verb, threat())).toBe(false);
    },
  );

  it('a regional co-ordinator reads the threats of every force in the region', () => {
    const regional = actor('COORDINATOR', REGION, 'yh');
    expect(can(regional, 'threat:read', threat({ organisationPath: SOUTH }))).toBe(true);
    expect(can(regional, 'threat:read', threat({ organisationPath: WEST_LPA }))).toBe(true);
    expect(can(regional, 'plan:edit', threat())).toBe(false);
  });

  it('a force co-ordinator does not read a neighbouring force', () => {
    expect(can(actor('COORDINATOR'), 'threat:read', threat({ organisationPath: SOUTH }))).toBe(false);
  });

  it('an LPA user does not see the force above them', () => {
    expect(can(actor('MANAGER', WEST_LPA, 'leeds'), 'threat:read', threat({ organisationPath: WEST }))).toBe(false);
  });

  it('a partner sees only what is shared with their organisation or holds their actions', () => {
    const partner = actor('ACTION_OWNER', HMRC, 'hmrc', 'partner');
    expect(can(partner, 'threat:read', threat())).toBe(false);
    expect(can(partner, 'threat:read', threat({ sharedWithOrganisationIds: ['hmrc'] }))).toBe(true);
    expect(can(partner, 'plan:read', threat({ sharedWithOrganisationIds: ['hmrc'] }))).toBe(false);
    expect(can(partner, 'action:update', { kind: 'action', ownerUserId: 'partner', threat: threat() })).toBe(true);
    expect(can(partner, 'action:update', { kind: 'action', ownerUserId: 'other', threat: threat({ actionOwnerUserIds: ['partner'] }) })).toBe(false);
  });

  it('a path prefix of another organisation name is not the same organisation', () => {
    // "/yh/wyp/" must not match "/yh/wypx/": paths end with a slash for that reason.
    expect(can(actor('MANAGER'), 'threat:read', threat({ organisationPath: '/yh/wypx/' }))).toBe(false);
  });

  it('roles combine: a manager who is also an LRO holds both sets of rights', () => {
    const both: Actor = { ...actor('MANAGER'), roles: ['MANAGER', 'LRO'] };
    expect(can(both, 'plan:edit', threat({ organisationPath: SOUTH, leadResponsibleOfficerId: 'me' }))).toBe(true);
    expect(can(both, 'plan:review', threat())).toBe(true);
  });

  it('an LRO reads their own entry in the LRO register, not a colleague\'s; a manager reads their organisation\'s', () => {
    const self = { kind: 'user', id: 'me', organisationPath: WEST } as const;
    const colleague = { kind: 'user', id: 'colleague', organisationPath: WEST } as const;
    expect(can(actor('LRO'), 'lro:read', self)).toBe(true);
    expect(can(actor('LRO'), 'lro:read', colleague)).toBe(false);
    expect(can(actor('MANAGER'), 'lro:read', colleague)).toBe(true);
    expect(can(actor('MANAGER', SOUTH, 'syp'), 'lro:read', colleague)).toBe(false);
    // Being the person gives no other right over their record.
    expect(can(actor('LRO'), 'training:record', self)).toBe(false);
    expect(can(actor('ADMIN', SOUTH, 'syp'), 'user:manage', { ...self, organisationPath: WEST })).toBe(false);
  });

  it('orders: the managing officer checks but does not edit; the threat\'s LRO reads; scope follows the order\'s organisation', () => {
    const order = (overrides: Partial<OrderResource> = {}): OrderResource => ({
      kind: 'order',
      organisationPath: WEST_LPA,
      managingOfficerId: null,
      threatHolderIds: [],
      ...overrides,
    });
    const managedElsewhere = order({ organisationPath: SOUTH, managingOfficerId: 'me' });
    expect(can(actor('LRO'), 'order:record-check', managedElsewhere)).toBe(true);
    expect(can(actor('LRO'), 'order:manage', managedElsewhere)).toBe(false);
    expect(can(actor('MANAGER'), 'order:record-check', managedElsewhere)).toBe(true);
    expect(can(actor('MANAGER'), 'order:manage', managedElsewhere)).toBe(false);
    expect(can(actor('LRO'), 'order:read', order({ organisationPath: SOUTH, threatHolderIds: ['me'] }))).toBe(true);
    expect(can(actor('LRO'), 'order:record-check', order({ organisationPath: SOUTH, threatHolderIds: ['me'] }))).toBe(false);
    // An LRO does not read every order of their force, only those on their threats or managed by them.
    expect(can(actor('LRO'), 'order:read', order())).toBe(false);
    expect(can(actor('MANAGER'), 'order:manage', order())).toBe(true);
    expect(can(actor('COORDINATOR', REGION, 'yh'), 'order:read', order({ organisationPath: SOUTH }))).toBe(true);
    expect(can(actor('MANAGER', SOUTH, 'syp'), 'order:read', order())).toBe(false);
    expect(can(actor('ACTION_OWNER'), 'order:read', order({ managingOfficerId: 'me' }))).toBe(false);
    expect(can(actor('ADMIN'), 'order:read', order())).toBe(false);
  });

  it('everyone changes their own account preferences and nobody else\'s; only an admin reads the outbox', () => {
    const self = { kind: 'user', id: 'me', organisationPath: WEST } as const;
    const colleague = { kind: 'user', id: 'colleague', organisationPath: WEST_LPA } as const;
    for (const role of ROLES) {
      expect(can(actor(role), 'account:update', self)).toBe(true);
      expect(can(actor(role), 'account:update', colleague)).toBe(false);
    }
    expect(can(actor('ADMIN'), 'outbox:read', { kind: 'organisation', id: 'leeds', path: WEST_LPA })).toBe(true);
    expect(can(actor('ADMIN', SOUTH, 'syp'), 'outbox:read', { kind: 'organisation', id: 'leeds', path: WEST_LPA })).toBe(false);
    expect(ROLES.filter((role) => hasVerb({ roles: [role] }, 'outbox:read'))).toEqual(['ADMIN']);
  });

  it('hasVerb answers for navigation without a record', () => {
    expect(hasVerb({ roles: ['ACTION_OWNER'] }, 'compliance:read')).toBe(false);
    expect(hasVerb({ roles: ['COORDINATOR'] }, 'compliance:read')).toBe(true);
  });
});
