/**
 * The one authorisation table. `can(user, verb, resource)` is pure: it looks at the user's roles,
 * where the user sits in the organisation tree, and how the user relates to the record (holds the
 * threat, owns the action, the record is in their organisation or below, or was shared with their
 * organisation). Every server action, route handler and query asks this module; see
 * docs/adr/0001-authorisation.md.
 */

export const ROLES = ['LRO', 'ACTION_OWNER', 'MANAGER', 'COORDINATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['NATIONAL', 'REGION', 'ROCU', 'FORCE', 'LPA', 'PARTNER'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The person asking, as the session knows them (re-read from the database on every request). */
export type Actor = {
  id: string;
  roles: readonly Role[];
  organisationId: string;
  /** Materialised path of the user's organisation, e.g. "/reg/force/". */
  organisationPath: string;
  organisationKind: OrganisationKind;
};

/** How a user relates to a record. A user may hold several relations to one record. */
export const RELATIONS = ['holder', 'owner', 'organisation', 'shared'] as const;
export type Relation = (typeof RELATIONS)[number];

export type ThreatResource = {
  kind: 'threat';
  organisationPath: string;
  leadResponsibleOfficerId: string | null;
  deputyId: string | null;
  sharedWithOrganisationIds: readonly string[];
  /** Users who own at least one action on the threat's live plan (they may see that much). */
  actionOwnerUserIds?: readonly string[];
};

export type ActionResource = {
  kind: 'action';
  ownerUserId: string | null;
  threat: ThreatResource;
};

export type OrganisationResource = {
  kind: 'organisation';
  id: string;
  path: string;
};

export type UserResource = {
  kind: 'user';
  id: string;
  organisationPath: string;
};

/**
 * An ancillary order (SCPO, STRO, closure order...). Relations: 'organisation' when the order's
 * organisation is the user's or below; 'owner' for its managing officer; 'holder' for the LRO and
 * deputy of the threat it is linked to.
 */
export type OrderResource = {
  kind: 'order';
  organisationPath: string;
  managingOfficerId: string | null;
  /** The LRO and deputy of the linked threat (none without a threat). */
  threatHolderIds: readonly string[];
};

export type Resource = ThreatResource | ActionResource | OrganisationResource | UserResource | OrderResource;

export const VERBS = [
  'threat:read',
  'threat:create',
  'threat:update',
  'threat:assign-lro',
  'plan:read',
  'plan:edit',
  'plan:review',
  'action:read',
  'action:update',
  'disruption:record',
  'unmet-demand:record',
  'morile:assess',
  'morile:moderate',
  'order:manage',
  'order:read',
  'order:record-check',
  'training:record',
  'lro:read',
  'account:update',
  'outbox:read',
  'compliance:read',
  'settings:update',
  'export:create',
  'import:run',
  'user:read',
  'user:manage',
  'audit:read',
] as const;
export type Verb = (typeof VERBS)[number];

type Table = Record<Role, Partial<Record<Verb, readonly Relation[]>>>;

const READ_WIDE: readonly Relation[] = ['holder', 'organisation', 'shared'];
const ORG: readonly Relation[] = ['organisation'];

/**
 * Role x verb -> the relations under which the verb is allowed. Absent means never.
 * - LRO: works on the threats they hold (as LRO or deputy); reads their organisation's register.
 * - ACTION_OWNER (including partner-agency contacts): only their own actions and what is shared.
 * - MANAGER: reviews and edits plans, assigns LROs, manages ancillary orders, within their
 *   organisation and below.
 * - COORDINATOR: reads and audits their scope (a regional co-ordinator's organisation is the
 *   region, so the whole region), sets thresholds, records training, moderates MoRiLE, exports.
 * - ADMIN: users, organisations, imports, settings, audit, the outbox of e-mail.
 * - Everyone: their own account's preferences (account:update on themselves).
 */
export const POLICY: Table = {
  LRO: {
    'threat:read': READ_WIDE,
    'plan:read': READ_WIDE,
    'plan:edit': ['holder'],
    'action:read': [...READ_WIDE, 'owner'],
    'action:update': ['holder', 'owner'],
    'disruption:record': ['holder'],
    'unmet-demand:record': ['holder'],
    'morile:assess': ['holder'],
    // The orders on the threats they hold, and those they manage (and check) themselves.
    'order:read': ['holder', 'owner'],
    'order:record-check': ['owner'],
    'user:read': ORG,
    // Their own entry in the LRO register (a user resource's holder is that person).
    'lro:read': ['holder'],
    // Everyone sets their own preferences (e-mail reminders), nobody else's.
    'account:update': ['holder'],
  },
  ACTION_OWNER: {
    'threat:read': ['shared', 'owner'],
    'action:read': ['owner'],
    'action:update': ['owner'],
    'account:update': ['holder'],
  },
  MANAGER: {
    'threat:read': READ_WIDE,
    'threat:create': ORG,
    'threat:update': ORG,
    'threat:assign-lro': ORG,
    'plan:read': READ_WIDE,
    'plan:edit': ORG,
    'plan:review': ORG,
    'action:read': [...READ_WIDE, 'owner'],
    'action:update': ['organisation', 'owner'],
    'disruption:record': ORG,
    'unmet-demand:record': ORG,
    'morile:assess': ORG,
    'order:manage': ORG,
    'order:read': ['organisation', 'owner'],
    'order:record-check': ['organisation', 'owner'],
    'compliance:read': ORG,
    'user:read': ORG,
    'lro:read': ORG,
    'account:update': ['holder'],
  },
  COORDINATOR: {
    'threat:read': READ_WIDE,
    'threat:create': ORG,
    'threat:update': ORG,
    'plan:read': READ_WIDE,
    'action:read': READ_WIDE,
    'disruption:record': ORG,
    'unmet-demand:record': ORG,
    'morile:moderate': ORG,
    'order:manage': ORG,
    'order:read': ['organisation', 'owner'],
    'order:record-check': ['organisation', 'owner'],
    'training:record': ORG,
    'lro:read': ORG,
    'account:update': ['holder'],
    'compliance:read': ORG,
    'settings:update': ORG,
    'export:create': ORG,
    'import:run': ORG,
    'user:read': ORG,
    'audit:read': ORG,
  },
  ADMIN: {
    'threat:read': ORG,
    'settings:update': ORG,
    'import:run': ORG,
    'user:read': ORG,
    'user:manage': ORG,
    'audit:read': ORG,
    'lro:read': ORG,
    'account:update': ['holder'],
    // The outbox: e-mail to the people of their organisation and below (an organisation resource).
    'outbox:read': ORG,
  },
};

/** True when `path` is the organisation at `scopePath` or below it in the tree. */
export function isWithin(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath);
}

