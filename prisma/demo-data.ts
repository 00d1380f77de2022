/**
 * The demo sign-ins and the records the README and the end-to-end tests rely on. prisma/seed.ts
 * creates exactly these; nothing here imports Prisma, so Playwright specs can import it as is.
 *
 * Everyone and everything in the demo data is invented.
 */

export const DEMO_PASSWORD = 'quadrant-demo';

export type DemoRole = 'LRO' | 'ACTION_OWNER' | 'MANAGER' | 'COORDINATOR' | 'ADMIN';

export type DemoUser = {
  email: string;
  name: string;
  rank: string | null;
  /** How the README describes the sign-in, e.g. "LRO (West Yorkshire Police)". */
  roleLabel: string;
  roles: readonly DemoRole[];
  /** Organisation.code of the user's organisation. */
  organisationCode: string;
};

export const DEMO_USERS = {
  /** Holds three active West Yorkshire threats (with flags) and one archived; LRO-trained. */
  lro: {
    email: 'lro@quadrant.test',
    name: 'Sam Ashworth',
    rank: 'Detective Inspector',
    roleLabel: 'LRO (West Yorkshire Police)',
    roles: ['LRO'],
    organisationCode: 'WYP',
  },
  /** An HMRC officer who owns actions on West Yorkshire threats shared with HMRC. */
  partner: {
    email: 'partner@quadrant.test',
    name: 'Robin Fairclough',
    rank: 'Higher Officer',
    roleLabel: 'Action owner (HMRC)',
    roles: ['ACTION_OWNER'],
    organisationCode: 'HMRC',
  },
  /** Reviews West Yorkshire plans. */
  manager: {
    email: 'manager@quadrant.test',
    name: 'Morgan Whitcombe',
    rank: 'Detective Chief Inspector',
    roleLabel: 'Manager (West Yorkshire Police)',
    roles: ['MANAGER'],
    organisationCode: 'WYP',
  },
  forceCoordinator: {
    email: 'force.coordinator@quadrant.test',
    name: 'Alex Pendleton',
    rank: 'Police staff',
    roleLabel: 'Force SOC co-ordinator (West Yorkshire Police)',
    roles: ['COORDINATOR'],
    organisationCode: 'WYP',
  },
  regionalCoordinator: {
    email: 'regional.coordinator@quadrant.test',
    name: 'Jamie Thackray',
    rank: 'Detective Inspector',
    roleLabel: 'Regional SOC co-ordinator (Yorkshire and the Humber)',
    roles: ['COORDINATOR'],
    organisationCode: 'YH',
  },
  admin: {
    email: 'admin@quadrant.test',
    name: 'Chris Oldroyd',
    rank: 'Police staff',
    roleLabel: 'Admin (Yorkshire and the Humber)',
    roles: ['ADMIN'],
    organisationCode: 'YH',
  },
} as const satisfies Record<string, DemoUser>;

export type DemoUserKey = keyof typeof DEMO_USERS;

/** URNs of threats with properties the tests depend on. */
export const DEMO_REFERENCES = {
  /** West Yorkshire OCG held by the demo LRO, with an active plan (overdue and stale actions,
   *  changed since its last review, an SCPO, a closed earlier plan). */
  lroThreatUrn: 'WYP-OCG-0112',
  /** South Yorkshire OCG with an active plan: nobody in West Yorkshire may see it. */
  otherForceThreatUrn: 'SYP-OCG-0064',
  /** West Yorkshire OCG held by the demo LRO, shared with HMRC; the demo partner owns two of its
   *  actions (one in progress, one not started). */
  sharedWithPartnerUrn: 'WYP-OCG-0087',
  /** West Yorkshire ACTIVE priority individual held by the demo LRO, mapped 35 days ago, with no
   *  plan at all (THREAT_NO_PLAN). */
  noPlanThreatUrn: 'WYP-PI-0058',
} as const;