function threatRelations(user: Actor, threat: ThreatResource): Set<Relation> {
  const relations = new Set<Relation>();
  if (threat.leadResponsibleOfficerId === user.id || threat.deputyId === user.id) relations.add('holder');
  if (threat.actionOwnerUserIds?.includes(user.id)) relations.add('owner');
  if (isWithin(threat.organisationPath, user.organisationPath)) relations.add('organisation');
  if (threat.sharedWithOrganisationIds.includes(user.organisationId)) relations.add('shared');
  return relations;
}

/** Every relation the user holds to the resource. */
export function relationsOf(user: Actor, resource: Resource): Set<Relation> {
  switch (resource.kind) {
    case 'threat':
      return threatRelations(user, resource);
    case 'action': {
      const relations = threatRelations(user, resource.threat);
      // Owning some other action on the threat does not make this action yours.
      relations.delete('owner');
      if (resource.ownerUserId === user.id) relations.add('owner');
      return relations;
    }
    case 'organisation':
      return new Set(isWithin(resource.path, user.organisationPath) ? ['organisation'] : []);
    case 'order': {
      const relations = new Set<Relation>(isWithin(resource.organisationPath, user.organisationPath) ? ['organisation'] : []);
      if (resource.managingOfficerId === user.id) relations.add('owner');
      if (resource.threatHolderIds.includes(user.id)) relations.add('holder');
      return relations;
    }
    case 'user': {
      const relations = new Set<Relation>(isWithin(resource.organisationPath, user.organisationPath) ? ['organisation'] : []);
      // A person holds their own record (e.g. their entry in the LRO register).
      if (resource.id === user.id) relations.add('holder');
      return relations;
    }
  }
}

export function can(user: Actor, verb: Verb, resource: Resource): boolean {
  const relations = relationsOf(user, resource);
  if (relations.size === 0) return false;
  return user.roles.some((role) => (POLICY[role][verb] ?? []).some((relation) => relations.has(relation)));
}

/** Whether any of the user's roles has the verb at all (for navigation, before a record exists). */
export function hasVerb(user: Pick<Actor, 'roles'>, verb: Verb): boolean {
  return user.roles.some((role) => (POLICY[role][verb]?.length ?? 0) > 0);
}

/** The relations under which the user may use the verb, over all their roles (for query scoping). */
export function relationsFor(user: Pick<Actor, 'roles'>, verb: Verb): Set<Relation> {
  const out = new Set<Relation>();
  for (const role of user.roles) for (const relation of POLICY[role][verb] ?? []) out.add(relation);
  return out;
}
