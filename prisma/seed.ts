/**
 * Demo data for Quadrant: the Yorkshire and the Humber region, its four forces, the ROCU, local
 * policing areas and partner agencies, about sixty SOC threats with their 4P plans, reviews,
 * disruptions, unmet demand and ancillary orders, and the demo sign-ins of prisma/demo-data.ts.
 *
 * Every name, codename and reference is invented. Threats are codenamed from two unrelated words
 * ("Amber Heron"), priority individuals are "Nominal 0412", places are only district names.
 *
 * Two properties matter more than the content:
 * - Deterministic: one seeded PRNG (mulberry32, fixed seed), consumed in a fixed order, so every
 *   run produces the same records. No Math.random, no faker.
 * - Relative to the moment it runs: `now` is read once and every date is an offset in days from
 *   it, so the compliance flags (overdue, stale, unreviewed ...) mean the same whenever it runs.
 *
 * The threats are a hand-written scenario table (THREATS below): one row per threat, naming the
 * traits that row should show (overdue actions, never reviewed, pursue-only ...). Generators fill
 * in the detail from the traits, so a reader can see which threat raises which flag, and a test
 * can rely on it. Run directly it seeds the database named by DATABASE_URL:
 *
 *   node --conditions=react-server --import tsx prisma/seed.ts
 *
 * It refuses to run when organisations exist already (`npm run db:reset` wipes first).
 */
import bcrypt from 'bcryptjs';
import type { Prisma, PrismaClient } from '../lib/db/generated/sqlite/client';
import type {
  ActionStatus,
  CapabilityNeeded,
  ComplianceCheckResult,
  Confidence,
  DisruptionCategory,
  EngagementKind,
  MorilePriority,
  OrderKind,
  OrganisationKind,
  ReviewOutcome,
  Role,
  Shortfall,
  Strand,
  ThreatArea,
  ThreatType,
  TrainingKind,
} from '../lib/db/generated/sqlite/enums';
import { DEMO_PASSWORD, DEMO_REFERENCES, DEMO_USERS, type DemoUserKey } from './demo-data';

/** The PRNG seed. Change it and every generated detail changes; the scenario table does not. */
export const SEED = 20251125;

const DAY_MS = 24 * 60 * 60 * 1000;
const BCRYPT_COST = 10;

// ---------------------------------------------------------------------------------------------
// Randomness and time
// ---------------------------------------------------------------------------------------------

/** mulberry32: tiny, fast, good enough for demo data, and identical on every platform. */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return Math.floor(this.between(min, max + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T extends string>(weights: Readonly<Partial<Record<T, number>>>): T {
    const entries = Object.entries(weights) as [T, number][];
    let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1][0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }
}

/**
 * Ids look like cuids ("c" and 24 base-36 characters) so that anything validating ids as cuids
 * accepts seeded records, but come from their own PRNG stream so they are stable too.
 */
class IdFactory {
  private readonly random: Random;
  constructor(seed: number) {
    this.random = new Random(seed ^ 0x5eed1d5);
  }
  next(): string {
    let id = 'c';
    for (let i = 0; i < 24; i++) id += '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(this.random.next() * 36)];
    return id;
  }
}

/**
 * Every moment in the generators is "days ago" (a float; negative is the future). This turns it
 * into a Date: `at` for timestamps, `day` for calendar dates (UTC midnight), which is what a date
 * field in a form stores.
 */
class Clock {
  private readonly midnight: number;
  constructor(readonly now: Date) {
    this.midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  }
  at(daysAgo: number): Date {
    return new Date(this.now.getTime() - daysAgo * DAY_MS);
  }
  day(daysAgo: number): Date {
    return new Date(this.midnight - Math.round(daysAgo) * DAY_MS);
  }
}

// ---------------------------------------------------------------------------------------------
// Organisations and people
// ---------------------------------------------------------------------------------------------

type OrgSpec = { code: string; name: string; kind: OrganisationKind; parent?: string };

/** Region at the root; ROCU, forces and partner agencies under it; local policing areas under
 *  their force. District names are real places, which is fine: places are not people. */
const ORGANISATIONS: readonly OrgSpec[] = [
  { code: 'YH', name: 'Yorkshire and the Humber', kind: 'REGION' },
  { code: 'YHROCU', name: 'Yorkshire and Humber ROCU', kind: 'ROCU', parent: 'YH' },
  { code: 'HUM', name: 'Humberside Police', kind: 'FORCE', parent: 'YH' },
  { code: 'NYP', name: 'North Yorkshire Police', kind: 'FORCE', parent: 'YH' },
  { code: 'SYP', name: 'South Yorkshire Police', kind: 'FORCE', parent: 'YH' },
  { code: 'WYP', name: 'West Yorkshire Police', kind: 'FORCE', parent: 'YH' },
  { code: 'HUM-HULL', name: 'Hull District', kind: 'LPA', parent: 'HUM' },
  { code: 'HUM-ER', name: 'East Riding District', kind: 'LPA', parent: 'HUM' },
  { code: 'HUM-NL', name: 'North Lincolnshire District', kind: 'LPA', parent: 'HUM' },
  { code: 'NYP-YORK', name: 'City of York District', kind: 'LPA', parent: 'NYP' },
  { code: 'NYP-HARR', name: 'Harrogate District', kind: 'LPA', parent: 'NYP' },
  { code: 'NYP-SCAR', name: 'Scarborough District', kind: 'LPA', parent: 'NYP' },
  { code: 'SYP-SHEF', name: 'Sheffield District', kind: 'LPA', parent: 'SYP' },
  { code: 'SYP-ROTH', name: 'Rotherham District', kind: 'LPA', parent: 'SYP' },
  { code: 'SYP-DONC', name: 'Doncaster District', kind: 'LPA', parent: 'SYP' },
  { code: 'WYP-LEEDS', name: 'Leeds District', kind: 'LPA', parent: 'WYP' },
  { code: 'WYP-BRAD', name: 'Bradford District', kind: 'LPA', parent: 'WYP' },
  { code: 'WYP-KIRK', name: 'Kirklees District', kind: 'LPA', parent: 'WYP' },
  { code: 'WYP-CALD', name: 'Calderdale District', kind: 'LPA', parent: 'WYP' },
  { code: 'HMRC', name: 'HMRC', kind: 'PARTNER', parent: 'YH' },
  { code: 'DWP', name: 'Department for Work and Pensions', kind: 'PARTNER', parent: 'YH' },
  { code: 'BF', name: 'Border Force', kind: 'PARTNER', parent: 'YH' },
  { code: 'LCC', name: 'Leeds City Council', kind: 'PARTNER', parent: 'YH' },
  { code: 'SCC', name: 'Sheffield City Council', kind: 'PARTNER', parent: 'YH' },
  { code: 'GLAA', name: 'Gangmasters and Labour Abuse Authority', kind: 'PARTNER', parent: 'YH' },
];

type PartnerCode = 'HMRC' | 'DWP' | 'BF' | 'LCC' | 'SCC' | 'GLAA';
/** The prefix of a threat's references: its force, or the ROCU. */
type Unit = 'WYP' | 'SYP' | 'HUM' | 'NYP' | 'YHROCU';

/** How a partner is named as the owner of an action it has taken on. A team, never a person. */
const PARTNER_CONTACTS: Record<PartnerCode, string> = {
  HMRC: 'HMRC Fraud Investigation Service',
  DWP: 'DWP Serious and Organised Crime team',
  BF: 'Border Force intelligence desk',
  LCC: 'Leeds community safety partnership team',
  SCC: 'Sheffield housing and neighbourhoods team',
  GLAA: 'GLAA labour abuse prevention team',
};

type LroTraining = 'current' | 'expiring' | 'expired' | 'none';

type UserSpec = {
  email: string;
  name: string;
  rank: string | null;
  org: string;
  roles: readonly Role[];
  training?: LroTraining;
  /** Other courses on record. */
  extraTraining?: readonly TrainingKind[];
  active?: boolean;
};

/** Officers besides the demo sign-ins: LROs across the forces (one overloaded, some untrained),
 *  managers who review plans, a partner officer acting as LRO, and one officer who has left. */
const OFFICERS = {
  wypOverloaded: { email: 'dana.holroyd@quadrant.test', name: 'Dana Holroyd', rank: 'Detective Inspector', org: 'WYP', roles: ['LRO'], training: 'current' },
  wypInspector: { email: 'lee.brearley@quadrant.test', name: 'Lee Brearley', rank: 'Inspector', org: 'WYP-LEEDS', roles: ['LRO'], training: 'none' },
  wypSergeant: { email: 'kim.ackerley@quadrant.test', name: 'Kim Ackerley', rank: 'Detective Sergeant', org: 'WYP-BRAD', roles: ['LRO'], training: 'expired' },
  wypConstable: { email: 'ravi.marsden@quadrant.test', name: 'Ravi Marsden', rank: 'Detective Constable', org: 'WYP', roles: ['ACTION_OWNER'] },
  wypFormer: { email: 'pat.crowther@quadrant.test', name: 'Pat Crowther', rank: 'Detective Inspector', org: 'WYP', roles: ['LRO'], training: 'current', active: false },
  leedsCouncilOfficer: { email: 'taylor.greenwood@quadrant.test', name: 'Taylor Greenwood', rank: 'Community Safety Manager', org: 'LCC', roles: ['LRO', 'ACTION_OWNER'], training: 'current' },
  sypInspector: { email: 'jordan.hirstwood@quadrant.test', name: 'Jordan Hirstwood', rank: 'Detective Inspector', org: 'SYP', roles: ['LRO'], training: 'current', extraTraining: ['SOC_TACTICAL_ADVISER_INPUT'] },
  sypSheffieldInspector: { email: 'casey.bramall@quadrant.test', name: 'Casey Bramall', rank: 'Inspector', org: 'SYP-SHEF', roles: ['LRO'], training: 'none' },
  sypConstable: { email: 'alexis.birkett@quadrant.test', name: 'Alexis Birkett', rank: 'Detective Constable', org: 'SYP', roles: ['ACTION_OWNER'] },
  sypManager: { email: 'drew.furness@quadrant.test', name: 'Drew Furness', rank: 'Chief Inspector', org: 'SYP', roles: ['MANAGER'] },
  humInspector: { email: 'jesse.cawood@quadrant.test', name: 'Jesse Cawood', rank: 'Detective Inspector', org: 'HUM', roles: ['LRO'], training: 'current' },
  humSergeant: { email: 'frankie.dunnington@quadrant.test', name: 'Frankie Dunnington', rank: 'Detective Sergeant', org: 'HUM-HULL', roles: ['LRO'], training: 'current', extraTraining: ['IMMERSIVE_LEARNING'] },
  humManager: { email: 'avery.danby@quadrant.test', name: 'Avery Danby', rank: 'Detective Chief Inspector', org: 'HUM', roles: ['MANAGER'] },
  nypInspector: { email: 'charlie.raistrick@quadrant.test', name: 'Charlie Raistrick', rank: 'Inspector', org: 'NYP', roles: ['LRO'], training: 'expiring' },
  nypSergeant: { email: 'sasha.metcalfe@quadrant.test', name: 'Sasha Metcalfe', rank: 'Sergeant', org: 'NYP-YORK', roles: ['LRO'], training: 'none' },
  nypManager: { email: 'rowan.kilburn@quadrant.test', name: 'Rowan Kilburn', rank: 'Chief Inspector', org: 'NYP', roles: ['MANAGER'] },
  rocuInspector: { email: 'ellis.garside@quadrant.test', name: 'Ellis Garside', rank: 'Detective Inspector', org: 'YHROCU', roles: ['LRO'], training: 'current', extraTraining: ['IMMERSIVE_LEARNING'] },
  rocuSergeant: { email: 'harper.lumb@quadrant.test', name: 'Harper Lumb', rank: 'Detective Sergeant', org: 'YHROCU', roles: ['LRO', 'ACTION_OWNER'], training: 'current' },
  rocuManager: { email: 'quinn.haworth@quadrant.test', name: 'Quinn Haworth', rank: 'Detective Superintendent', org: 'YHROCU', roles: ['MANAGER'] },
} as const satisfies Record<string, UserSpec>;

type UserKey = DemoUserKey | keyof typeof OFFICERS;

/** The demo LRO is trained; the other demo users hold no LRO role. */
const DEMO_TRAINING: Partial<Record<DemoUserKey, LroTraining>> = { lro: 'current' };

const USERS: Record<UserKey, UserSpec> = {
  ...(Object.fromEntries(
    Object.entries(DEMO_USERS).map(([key, user]) => [
      key,
      { email: user.email, name: user.name, rank: user.rank, org: user.organisationCode, roles: user.roles, training: DEMO_TRAINING[key as DemoUserKey] },
    ]),
  ) as unknown as Record<DemoUserKey, UserSpec>),
  ...OFFICERS,
};

/** Who reviews each unit's plans, and who moderates its MoRiLE assessments. */
const MANAGER_OF: Record<Unit, UserKey> = { WYP: 'manager', SYP: 'sypManager', HUM: 'humManager', NYP: 'nypManager', YHROCU: 'rocuManager' };
const MODERATOR_OF: Record<Unit, UserKey> = { WYP: 'forceCoordinator', SYP: 'regionalCoordinator', HUM: 'regionalCoordinator', NYP: 'regionalCoordinator', YHROCU: 'regionalCoordinator' };

/** Officers who may own actions on a unit's plans (besides the threat's LRO and deputy). */
const ACTION_OWNERS_OF: Record<Unit, readonly UserKey[]> = {
  WYP: ['lro', 'wypOverloaded', 'wypInspector', 'wypSergeant', 'wypConstable'],
  SYP: ['sypInspector', 'sypSheffieldInspector', 'sypConstable'],
  HUM: ['humInspector', 'humSergeant'],
  NYP: ['nypInspector', 'nypSergeant'],
  YHROCU: ['rocuInspector', 'rocuSergeant'],
};

// ---------------------------------------------------------------------------------------------
// The scenario table
// ---------------------------------------------------------------------------------------------

/**
 * What a threat should show. Plan traits apply to its live plan; without any, a plan is healthy:
 * reviewed within cadence, all four strands open, actions updated within 25 days and not overdue,
 * a partner consulted within 90 days, a disruption within 90 days.
 */
type Trait =
  // no live plan at all (THREAT_NO_PLAN once 28 days after mapping)
  | 'noPlan'
  // the live plan is a DRAFT (so still THREAT_NO_PLAN for an active threat)
  | 'draft'
  // an earlier plan, CLOSED with a debrief, before the live one
  | 'priorPlan'
  // reviews: none at all; last one's next-review date passed; passed by more than a cadence
  | 'neverReviewed'
  | 'reviewOverdue'
  | 'reviewTwiceOverdue'
  // the outcome of the last review
  | 'changesRequired'
  | 'escalated'
  // an action added after the last review (PLAN_CHANGED_SINCE_REVIEW)
  | 'changedSinceReview'
  // actions
  | 'overdue'
  | 'stale'
  | 'noOwner'
  | 'noDueDate'
  | 'pursueOnly'
  | 'noPrepare'
  // no partner engagement within 90 days
  | 'noPartner'
  // no disruption, no completed action for 90+ days, no unmet demand (POSSIBLE_UNMET_DEMAND)
  | 'quiet'
  | 'unmetDemand'
  // MoRiLE: latest older than six months; latest unmoderated for 14+ days; unmoderated but recent
  | 'morileOverdue'
  | 'morileUnmoderated'
  | 'morilePending'
  // LRO history: handed over from another officer; LRO left and nobody replaced them
  | 'handover'
  | 'lroLeft'
  // archived threats: plan closed with an action left open; plan left ACTIVE with open actions
  | 'closedWithOpenActions'
  | 'liveOnArchive';

type OrderState = 'monitored' | 'unchecked' | 'neverChecked' | 'expiring' | 'breached';

type ThreatRow = {
  ref?: keyof typeof DEMO_REFERENCES;
  org: string;
  type: 'OCG' | 'PI' | 'VUL';
  tier: 1 | 2 | 3 | 4 | 5;
  /** Days since the threat was mapped. */
  mapped: number;
  status?: 'MAPPED' | 'ARCHIVED';
  /** Days since it was archived. */
  archived?: number;
  lro?: UserKey;
  deputy?: UserKey;
  traits?: readonly Trait[];
  shares?: readonly PartnerCode[];
  /** The demo partner (HMRC) owns two of this plan's actions. */
  partnerUserActions?: boolean;
  areas?: readonly ThreatArea[];
  orders?: readonly (readonly [OrderKind, OrderState])[];
};

const THREATS: readonly ThreatRow[] = [
  // --- West Yorkshire -------------------------------------------------------------------------
  // The demo LRO: three active threats (one per demo reference) and one archived.
  { ref: 'lroThreatUrn', org: 'WYP', type: 'OCG', tier: 2, mapped: 540, lro: 'lro', deputy: 'wypSergeant', traits: ['priorPlan', 'overdue', 'stale', 'changedSinceReview'], areas: ['DRUGS', 'COUNTY_LINES', 'FIREARMS'], orders: [['SCPO', 'monitored']] },
  { ref: 'sharedWithPartnerUrn', org: 'WYP', type: 'OCG', tier: 3, mapped: 300, lro: 'lro', traits: ['reviewOverdue'], shares: ['HMRC'], partnerUserActions: true, areas: ['FRAUD', 'MONEY_LAUNDERING', 'ECONOMIC_CRIME'] },
  { ref: 'noPlanThreatUrn', org: 'WYP', type: 'PI', tier: 3, mapped: 35, lro: 'lro', traits: ['noPlan', 'morilePending'], areas: ['DRUGS', 'MONEY_LAUNDERING'] },
  { org: 'WYP', type: 'OCG', tier: 4, mapped: 800, status: 'ARCHIVED', archived: 60, lro: 'lro' },
  // The overloaded LRO: six active threats (LRO_OVERLOADED alert).
  { org: 'WYP', type: 'OCG', tier: 1, mapped: 610, lro: 'wypOverloaded', deputy: 'wypInspector', traits: ['unmetDemand'], areas: ['DRUGS', 'FIREARMS'], orders: [['SCPO', 'breached']] },
  { org: 'WYP', type: 'OCG', tier: 2, mapped: 380, lro: 'wypOverloaded', traits: ['pursueOnly', 'stale'], shares: ['HMRC'], partnerUserActions: true, areas: ['MONEY_LAUNDERING', 'ORGANISED_ACQUISITIVE_CRIME'] },
  { org: 'WYP', type: 'PI', tier: 2, mapped: 250, lro: 'wypOverloaded', traits: ['reviewTwiceOverdue', 'noPartner'] },
  { org: 'WYP-BRAD', type: 'OCG', tier: 3, mapped: 190, lro: 'wypOverloaded', traits: ['neverReviewed', 'noOwner', 'noDueDate'] },
  { org: 'WYP-LEEDS', type: 'VUL', tier: 3, mapped: 160, lro: 'wypOverloaded', traits: ['quiet', 'noPartner'], shares: ['LCC'] },
  { org: 'WYP', type: 'OCG', tier: 4, mapped: 120, lro: 'wypOverloaded', traits: ['draft'] },
  // An untrained inspector and a sergeant whose LRO course has expired.
  { org: 'WYP-LEEDS', type: 'OCG', tier: 3, mapped: 220, lro: 'wypInspector', traits: ['overdue', 'morileOverdue'], shares: ['HMRC'] },
  { org: 'WYP-LEEDS', type: 'VUL', tier: 4, mapped: 140, lro: 'wypInspector', traits: ['escalated', 'noPrepare'] },
  { org: 'WYP-BRAD', type: 'OCG', tier: 3, mapped: 330, lro: 'wypSergeant', traits: ['handover', 'changesRequired', 'changedSinceReview'], orders: [['STRO', 'expiring']] },
  { org: 'WYP-BRAD', type: 'PI', tier: 2, mapped: 210, lro: 'wypSergeant', traits: ['morileUnmoderated'], orders: [['SCPO', 'unchecked']] },
  // A Leeds City Council officer as LRO (the role is not rank-specific) of a shared threat.
  { org: 'WYP-LEEDS', type: 'VUL', tier: 3, mapped: 180, lro: 'leedsCouncilOfficer', shares: ['LCC'], areas: ['COUNTY_LINES', 'CHILD_SEXUAL_ABUSE'], orders: [['CLOSURE_ORDER', 'monitored']] },
  // No LRO: one whose LRO left a month ago (flagged), one mapped last week (not yet).
  { org: 'WYP-KIRK', type: 'OCG', tier: 2, mapped: 110, traits: ['lroLeft', 'reviewOverdue', 'stale'] },
  { org: 'WYP-CALD', type: 'OCG', tier: 4, mapped: 6, traits: ['noPlan'] },
  { org: 'WYP', type: 'OCG', tier: 5, mapped: 3, status: 'MAPPED' },
  { org: 'WYP-BRAD', type: 'PI', tier: 4, mapped: 40, status: 'MAPPED' },
  { org: 'WYP-KIRK', type: 'OCG', tier: 3, mapped: 700, status: 'ARCHIVED', archived: 120, lro: 'wypInspector' },

  // --- South Yorkshire ------------------------------------------------------------------------
  { ref: 'otherForceThreatUrn', org: 'SYP', type: 'OCG', tier: 2, mapped: 450, lro: 'sypInspector', deputy: 'sypSheffieldInspector', areas: ['DRUGS', 'COUNTY_LINES'], orders: [['SCPO', 'monitored']] },
  { org: 'SYP', type: 'OCG', tier: 1, mapped: 700, lro: 'sypInspector', deputy: 'sypSheffieldInspector', traits: ['priorPlan', 'overdue', 'handover'], orders: [['CLOSURE_ORDER', 'expiring']] },
  { org: 'SYP-ROTH', type: 'PI', tier: 3, mapped: 260, lro: 'sypInspector', traits: ['pursueOnly', 'noPrepare'] },
  { org: 'SYP', type: 'OCG', tier: 3, mapped: 150, lro: 'sypInspector', traits: ['neverReviewed'] },
  { org: 'SYP-SHEF', type: 'VUL', tier: 3, mapped: 95, lro: 'sypInspector', traits: ['changedSinceReview'], shares: ['SCC'] },
  { org: 'SYP-SHEF', type: 'OCG', tier: 2, mapped: 310, lro: 'sypSheffieldInspector', traits: ['reviewOverdue', 'stale', 'noPartner'] },
  { org: 'SYP-DONC', type: 'OCG', tier: 4, mapped: 200, lro: 'sypSheffieldInspector', traits: ['quiet'] },
  { org: 'SYP-SHEF', type: 'VUL', tier: 4, mapped: 130, lro: 'sypSheffieldInspector', traits: ['morileUnmoderated', 'unmetDemand'], shares: ['SCC'] },
  { org: 'SYP-ROTH', type: 'OCG', tier: 3, mapped: 25, traits: ['noPlan'] },
  { org: 'SYP', type: 'PI', tier: 5, mapped: 12, status: 'MAPPED' },
  { org: 'SYP-DONC', type: 'OCG', tier: 4, mapped: 55, status: 'MAPPED' },
  { org: 'SYP', type: 'OCG', tier: 3, mapped: 640, status: 'ARCHIVED', archived: 45, lro: 'sypInspector', traits: ['closedWithOpenActions'] },
  { org: 'SYP', type: 'PI', tier: 4, mapped: 500, status: 'ARCHIVED', archived: 90, lro: 'sypSheffieldInspector', orders: [['SCPO', 'monitored']] },

  // --- Humberside -----------------------------------------------------------------------------
  { org: 'HUM', type: 'OCG', tier: 1, mapped: 520, lro: 'humInspector', deputy: 'humSergeant', traits: ['unmetDemand'], areas: ['DRUGS', 'BORDERS'], orders: [['SCPO', 'expiring']] },
  { org: 'HUM', type: 'OCG', tier: 2, mapped: 330, lro: 'humInspector', traits: ['stale', 'overdue', 'noOwner'] },
  { org: 'HUM-HULL', type: 'PI', tier: 3, mapped: 210, lro: 'humInspector', traits: ['morileOverdue', 'reviewOverdue'] },
  { org: 'HUM', type: 'OCG', tier: 3, mapped: 100, lro: 'humInspector', traits: ['pursueOnly'], shares: ['BF'], areas: ['ORGANISED_IMMIGRATION_CRIME', 'BORDERS'] },
  { org: 'HUM-HULL', type: 'OCG', tier: 2, mapped: 280, lro: 'humSergeant', traits: ['changesRequired', 'handover'] },
  { org: 'HUM-ER', type: 'VUL', tier: 4, mapped: 170, lro: 'humSergeant', traits: ['quiet', 'neverReviewed'] },
  { org: 'HUM-NL', type: 'OCG', tier: 3, mapped: 60, lro: 'humSergeant', traits: ['draft'] },
  { org: 'HUM', type: 'PI', tier: 5, mapped: 20, status: 'MAPPED' },
  { org: 'HUM', type: 'OCG', tier: 4, mapped: 900, status: 'ARCHIVED', archived: 200, lro: 'humSergeant' },

  // --- North Yorkshire ------------------------------------------------------------------------
  { org: 'NYP', type: 'OCG', tier: 2, mapped: 400, lro: 'nypInspector', deputy: 'nypSergeant', traits: ['noPartner', 'reviewOverdue'], orders: [['SCPO', 'neverChecked']] },
  { org: 'NYP-SCAR', type: 'OCG', tier: 3, mapped: 230, lro: 'nypInspector', traits: ['pursueOnly', 'morileUnmoderated'], areas: ['COUNTY_LINES', 'DRUGS'] },
  { org: 'NYP-HARR', type: 'VUL', tier: 3, mapped: 150, lro: 'nypInspector', shares: ['GLAA'], areas: ['MODERN_SLAVERY_HUMAN_TRAFFICKING'] },
  { org: 'NYP-YORK', type: 'OCG', tier: 3, mapped: 180, lro: 'nypSergeant', traits: ['stale', 'noDueDate'] },
  { org: 'NYP-YORK', type: 'PI', tier: 4, mapped: 260, lro: 'nypSergeant', traits: ['quiet', 'morileOverdue'] },
  { org: 'NYP-SCAR', type: 'OCG', tier: 3, mapped: 90, traits: ['noPlan'] },
  { org: 'NYP', type: 'OCG', tier: 5, mapped: 8, status: 'MAPPED' },
  { org: 'NYP', type: 'VUL', tier: 4, mapped: 420, status: 'ARCHIVED', archived: 150, lro: 'nypInspector' },

  // --- Yorkshire and Humber ROCU --------------------------------------------------------------
  { org: 'YHROCU', type: 'OCG', tier: 1, mapped: 660, lro: 'rocuInspector', deputy: 'rocuSergeant', traits: ['priorPlan', 'unmetDemand'], areas: ['DRUGS', 'MONEY_LAUNDERING', 'FIREARMS'], orders: [['SCPO', 'monitored'], ['SCPO', 'breached']] },
  { org: 'YHROCU', type: 'OCG', tier: 1, mapped: 400, lro: 'rocuInspector', deputy: 'rocuSergeant', traits: ['escalated', 'reviewTwiceOverdue', 'handover'], areas: ['FIREARMS'] },
  { org: 'YHROCU', type: 'OCG', tier: 2, mapped: 240, lro: 'rocuInspector', traits: ['changedSinceReview', 'unmetDemand'], areas: ['CYBER', 'FRAUD'] },
  { org: 'YHROCU', type: 'PI', tier: 2, mapped: 180, lro: 'rocuInspector', areas: ['MONEY_LAUNDERING', 'ECONOMIC_CRIME'] },
  { org: 'YHROCU', type: 'OCG', tier: 2, mapped: 300, lro: 'rocuSergeant', deputy: 'rocuInspector', traits: ['neverReviewed', 'overdue'], shares: ['BF'], areas: ['ORGANISED_IMMIGRATION_CRIME', 'MODERN_SLAVERY_HUMAN_TRAFFICKING'] },
  { org: 'YHROCU', type: 'OCG', tier: 3, mapped: 150, lro: 'rocuSergeant', traits: ['morileUnmoderated', 'noPrepare'] },
  { org: 'YHROCU', type: 'VUL', tier: 2, mapped: 90, lro: 'rocuSergeant', shares: ['GLAA'], areas: ['MODERN_SLAVERY_HUMAN_TRAFFICKING'], orders: [['SLAVERY_TRAFFICKING_PREVENTION_ORDER', 'monitored']] },
  { org: 'YHROCU', type: 'OCG', tier: 2, mapped: 60, traits: ['noPlan'] },
  { org: 'YHROCU', type: 'OCG', tier: 3, mapped: 16, status: 'MAPPED', lro: 'rocuSergeant' },
  { org: 'YHROCU', type: 'OCG', tier: 2, mapped: 750, status: 'ARCHIVED', archived: 30, lro: 'rocuInspector', traits: ['liveOnArchive'] },
];

/** Orders whose threat was never put on Quadrant (made before it existed). */
const STANDALONE_ORDERS: readonly { org: string; kind: OrderKind; state: OrderState }[] = [
  { org: 'WYP', kind: 'SCPO', state: 'unchecked' },
  { org: 'HUM', kind: 'GANG_INJUNCTION', state: 'monitored' },
];

/**
 * Share of lead, assessed (MAJOR/MODERATE/MINOR) disruptions in the last 12 months that are
 * Pursue, per unit: the inspection found 67-80% in the forces and 39% in the ROCU against a 54%
 * national average, and the demo should show that finding.
 */
const PURSUE_SHARE: Record<Unit, number> = { WYP: 0.72, SYP: 0.8, HUM: 0.75, NYP: 0.67, YHROCU: 0.39 };

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

const CODENAME_FIRST = ['Amber', 'Slate', 'Copper', 'Indigo', 'Granite', 'Saffron', 'Cobalt', 'Russet', 'Ivory', 'Umber', 'Jade', 'Ochre', 'Pewter', 'Scarlet', 'Sable', 'Teal', 'Cinder', 'Hazel', 'Juniper', 'Marble', 'Quartz', 'Bramble', 'Flint', 'Tawny'];
const CODENAME_SECOND = ['Heron', 'Lantern', 'Kestrel', 'Anvil', 'Lattice', 'Orchard', 'Compass', 'Meridian', 'Quarry', 'Thistle', 'Cairn', 'Furnace', 'Gannet', 'Spindle', 'Trellis', 'Wren', 'Kiln', 'Pylon', 'Sextant', 'Weir', 'Bobbin', 'Tannery'];

const PLACES: Record<Unit, readonly string[]> = {
  WYP: ['Leeds', 'Bradford', 'Huddersfield', 'Halifax', 'Dewsbury'],
  SYP: ['Sheffield', 'Rotherham', 'Doncaster', 'Barnsley'],
  HUM: ['Hull', 'Grimsby', 'Scunthorpe', 'Goole'],
  NYP: ['York', 'Harrogate', 'Scarborough', 'Selby'],
  YHROCU: ['M62 corridor', 'M1 corridor'],
};

/** Vulnerabilities are named for what they are and where, by their primary area. */
const VULNERABILITY_NAMES: Partial<Record<ThreatArea, readonly ((place: string) => string)[]>> & { default: readonly ((place: string) => string)[] } = {
  COUNTY_LINES: [(place) => `County lines recruitment – ${place} schools`, (place) => `Cuckooing – ${place} flats cluster`],
  DRUGS: [(place) => `Cuckooing – ${place} flats cluster`],
  MODERN_SLAVERY_HUMAN_TRAFFICKING: [(place) => `Labour exploitation – hand car washes, ${place}`, (place) => `Labour exploitation – food processing, ${place}`],
  CHILD_SEXUAL_ABUSE: [(place) => `Child sexual exploitation – ${place} night-time economy`],
  default: [(place) => `Child criminal exploitation – ${place}`],
};

const AREAS_BY_TYPE: Record<ThreatRow['type'], readonly ThreatArea[]> = {
  OCG: ['DRUGS', 'COUNTY_LINES', 'FIREARMS', 'MONEY_LAUNDERING', 'ORGANISED_ACQUISITIVE_CRIME', 'FRAUD', 'ECONOMIC_CRIME', 'CYBER', 'ORGANISED_IMMIGRATION_CRIME', 'BORDERS', 'MODERN_SLAVERY_HUMAN_TRAFFICKING'],
  PI: ['DRUGS', 'FIREARMS', 'MONEY_LAUNDERING', 'FRAUD', 'CHILD_SEXUAL_ABUSE', 'ORGANISED_ACQUISITIVE_CRIME', 'CYBER', 'OTHER'],
  VUL: ['COUNTY_LINES', 'MODERN_SLAVERY_HUMAN_TRAFFICKING', 'CHILD_SEXUAL_ABUSE', 'DRUGS', 'OTHER'],
};

const THREAT_TYPE: Record<ThreatRow['type'], ThreatType> = { OCG: 'OCG', PI: 'PRIORITY_INDIVIDUAL', VUL: 'VULNERABILITY' };

const OBJECTIVES: Record<Strand, readonly (readonly [title: string, successMeasure: string])[]> = {
  PURSUE: [
    ['Dismantle the supply network run by the principal nominals', 'Principal nominals charged and the supply line not re-established within six months'],
    ['Identify and restrain criminal assets', 'Restraint orders obtained on identified assets and confiscation proceedings started'],
    ['Close the intelligence gaps on the leadership', 'Roles of all leadership nominals evidenced and the gaps list closed'],
    ['Remove access to firearms', 'Firearms recovered and no discharges linked to the group for two quarters'],
    ['Disrupt the group’s money movement', 'Accounts frozen and cash couriers identified and disrupted'],
  ],
  PREVENT: [
    ['Stop young people being drawn in', 'At-risk young people referred to diversion; no new recruits identified in two quarters'],
    ['Deter peripheral members', 'Deterrence letters served and support offered to every peripheral member'],
    ['Manage principal nominals on release', 'Ancillary orders in place and monitored for every released principal'],
  ],
  PROTECT: [
    ['Safeguard people exploited by the group', 'Every identified victim referred for safeguarding within 48 hours'],
    ['Harden the businesses the group exploits', 'Target-hardening advice given to every identified business; repeat victimisation down'],
    ['Protect cuckooed addresses and their tenants', 'Tenants supported and closure sought where the address is still used'],
  ],
  PREPARE: [
    ['Be ready for violence between rival groups', 'Community impact assessment current and a critical incident plan agreed with partners'],
    ['Reassure affected communities', 'Engagement plan delivered and confidence measured through neighbourhood surveys'],
  ],
};

const ACTIONS: Record<Strand, readonly string[]> = {
  PURSUE: [
    'Complete a telephony and financial profile of the principal nominals',
    'Prepare and execute warrants at the identified stash addresses',
    'Submit a case file for a charging decision on the conspiracy',
    'Develop an intelligence package on the supply route into the area',
    'Apply for account freezing orders on identified accounts',
    'Refer identified assets to the financial investigation unit',
    'Arrange covert tasking against the group’s logistics nominal',
    'Identify and disrupt the vehicles used for deliveries',
  ],
  PREVENT: [
    'Refer young people seen with the group to the diversion programme',
    'Serve deterrence letters on peripheral members',
    'Agree release conditions and ancillary orders with offender management',
    'Deliver an exploitation awareness session at local schools',
  ],
  PROTECT: [
    'Visit addresses at risk of cuckooing with housing officers',
    'Refer identified victims for safeguarding',
    'Give target-hardening advice to businesses used by the group',
    'Seek a closure order on the most used address',
  ],
  PREPARE: [
    'Refresh the community impact assessment',
    'Agree a critical incident plan with partners',
    'Brief neighbourhood teams on the tension indicators',
  ],
};

/** What a partner takes on when a threat is shared with it. */
const PARTNER_ACTIONS: Record<PartnerCode, readonly (readonly [Strand, string])[]> = {
  HMRC: [
    ['PURSUE', 'Open a tax investigation into the cash businesses linked to the group'],
    ['PURSUE', 'Share the results of the review of the group’s company filings'],
  ],
  DWP: [['PURSUE', 'Review benefit claims linked to addresses used by the group']],
  BF: [['PURSUE', 'Place alerts on freight routes and vehicles linked to the group']],
  LCC: [
    ['PROTECT', 'Carry out welfare checks on tenants at the identified addresses'],
    ['PREVENT', 'Refer the young people identified to the council’s early help service'],
  ],
  SCC: [['PROTECT', 'Review tenancy enforcement at addresses used by the group']],
  GLAA: [['PROTECT', 'Inspect the labour providers supplying the identified premises']],
};

const UPDATE_NOTES = {
  start: ['Work started.', 'Tasked and under way.', 'Started; first enquiries made.', 'Picked up; scoping the work.'],
  progress: [
    'Enquiries continuing; nothing to escalate.',
    'Progress made; next steps agreed at the tasking meeting.',
    'Awaiting results from the analyst.',
    'Partner contacted; information requested.',
    'Update given at the monthly plan meeting.',
  ],
  waiting: ['Not started yet: waiting for resources to be allocated.', 'Scoped; start agreed for next month.'],
  blocked: ['Blocked: waiting for a disclosure decision.', 'Blocked: resource taken by a critical incident.', 'Blocked: partner information not yet received.'],
  complete: ['Complete; result recorded on the intelligence system.', 'Done. Outcome reported to the LRO.', 'Complete and evidenced.'],
  cancelled: ['Cancelled: overtaken by the arrest phase.', 'Cancelled: no longer proportionate.', 'Cancelled at review; merged with another action.'],
  partner: ['Update from the partner: enquiries continuing.', 'Partner reports progress; next update due at the plan meeting.'],
};

const REVIEW_COMMENTS: Record<ReviewOutcome, readonly string[]> = {
  SATISFACTORY: [
    'Plan is balanced across the 4Ps and actions are moving. Keep the partner actions under review.',
    'Good progress on Pursue; Prevent and Protect actions are owned and dated. Satisfactory.',
    'Objectives are specific and measurable. No concerns at this review.',
  ],
  CHANGES_REQUIRED: [
    'Objectives are too general: make the success measures specific. Prevent and Protect need owners.',
    'Several actions have no update since the last review. Update or close them before the next review.',
    'Plan leans on Pursue. Consult the local authority and add Protect actions.',
  ],
  ESCALATED: [
    'Threat is escalating and the plan lacks the capability it needs. Escalated to the SRO.',
    'Unmet surveillance demand is stopping progress. Escalated to tasking and co-ordination.',
  ],
};

const ENGAGEMENT_SUMMARIES: Record<EngagementKind, readonly string[]> = {
  CONSULTED: ['Consulted on the draft plan; suggested Protect actions adopted.', 'Consulted about information sharing and agreed a route for it.'],
  TASKED: ['Tasked with an action on the plan and accepted it.', 'Tasked through the partnership tasking meeting.'],
  MEETING: ['Attended the multi-agency plan meeting.', 'Joint meeting to review progress on the shared actions.'],
};

const DISRUPTIONS: Record<Strand, readonly string[]> = {
  PURSUE: ['Warrant executed; class A drugs and cash seized.', 'Principal nominal arrested and charged.', 'Vehicle stopped; drugs and phones seized.', 'Account freezing order obtained.', 'Conspiracy charges authorised.'],
  PREVENT: ['Young people referred to diversion.', 'Deterrence letters served on associates.', 'Ancillary order obtained on conviction.'],
  PROTECT: ['Victims safeguarded and referred for support.', 'Partial closure order obtained on a cuckooed address.', 'Target-hardening delivered to exploited businesses.'],
  PREPARE: ['Community reassurance patrols after a violent incident.', 'Critical incident plan exercised with partners.'],
};

const INTELLIGENCE_GAPS = [
  'Source of supply above the group is not known.',
  'How proceeds leave the area is not understood.',
  'Roles of two associates remain unclear.',
  'Extent of exploitation of young people is not known.',
  null,
];

const CLOSURE_TEXT = {
  outcome: ['Principal nominals convicted; residual threat assessed as low.', 'Group dismantled; the remaining members are managed under the new plan.', 'Threat re-scored and managed by neighbourhood policing.'],
  whatWorked: ['Early financial investigation.', 'Joint work with the local authority on cuckooed addresses.', 'Consistent ownership of actions between reviews.'],
  learning: ['Bring partners in when the plan is drafted, not after.', 'Record disruptions on APMIS at the time.', 'Prevent work started too late.'],
};

const ARCHIVE_REASONS = [
  'Principal members convicted and sentenced; no continuing threat.',
  'Intelligence no longer supports the threat; re-scored below threshold.',
  'Merged into another mapped threat.',
  'Threat transferred to the ROCU and re-mapped there.',
];

const HANDOVER_NOTES = ['Handed over on posting to another command.', 'Handed over on promotion.', 'Handed over during extended leave.'];

const UNMET_DEMAND_TEXT: Partial<Record<CapabilityNeeded, string>> & { default: string } = {
  SURVEILLANCE: 'Surveillance needed on the group’s logistics nominal; no team available this quarter.',
  FINANCIAL_INVESTIGATION: 'No financial investigator free to follow the money.',
  DIGITAL_FORENSICS: 'Backlog of devices awaiting examination.',
  ANALYSIS: 'No analyst to build the network chart.',
  COVERT_HUMAN_INTELLIGENCE: 'No source-handling capacity for the tasking this plan needs.',
  INVESTIGATORS: 'Not enough investigators to run the arrest phase and the financial strand together.',
  INTERCEPTION: 'Capability needed that the force does not hold.',
  SPECIALIST_FIREARMS: 'Specialist firearms support needed for the arrest phase.',
  default: 'Shortfall reported to tasking.',
};

const ORDER_TERMS: Record<OrderKind, { days: number; conditions: string }> = {
  SCPO: { days: 5 * 365, conditions: 'No more than one mobile phone, to be notified; notify vehicles, bank accounts and addresses; no cash over £1,000.' },
  STRO: { days: 2 * 365, conditions: 'Notify employment and travel outside the UK; no contact with named victims.' },
  SLAVERY_TRAFFICKING_PREVENTION_ORDER: { days: 5 * 365, conditions: 'Not to act as a gangmaster or arrange accommodation for workers.' },
  CLOSURE_ORDER: { days: 180, conditions: 'Premises closed to all but the tenant and named support workers.' },
  GANG_INJUNCTION: { days: 2 * 365, conditions: 'Not to enter the named exclusion zone; not to associate with named members.' },
  OTHER: { days: 365, conditions: 'As set out in the order.' },
};

const MANAGING_TEAM: Record<Unit, string> = {
  WYP: 'WYP Integrated Offender Management',
  SYP: 'SYP Integrated Offender Management',
  HUM: 'Humberside Offender Management Unit',
  NYP: 'NYP Offender Management',
  YHROCU: 'YHROCU Lifetime Offender Management',
};

const ESCALATED_TO = ['Force tasking and co-ordination group', 'Regional tasking and co-ordination group', 'ROCU head of operations'];

// ---------------------------------------------------------------------------------------------
// The data set
// ---------------------------------------------------------------------------------------------

type Row<T> = T[];

export type SeedData = {
  organisations: Row<Prisma.OrganisationCreateManyInput & { depth: number }>;
  users: Row<Prisma.UserCreateManyInput>;
  userRoles: Row<Prisma.UserRoleCreateManyInput>;
  training: Row<Prisma.TrainingRecordCreateManyInput>;
  settings: Row<Prisma.ComplianceSettingsCreateManyInput>;
  threats: Row<Prisma.SocThreatCreateManyInput>;
  areas: Row<Prisma.ThreatAreaTagCreateManyInput>;
  shares: Row<Prisma.ThreatShareCreateManyInput>;
  assignments: Row<Prisma.LroAssignmentCreateManyInput>;
  assessments: Row<Prisma.MorileAssessmentCreateManyInput>;
  plans: Row<Prisma.FourPPlanCreateManyInput>;
  objectives: Row<Prisma.ObjectiveCreateManyInput>;
  actions: Row<Prisma.ActionCreateManyInput>;
  updates: Row<Prisma.ActionUpdateCreateManyInput>;
  reviews: Row<Prisma.PlanReviewCreateManyInput>;
  engagements: Row<Prisma.PartnerEngagementCreateManyInput>;
  disruptions: Row<Prisma.DisruptionCreateManyInput>;
  unmetDemand: Row<Prisma.UnmetDemandCreateManyInput>;
  orders: Row<Prisma.AncillaryOrderCreateManyInput>;
  checks: Row<Prisma.OrderComplianceCheckCreateManyInput>;
};

const OPEN_STATUSES: readonly ActionStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'BLOCKED'];
const isOpen = (status: ActionStatus) => OPEN_STATUSES.includes(status);

/** Review cadence by tier: 28 days for tiers 1-2, 56 for tiers 3-5 (DESIGN.md defaults). */
const reviewCadenceDays = (tier: number) => (tier <= 2 ? 28 : 56);

/** Everything a threat's generators need to know about it. */
type ThreatContext = {
  row: ThreatRow;
  traits: ReadonlySet<Trait>;
  id: string;
  urn: string;
  name: string;
  unit: Unit;
  organisationId: string;
  lroId: string | null;
  deputyId: string | null;
  /** Who led before (handover, or the LRO who left). */
  previousLroId: string | null;
  areas: readonly ThreatArea[];
};

/** An action while it is being generated: times are days ago. */
type DraftAction = {
  strand: Strand;
  objectiveId: string | null;
  description: string;
  status: ActionStatus;
  createdAgo: number;
  ownerUserId: string | null;
  ownerOrganisationId: string | null;
  ownerContactName: string | null;
  mustBeStale?: boolean;
  mustBeOverdue?: boolean;
  noDueDate?: boolean;
  /** A partner's action the demo partner keeps up to date. */
  keptByPartner?: boolean;
};

type StatusChange = { ago: number; from: ActionStatus | null; to: ActionStatus | null; note: string; authorId: string };

/**
 * Builds the whole data set in memory. Pure apart from reading `now`: the same `now` gives the
 * same rows, and a different `now` shifts every date by the same amount.
 */
export function buildSeedData(now: Date): SeedData {
  const random = new Random(SEED);
  const ids = new IdFactory(SEED);
  const clock = new Clock(now);
  const data: SeedData = {
    organisations: [], users: [], userRoles: [], training: [], settings: [], threats: [], areas: [], shares: [],
    assignments: [], assessments: [], plans: [], objectives: [], actions: [], updates: [], reviews: [],
    engagements: [], disruptions: [], unmetDemand: [], orders: [], checks: [],
  };

  // --- organisations: ids first, then each path from its parent's ------------------------------
  const orgId = new Map<string, string>();
  const orgPath = new Map<string, string>();
  const orgSpec = new Map(ORGANISATIONS.map((o) => [o.code, o]));
  for (const org of ORGANISATIONS) orgId.set(org.code, ids.next());
  const depthOf = (code: string): number => (orgSpec.get(code)?.parent ? 1 + depthOf(orgSpec.get(code)!.parent!) : 0);
  for (const org of ORGANISATIONS) {
    const parentPath = org.parent ? orgPath.get(org.parent) : '/';
    if (!parentPath) throw new Error(`organisation ${org.code} listed before its parent ${org.parent}`);
    const path = `${parentPath}${orgId.get(org.code)}/`;
    orgPath.set(org.code, path);
    data.organisations.push({
      id: orgId.get(org.code)!, code: org.code, name: org.name, kind: org.kind,
      parentId: org.parent ? orgId.get(org.parent)! : null, path, depth: depthOf(org.code),
    });
  }
  const org = (code: string) => {
    const id = orgId.get(code);
    if (!id) throw new Error(`unknown organisation ${code}`);
    return id;
  };
  const unitOf = (code: string): Unit => {
    const spec = orgSpec.get(code)!;
    if (spec.kind === 'ROCU') return 'YHROCU';
    if (spec.kind === 'FORCE') return spec.code as Unit;
    if (spec.kind === 'LPA') return spec.parent as Unit;
    throw new Error(`${code} does not own threats`);
  };

  // --- users -----------------------------------------------------------------------------------
  const userId = new Map<UserKey, string>();
  const userKeys = Object.keys(USERS) as UserKey[];
  for (const key of userKeys) userId.set(key, ids.next());
  const user = (key: UserKey) => userId.get(key)!;
  const activeUser = (key: UserKey) => USERS[key].active !== false;
  for (const key of userKeys) {
    const spec = USERS[key];
    data.users.push({ id: user(key), email: spec.email, name: spec.name, rank: spec.rank, organisationId: org(spec.org), active: spec.active ?? true });
    for (const role of spec.roles) data.userRoles.push({ userId: user(key), role });
    const recorded = { userId: user(key), recordedById: user('admin') };
    const course = (completedAgo: number, expiresAgo: number | null, note: string | null = null) =>
      data.training.push({ ...recorded, id: ids.next(), kind: 'LRO_COURSE', completedOn: clock.day(completedAgo), expiresOn: expiresAgo == null ? null : clock.day(expiresAgo), note, createdAt: clock.at(completedAgo - 1) });
    switch (spec.training) {
      case 'current': {
        const completed = random.int(120, 900);
        course(completed, random.chance(0.5) ? completed - 3 * 365 : null);
        break;
      }
      case 'expiring': // renewal due in about six weeks
        course(3 * 365 - 45, -45);
        break;
      case 'expired':
        course(1300, 1300 - 3 * 365, 'Refresher not yet booked.');
        break;
    }
    for (const kind of spec.extraTraining ?? []) {
      const completed = random.int(60, 700);
      data.training.push({ ...recorded, id: ids.next(), kind, completedOn: clock.day(completed), createdAt: clock.at(completed - 1) });
    }
  }

  // Only the national Pursue average is set, at the root; everything else inherits the defaults.
  data.settings.push({ id: ids.next(), organisationId: org('YH'), nationalPursuePercent: 54, updatedById: user('admin') });

  // --- threats ---------------------------------------------------------------------------------
  const reservedUrns = new Set<string>(Object.values(DEMO_REFERENCES));
  const urnCounters = new Map<string, number>();
  const nextUrn = (unit: Unit, type: ThreatRow['type']) => {
    const prefix = `${unit}-${type}`;
    let urn: string;
    do {
      const n = (urnCounters.get(prefix) ?? random.int(2, 20)) + random.int(1, 17);
      urnCounters.set(prefix, n);
      urn = `${prefix}-${String(n).padStart(4, '0')}`;
    } while (reservedUrns.has(urn));
    reservedUrns.add(urn);
    return urn;
  };
  const usedNames = new Set<string>();
  const uniqueName = (make: () => string) => {
    for (;;) {
      const name = make();
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  // A district's own place, or any place in the force's area.
  const placesFor = (code: string, unit: Unit) => (orgSpec.get(code)!.kind === 'LPA' ? [orgSpec.get(code)!.name.replace(/ District$/, '')] : PLACES[unit]);
  const threatName = (type: ThreatRow['type'], places: readonly string[], primaryArea: ThreatArea) => {
    switch (type) {
      case 'OCG':
        return uniqueName(() => `${random.pick(CODENAME_FIRST)} ${random.pick(CODENAME_SECOND)}`);
      case 'PI':
        return uniqueName(() => `Nominal ${String(random.int(100, 9999)).padStart(4, '0')}`);
      case 'VUL':
        return uniqueName(() => random.pick(VULNERABILITY_NAMES[primaryArea] ?? VULNERABILITY_NAMES.default)(random.pick(places)));
    }
  };
  // The primary area cycles through each type's list, so every area appears somewhere.
  const areaCursor: Record<ThreatRow['type'], number> = { OCG: 0, PI: 0, VUL: 0 };
  const threatAreas = (row: ThreatRow): ThreatArea[] => {
    if (row.areas) return [...row.areas];
    const list = AREAS_BY_TYPE[row.type];
    const primary = list[areaCursor[row.type]++ % list.length];
    const extra = random.sample(list.filter((a) => a !== primary), random.int(0, 2));
    return [primary, ...extra];
  };

  const pendingDisruptions: (Omit<Prisma.DisruptionCreateManyInput, 'reference' | 'strand'> & { unit: Unit; ago: number; counted: boolean })[] = [];

  for (const row of THREATS) {
    const traits = new Set(row.traits ?? []);
    const unit = unitOf(row.org);
    const status = row.status ?? 'ACTIVE';
    const urn = row.ref ? DEMO_REFERENCES[row.ref] : nextUrn(unit, row.type);
    const previousLro = traits.has('lroLeft')
      ? user('wypFormer')
      : traits.has('handover')
        ? user(unit === 'WYP' ? 'wypFormer' : random.pick(ACTION_OWNERS_OF[unit].filter((k) => k !== row.lro && USERS[k].roles.includes('LRO'))))
        : null;
    const areas = threatAreas(row);
    const ctx: ThreatContext = {
      row, traits, unit, urn, areas, id: ids.next(), name: threatName(row.type, placesFor(row.org, unit), areas[0]),
      organisationId: org(row.org), lroId: row.lro ? user(row.lro) : null, deputyId: row.deputy ? user(row.deputy) : null,
      previousLroId: previousLro,
    };
    if (row.status === 'ARCHIVED' && row.archived == null) throw new Error(`${urn}: archived without a date`);
    data.threats.push({
      id: ctx.id, urn, name: ctx.name, type: THREAT_TYPE[row.type], tier: row.tier, status,
      archivedReason: status === 'ARCHIVED' ? random.pick(ARCHIVE_REASONS) : null,
      archivedAt: status === 'ARCHIVED' ? clock.at(row.archived!) : null,
      mappedOn: clock.day(row.mapped), organisationId: ctx.organisationId,
      leadResponsibleOfficerId: ctx.lroId, deputyId: ctx.deputyId, createdAt: clock.at(row.mapped),
    });
    for (const area of ctx.areas) data.areas.push({ threatId: ctx.id, area });

    addAssignments(ctx);
    addAssessments(ctx);
    addPlans(ctx);
    for (const partner of row.shares ?? []) {
      data.shares.push({ threatId: ctx.id, organisationId: org(partner), createdAt: clock.at(random.between(row.mapped * 0.3, row.mapped * 0.8)) });
    }
    addDisruptions(ctx);
    if (traits.has('unmetDemand')) addUnmetDemand(ctx);
    for (const [kind, state] of row.orders ?? []) addOrder({ kind, state, unit, organisationId: ctx.organisationId, threat: ctx });
  }
  for (const order of STANDALONE_ORDERS) addOrder({ kind: order.kind, state: order.state, unit: unitOf(order.org), organisationId: org(order.org) });
  assignDisruptionStrandsAndReferences();

  return data;

  // --- LRO history -----------------------------------------------------------------------------
  function addAssignments(ctx: ThreatContext) {
    const { row, traits } = ctx;
    const assignedBy = user(MANAGER_OF[ctx.unit]);
    const firstAppointed = Math.max(0.5, row.mapped - random.between(1, 7));
    let currentFrom = firstAppointed;
    if (ctx.previousLroId) {
      const handedOver = traits.has('lroLeft') ? 30 : random.between(row.mapped * 0.3, row.mapped * 0.6);
      data.assignments.push({
        id: ids.next(), threatId: ctx.id, userId: ctx.previousLroId, role: 'LRO', startedAt: clock.at(firstAppointed),
        endedAt: clock.at(handedOver), assignedById: assignedBy,
        handoverNote: traits.has('lroLeft') ? 'LRO posted to another force; replacement to be appointed.' : random.pick(HANDOVER_NOTES),
      });
      currentFrom = handedOver;
    }
    if (ctx.lroId) {
      data.assignments.push({ id: ids.next(), threatId: ctx.id, userId: ctx.lroId, role: 'LRO', startedAt: clock.at(currentFrom), assignedById: assignedBy });
    }
    if (ctx.deputyId) {
      data.assignments.push({ id: ids.next(), threatId: ctx.id, userId: ctx.deputyId, role: 'DEPUTY', startedAt: clock.at(Math.max(0.4, currentFrom - random.between(3, 30))), assignedById: assignedBy });
    }
  }

  // --- MoRiLE ----------------------------------------------------------------------------------
  function addAssessments(ctx: ThreatContext) {
    const { row, traits } = ctx;
    const archivedAgo = row.archived ?? 0;
    let latest: number;
    let moderated = true;
    if (traits.has('morileOverdue')) latest = random.between(200, 320);
    else if (traits.has('morileUnmoderated')) [latest, moderated] = [random.between(20, 60), false];
    else if (traits.has('morilePending')) [latest, moderated] = [5, false];
    else latest = archivedAgo + random.between(20, 150);
    latest = Math.min(latest, row.mapped);
    if (row.mapped < 14) moderated = false; // too recent to have been moderated yet
    if (traits.has('morileOverdue') && latest < 190) throw new Error(`${ctx.urn}: mapped too recently to be MoRiLE-overdue`);

    // The first assessment is made at mapping; a reassessment about every six months after.
    const times = [latest];
    for (let t = latest + random.between(150, 190); t < row.mapped - 20 && times.length < 3; t += random.between(150, 190)) times.push(t);
    if (times.length < 3 && row.mapped - latest > 20) times.push(row.mapped);
    times.sort((a, b) => b - a); // oldest first
    times.forEach((ago, i) => {
      const isLatest = i === times.length - 1;
      const tier = isLatest ? row.tier : Math.min(5, Math.max(1, row.tier + random.int(-1, 1)));
      const [harm, likelihood] = scoreForTier(tier);
      const riskScore = harm * likelihood;
      const isModerated = !isLatest || moderated;
      const moderatedAgo = Math.max(0.3, ago - random.between(2, 10));
      data.assessments.push({
        id: ids.next(), threatId: ctx.id, assessedOn: clock.day(ago), harm, likelihood, riskScore,
        confidence: random.weighted<Confidence>({ LOW: 1, MEDIUM: 3, HIGH: 2 }),
        priority: priorityForTier(tier), tier, assessedById: ctx.lroId ?? user(MODERATOR_OF[ctx.unit]),
        moderatedAt: isModerated ? clock.at(moderatedAgo) : null,
        moderatedById: isModerated ? user(MODERATOR_OF[ctx.unit]) : null,
        nextReassessmentDue: clock.day(ago - 182), createdAt: clock.at(ago),
      });
    });
  }

  /** Harm and likelihood (1-5 each) whose product falls in the tier's band: tier 1 is 20-25. */
  function scoreForTier(tier: number): [number, number] {
    const bands: Record<number, [number, number]> = { 1: [20, 25], 2: [15, 19], 3: [10, 14], 4: [5, 9], 5: [1, 4] };
    const [low, high] = bands[tier];
    const pairs: [number, number][] = [];
    for (let h = 1; h <= 5; h++) for (let l = 1; l <= 5; l++) if (h * l >= low && h * l <= high) pairs.push([h, l]);
    return random.pick(pairs);
  }
  function priorityForTier(tier: number): MorilePriority {
    return tier <= 2 ? 'HIGH' : tier === 3 ? 'MEDIUM' : 'LOW';
  }

  // --- plans -----------------------------------------------------------------------------------
  function addPlans(ctx: ThreatContext) {
    const { row, traits } = ctx;
    const status = row.status ?? 'ACTIVE';
    if (status === 'MAPPED' || traits.has('noPlan')) return;
    const firstPlanAgo = Math.max(2, row.mapped - random.between(7, 20));
    if (status === 'ARCHIVED') {
      const live = traits.has('liveOnArchive');
      buildPlan(ctx, { status: live ? 'ACTIVE' : 'CLOSED', createdAgo: firstPlanAgo, endAgo: row.archived! });
      return;
    }
    let liveCreatedAgo = firstPlanAgo;
    if (traits.has('priorPlan')) {
      const switchAgo = Math.round(row.mapped * random.between(0.4, 0.5));
      buildPlan(ctx, { status: 'CLOSED', createdAgo: firstPlanAgo, endAgo: switchAgo });
      liveCreatedAgo = switchAgo - 1;
    }
    if (traits.has('draft')) liveCreatedAgo = random.between(8, 20);
    buildPlan(ctx, { status: traits.has('draft') ? 'DRAFT' : 'ACTIVE', createdAgo: liveCreatedAgo, endAgo: 0 });
  }

  /**
   * One plan with its objectives, actions (and their update logs), reviews and partner
   * engagements. `endAgo` is when work on it stopped: 0 for a live plan, the closing (or
   * archiving) date otherwise.
   */
  function buildPlan(ctx: ThreatContext, plan: { status: 'DRAFT' | 'ACTIVE' | 'CLOSED'; createdAgo: number; endAgo: number }) {
    const { traits, row } = ctx;
    const isLiveOfThreat = plan.status !== 'CLOSED' && plan.endAgo === 0;
    // Traits describe the live plan; a closed plan is simply a tidy, finished one.
    const has = (trait: Trait) => plan.status !== 'CLOSED' && traits.has(trait);
    const planId = ids.next();
    const cadence = reviewCadenceDays(row.tier);
    const activatedAgo = plan.status === 'DRAFT' ? null : Math.max(0.5, plan.createdAgo - random.between(3, 10));
    const ownerId = ctx.lroId ?? ctx.previousLroId;
    const reviewerId = user(MANAGER_OF[ctx.unit]);

    // Review dates first: they bound when actions may have been added.
    const reviewAgos: number[] = []; // newest first
    if (activatedAgo != null && !has('neverReviewed')) {
      let last: number;
      if (plan.status === 'CLOSED' || traits.has('liveOnArchive')) last = plan.endAgo + random.between(5, 20);
      else if (has('reviewTwiceOverdue')) last = 2 * cadence + random.between(5, 20);
      else if (has('reviewOverdue')) last = cadence + random.between(5, Math.min(20, cadence - 5));
      else last = random.between(2, cadence - 6);
      if (last > activatedAgo - 2) {
        if (has('reviewOverdue') || has('reviewTwiceOverdue')) throw new Error(`${ctx.urn}: plan too young to be overdue for review`);
        last = activatedAgo - 2.5;
      }
      // Earlier reviews at about the cadence, back to activation (at most eight: older history
      // predates Quadrant).
      for (let t = last; t > 0.3 && t < activatedAgo - 2 && reviewAgos.length < 8; t += cadence + random.between(-3, 6)) reviewAgos.push(t);
    }
    const lastReviewAgo = reviewAgos[0];
    if (has('neverReviewed') && activatedAgo != null && activatedAgo < cadence + 5) throw new Error(`${ctx.urn}: too young to be never reviewed`);

    // Objectives.
    const strands: Strand[] = has('pursueOnly')
      ? ['PURSUE', 'PURSUE', 'PREVENT']
      : ['PURSUE', ...(random.chance(0.5) ? (['PURSUE'] as const) : []), 'PREVENT', 'PROTECT', ...(has('noPrepare') ? [] : (['PREPARE'] as const))];
    const usedObjectives = new Map<Strand, Set<number>>();
    const objectives = strands.map((strand, position) => {
      const used = usedObjectives.get(strand) ?? new Set<number>();
      usedObjectives.set(strand, used);
      const choices = OBJECTIVES[strand].map((_, i) => i).filter((i) => !used.has(i));
      const index = random.pick(choices);
      used.add(index);
      const [title, successMeasure] = OBJECTIVES[strand][index];
      const objective = { id: ids.next(), planId, strand, title, successMeasure, position, createdAt: clock.at(plan.createdAgo) };
      data.objectives.push(objective);
      return objective;
    });

    // Actions: 1-2 per objective, then the partners' actions.
    const latestCreation = lastReviewAgo != null ? lastReviewAgo + 0.5 : plan.endAgo + 1;
    const ownerPool = [ctx.lroId, ctx.deputyId, ...ACTION_OWNERS_OF[ctx.unit].filter(activeUser).map(user)].filter((id): id is string => id != null);
    const pickOwner = () => (ctx.lroId && random.chance(0.45) ? ctx.lroId : ctx.deputyId && random.chance(0.3) ? ctx.deputyId : random.pick(ownerPool));
    const creationTime = () => (random.chance(0.6) ? plan.createdAgo - random.between(0, 1) : random.between(latestCreation, plan.createdAgo));
    const drafts: DraftAction[] = [];
    const usedDescriptions = new Set<string>();
    for (const objective of objectives) {
      for (let i = random.int(1, 2); i > 0; i--) {
        const description = random.pick(ACTIONS[objective.strand].filter((d) => !usedDescriptions.has(d)));
        usedDescriptions.add(description);
        drafts.push({
          strand: objective.strand, objectiveId: objective.id, description, status: 'NOT_STARTED', createdAgo: creationTime(),
          ownerUserId: pickOwner(), ownerOrganisationId: null, ownerContactName: null,
        });
      }
    }
    const objectiveFor = (strand: Strand) => objectives.find((o) => o.strand === strand)?.id ?? null;
    const partnerAction = (partner: PartnerCode, [strand, description]: readonly [Strand, string]): DraftAction => ({
      strand, objectiveId: objectiveFor(strand), description, status: 'NOT_STARTED', createdAgo: creationTime(),
      // A partner officer who is the LRO owns their agency's actions by name.
      ownerUserId: partner === 'LCC' && row.lro === 'leedsCouncilOfficer' ? ctx.lroId : null,
      ownerOrganisationId: org(partner), ownerContactName: PARTNER_CONTACTS[partner],
    });
    for (const partner of row.shares ?? []) {
      if (partner === 'HMRC' && row.partnerUserActions && isLiveOfThreat) {
        // The demo partner's own actions: one under way, one not yet started, both in date.
        const [first, second] = PARTNER_ACTIONS.HMRC;
        drafts.push({ ...partnerAction('HMRC', first), status: 'IN_PROGRESS', ownerUserId: user('partner'), keptByPartner: true });
        drafts.push({ ...partnerAction('HMRC', second), status: 'NOT_STARTED', ownerUserId: user('partner'), keptByPartner: true });
        continue;
      }
      const choices = PARTNER_ACTIONS[partner].filter(([strand]) => !has('pursueOnly') || strand === 'PURSUE');
      if (choices.length > 0) drafts.push(partnerAction(partner, random.pick(choices)));
    }

    chooseStatuses(ctx, plan, drafts, has);
    if (has('changedSinceReview')) {
      if (lastReviewAgo == null) throw new Error(`${ctx.urn}: changed since review needs a review`);
      const strand: Strand = has('pursueOnly') ? 'PURSUE' : random.pick(['PREVENT', 'PROTECT'] as const);
      drafts.push({
        strand, objectiveId: objectiveFor(strand), description: random.pick(ACTIONS[strand]), status: 'NOT_STARTED',
        createdAgo: random.between(1, lastReviewAgo - 0.5), ownerUserId: pickOwner(), ownerOrganisationId: null, ownerContactName: null,
      });
    }

    // Generate each action's timeline, then write it.
    const history = new Map<string, StatusChange[]>();
    const actionRows: { id: string; draft: DraftAction; dueAgo: number | null }[] = [];
    for (const draft of drafts) {
      const id = ids.next();
      const { changes, lastTouchAgo, completedAgo, dueAgo } = actionTimeline(ctx, plan, draft, has);
      history.set(id, changes);
      actionRows.push({ id, draft, dueAgo });
      data.actions.push({
        id, planId, objectiveId: draft.objectiveId, strand: draft.strand, description: draft.description,
        ownerUserId: draft.ownerUserId, ownerOrganisationId: draft.ownerOrganisationId, ownerContactName: draft.ownerContactName,
        dueOn: dueAgo == null ? null : clock.day(dueAgo), status: draft.status, version: 1 + changes.length,
        lastUpdatedAt: clock.at(lastTouchAgo), completedAt: completedAgo == null ? null : clock.at(completedAgo),
        createdAt: clock.at(draft.createdAgo),
      });
      for (const change of changes) {
        data.updates.push({ id: ids.next(), actionId: id, authorId: change.authorId, note: change.note, statusFrom: change.from, statusTo: change.to, createdAt: clock.at(change.ago) });
      }
    }

    // Reviews, oldest first, each with the plan as it stood.
    let version = 1;
    const reviewVersions: number[] = [];
    for (const ago of [...reviewAgos].reverse()) {
      if (random.chance(0.5)) version++;
      reviewVersions.push(version);
      const isLast = ago === lastReviewAgo;
      const outcome: ReviewOutcome = isLast && has('escalated') ? 'ESCALATED'
        : isLast && has('changesRequired') ? 'CHANGES_REQUIRED'
        : isLast ? 'SATISFACTORY'
        : random.weighted<ReviewOutcome>({ SATISFACTORY: 15, CHANGES_REQUIRED: 4, ESCALATED: 1 });
      data.reviews.push({
        id: ids.next(), planId, reviewerId, reviewedAt: clock.at(ago), outcome, comments: random.pick(REVIEW_COMMENTS[outcome]),
        nextReviewDue: clock.day(ago - cadence), planVersion: version,
        snapshot: JSON.stringify(snapshotAt(ago, { planId, version, objectives, actionRows, history })),
        createdAt: clock.at(ago),
      });
    }
    const changedAfterReview = has('changedSinceReview');
    const planVersion = (reviewVersions.at(-1) ?? random.int(1, 2)) + (changedAfterReview ? 1 : 0);
    const latestActionCreated = Math.min(...drafts.map((d) => d.createdAgo));

    data.plans.push({
      id: planId, threatId: ctx.id, liveThreatId: plan.status === 'CLOSED' ? null : ctx.id, status: plan.status, version: planVersion,
      intelligenceGaps: random.pick(INTELLIGENCE_GAPS),
      planOwnerUserId: ownerId,
      planOwnerOrganisationId: row.lro === 'leedsCouncilOfficer' ? org('LCC') : null,
      nextReviewDue: plan.status !== 'ACTIVE' ? null
        : lastReviewAgo != null ? clock.day(lastReviewAgo - cadence)
        : clock.day(activatedAgo! - cadence),
      activatedAt: activatedAgo == null ? null : clock.at(activatedAgo),
      materiallyChangedAt: clock.at(latestActionCreated),
      closedAt: plan.status === 'CLOSED' ? clock.at(plan.endAgo) : null,
      closureOutcome: plan.status === 'CLOSED' ? random.pick(CLOSURE_TEXT.outcome) : null,
      closureWhatWorked: plan.status === 'CLOSED' ? random.pick(CLOSURE_TEXT.whatWorked) : null,
      closureLearning: plan.status === 'CLOSED' ? random.pick(CLOSURE_TEXT.learning) : null,
      createdAt: clock.at(plan.createdAgo), updatedById: ownerId,
    });
    addEngagements(ctx, plan, planId, has);
  }

  /** Final statuses, with the guarantees each trait needs. */
  function chooseStatuses(ctx: ThreatContext, plan: { status: string; endAgo: number; createdAgo: number }, drafts: DraftAction[], has: (t: Trait) => boolean) {
    const open = () => drafts.filter((d) => isOpen(d.status));
    if (plan.status === 'DRAFT') return; // all NOT_STARTED
    if (plan.status === 'CLOSED') {
      for (const d of drafts) d.status = random.chance(0.8) ? 'COMPLETE' : 'CANCELLED';
      if (ctx.traits.has('closedWithOpenActions')) drafts[drafts.length - 1].status = 'BLOCKED';
      return;
    }
    for (const d of drafts) {
      if (d.keptByPartner) continue; // set by the caller
      d.status = random.weighted<ActionStatus>({ NOT_STARTED: 20, IN_PROGRESS: 38, BLOCKED: 7, COMPLETE: 27, CANCELLED: 8 });
    }
    if (has('pursueOnly')) {
      for (const d of drafts) if (d.strand !== 'PURSUE' && isOpen(d.status)) d.status = 'COMPLETE';
      const pursue = drafts.filter((d) => d.strand === 'PURSUE');
      for (const d of pursue.slice(0, 2)) if (!isOpen(d.status)) d.status = 'IN_PROGRESS';
    } else {
      // A healthy plan keeps Prevent and Protect open and no more than two-thirds of its open
      // actions in Pursue, so PLAN_PURSUE_ONLY only shows where a row asks for it.
      for (const strand of ['PREVENT', 'PROTECT'] as const) {
        const ofStrand = drafts.filter((d) => d.strand === strand && !d.keptByPartner);
        if (ofStrand.length > 0 && !ofStrand.some((d) => isOpen(d.status))) ofStrand[0].status = 'IN_PROGRESS';
      }
      const openPursue = () => open().filter((d) => d.strand === 'PURSUE');
      while (openPursue().length > (2 / 3) * open().length) {
        const closable = openPursue().find((d) => !d.keptByPartner);
        if (!closable) break;
        closable.status = 'COMPLETE';
      }
    }
    const candidates = () => open().filter((d) => !d.keptByPartner && !d.mustBeOverdue && !d.mustBeStale && !d.noDueDate);
    const mark = (count: number, flag: 'mustBeOverdue' | 'mustBeStale' | 'noDueDate') => {
      const chosen = random.sample(candidates(), count);
      if (chosen.length < count) throw new Error(`${ctx.urn}: not enough open actions for ${flag}`);
      for (const d of chosen) d[flag] = true;
      return chosen;
    };
    // Overdue and stale actions must be old enough to be so: set up a while ago.
    const setUpEarlier = (d: DraftAction, low: number, high: number) => {
      d.createdAgo = Math.max(d.createdAgo, Math.min(plan.createdAgo - 0.5, random.between(low, high)));
    };
    if (has('overdue')) for (const d of mark(random.int(1, 2), 'mustBeOverdue')) setUpEarlier(d, 30, 100);
    if (has('stale')) for (const d of mark(random.int(1, 2), 'mustBeStale')) setUpEarlier(d, 60, 150);
    if (has('noDueDate')) mark(1, 'noDueDate');
    if (has('noOwner')) {
      const [d] = random.sample(candidates(), 1);
      if (!d) throw new Error(`${ctx.urn}: no open action to leave without an owner`);
      d.ownerUserId = null;
    }
  }

  /**
   * When each action was touched, as a log of status changes and notes. Open actions are updated
   * within 25 days unless they must be stale (35-120 days); finished ones close within the plan's
   * life (and more than 90 days ago on a quiet threat).
   */
  function actionTimeline(ctx: ThreatContext, plan: { status: string; endAgo: number; createdAgo: number }, draft: DraftAction, has: (t: Trait) => boolean) {
    const created = draft.createdAgo;
    const end = plan.endAgo;
    const authorId = draft.ownerUserId ?? ctx.lroId ?? ctx.previousLroId ?? user(MANAGER_OF[ctx.unit]);
    const partnerVoice = draft.ownerOrganisationId != null && draft.ownerUserId == null;
    const note = (kind: keyof typeof UPDATE_NOTES) => random.pick(partnerVoice && (kind === 'progress' || kind === 'start') ? UPDATE_NOTES.partner : UPDATE_NOTES[kind]);
    let status = draft.status;
    const changes: StatusChange[] = [];
    let completedAgo: number | null = null;

    // When it was last touched.
    let lastTouch: number;
    if (plan.status === 'DRAFT') lastTouch = created;
    else if (!isOpen(status)) {
      const earliest = has('quiet') ? 95 : end + 0.5;
      if (created - 1 < earliest) {
        if (plan.status === 'CLOSED') throw new Error(`${ctx.urn}: action on a closed plan created too late to finish`);
        status = 'IN_PROGRESS'; // too new to have finished in time: still under way
        draft.status = status;
        lastTouch = Math.max(end + 0.2, random.between(end + 0.5, Math.min(25, created)));
      } else lastTouch = random.between(earliest, created - 1);
      if (status === 'COMPLETE') completedAgo = lastTouch;
    } else if (draft.mustBeStale || end > 0) {
      const low = Math.max(35, end + 1);
      if (created < low + 2) throw new Error(`${ctx.urn}: action too new to be stale`);
      lastTouch = random.between(low, Math.min(120, created - 1));
    } else lastTouch = Math.min(created, random.between(0.3, 25));

    // The log: a start, perhaps a note in between, and the final change or note.
    const span = created - lastTouch;
    const startAgo = lastTouch + span * random.between(0.4, 0.8);
    if (status === 'NOT_STARTED') {
      if (span > 0.01) changes.push({ ago: lastTouch, from: null, to: null, note: note('waiting'), authorId });
    } else if (status === 'CANCELLED') {
      changes.push({ ago: lastTouch, from: 'NOT_STARTED', to: 'CANCELLED', note: note('cancelled'), authorId });
    } else {
      changes.push({ ago: startAgo, from: 'NOT_STARTED', to: 'IN_PROGRESS', note: note('start'), authorId });
      if (span > 20 && random.chance(0.6)) changes.push({ ago: lastTouch + (startAgo - lastTouch) / 2, from: null, to: null, note: note('progress'), authorId });
      if (status === 'IN_PROGRESS') changes.push({ ago: lastTouch, from: null, to: null, note: note('progress'), authorId });
      if (status === 'BLOCKED') changes.push({ ago: lastTouch, from: 'IN_PROGRESS', to: 'BLOCKED', note: note('blocked'), authorId });
      if (status === 'COMPLETE') changes.push({ ago: lastTouch, from: 'IN_PROGRESS', to: 'COMPLETE', note: note('complete'), authorId });
    }
    if (changes.length === 0) lastTouch = created;

    // When it is due.
    let dueAgo: number | null;
    if (draft.noDueDate) dueAgo = null;
    else if (!isOpen(status)) dueAgo = Math.min(created - 1, lastTouch + random.between(-14, 10));
    else if (draft.mustBeOverdue) dueAgo = random.between(3, Math.min(60, created - 2));
    else if (end > 0) dueAgo = random.between(end, Math.min(created - 1, end + 60));
    else dueAgo = -random.between(7, 120);
    return { changes, lastTouchAgo: lastTouch, completedAgo, dueAgo };
  }

  /** The plan as a reviewer saw it `ago` days ago: objectives, and the actions then on it with
   *  the status each had at that moment. */
  function snapshotAt(
    ago: number,
    plan: { planId: string; version: number; objectives: { id: string; strand: Strand; title: string; successMeasure: string }[]; actionRows: { id: string; draft: DraftAction; dueAgo: number | null }[]; history: Map<string, StatusChange[]> },
  ) {
    return {
      planId: plan.planId,
      version: plan.version,
      takenAt: clock.at(ago).toISOString(),
      objectives: plan.objectives.map(({ id, strand, title, successMeasure }) => ({ id, strand, title, successMeasure })),
      actions: plan.actionRows
        .filter(({ draft }) => draft.createdAgo > ago)
        .map(({ id, draft, dueAgo }) => {
          const statusThen = (plan.history.get(id) ?? []).filter((c) => c.ago > ago && c.to != null).at(-1)?.to ?? 'NOT_STARTED';
          return {
            id, strand: draft.strand, objectiveId: draft.objectiveId, description: draft.description,
            ownerUserId: draft.ownerUserId, ownerOrganisationId: draft.ownerOrganisationId, ownerContactName: draft.ownerContactName,
            dueOn: dueAgo == null ? null : clock.day(dueAgo).toISOString(), status: statusThen,
          };
        }),
    };
  }

  // --- partner engagement ----------------------------------------------------------------------
  function addEngagements(ctx: ThreatContext, plan: { status: string; createdAgo: number; endAgo: number }, planId: string, has: (t: Trait) => boolean) {
    const partners = new Set<PartnerCode>(ctx.row.shares ?? []);
    if (ctx.areas.some((a) => a === 'FRAUD' || a === 'MONEY_LAUNDERING' || a === 'ECONOMIC_CRIME')) partners.add('HMRC');
    if (ctx.areas.some((a) => a === 'FRAUD' || a === 'ECONOMIC_CRIME')) partners.add('DWP');
    if (ctx.areas.includes('MODERN_SLAVERY_HUMAN_TRAFFICKING')) partners.add('GLAA');
    if (ctx.areas.some((a) => a === 'ORGANISED_IMMIGRATION_CRIME' || a === 'BORDERS')) partners.add('BF');
    if (ctx.unit === 'WYP') partners.add('LCC');
    if (ctx.unit === 'SYP') partners.add('SCC');
    if (partners.size === 0) partners.add('DWP');
    const choices = [...partners];
    const record = (ago: number) => {
      const kind = random.weighted<EngagementKind>({ CONSULTED: 3, TASKED: 2, MEETING: 3 });
      data.engagements.push({
        id: ids.next(), planId, partnerOrganisationId: org(random.pick(choices)), engagedOn: clock.day(ago), kind,
        summary: random.pick(ENGAGEMENT_SUMMARIES[kind]), recordedById: ctx.lroId ?? ctx.previousLroId, createdAt: clock.at(ago),
      });
    };
    if (plan.status === 'DRAFT') {
      if (random.chance(0.5)) record(random.between(1, plan.createdAgo));
    } else if (has('noPartner')) {
      // Consulted once when the plan was drawn up (if that was long enough ago), never since.
      if (plan.createdAgo > 100) record(random.between(100, plan.createdAgo));
    } else {
      const from = plan.createdAgo;
      const to = Math.max(plan.endAgo, 1);
      record(random.between(to, Math.min(from, to + 70)));
      for (let i = random.int(0, 2); i > 0; i--) record(random.between(to, from));
    }
  }

  // --- disruptions -----------------------------------------------------------------------------
  function addDisruptions(ctx: ThreatContext) {
    const { row, traits } = ctx;
    const status = row.status ?? 'ACTIVE';
    if (status === 'MAPPED') return;
    const start = Math.min(row.mapped - 3, 545); // the last 18 months
    const end = Math.max(status === 'ARCHIVED' ? row.archived! + 3 : 1, traits.has('quiet') ? 95 : 0);
    if (start <= end) return;
    const hasLivePlan = !traits.has('noPlan') && status === 'ACTIVE';
    const perTier: Record<number, [number, number]> = { 1: [8, 12], 2: [6, 9], 3: [3, 6], 4: [2, 4], 5: [1, 2] };
    const count = hasLivePlan || status === 'ARCHIVED' ? random.int(...perTier[row.tier]) : random.int(0, 1);
    // Nothing within a few days of the 12-month boundary, so date rounding cannot move a
    // disruption in or out of the year the dashboards count.
    const agos = Array.from({ length: count }, () => random.between(end, start)).map((ago) => (Math.abs(ago - 365) < 3 ? ago + 6 : ago));
    // An active, worked threat shows recent activity, so it raises no POSSIBLE_UNMET_DEMAND.
    if (hasLivePlan && !traits.has('quiet') && agos.length > 0) agos[0] = random.between(Math.max(end, 2), Math.min(start, 80));
    for (const ago of agos) {
      const role = random.weighted({ LEAD: 4, SUPPORTING: 1 });
      const category = random.weighted<DisruptionCategory>({ MAJOR: 2, MODERATE: 6, MINOR: 9, NONE: 2, NEGATIVE: 1 });
      const supportedAgency = random.pick<string | null>(ctx.unit === 'YHROCU' ? ['WYP', 'SYP', 'HUM', 'NYP', 'BF', null] : ['YHROCU', 'HMRC', 'BF', null]);
      const leadAgencyId = role === 'LEAD' ? org(ctx.unit) : supportedAgency ? org(supportedAgency) : null;
      const onApmis = ago > 7 ? random.chance(0.8) : random.chance(0.5);
      const recordedAgo = Math.max(0.2, ago - random.between(0.5, 6));
      pendingDisruptions.push({
        unit: ctx.unit, ago, counted: role === 'LEAD' && ago <= 365 && ['MAJOR', 'MODERATE', 'MINOR'].includes(category),
        id: ids.next(), threatId: ctx.id, disruptedOn: clock.day(ago), category, role, leadAgencyId, description: '',
        apmisReference: onApmis ? 'pending' : null, apmisRecordedAt: onApmis ? clock.at(recordedAgo) : null,
        recordedById: ctx.lroId ?? ctx.previousLroId, createdAt: clock.at(recordedAgo),
      });
    }
  }

  /**
   * Strands are dealt out per unit so that the inspection's finding shows exactly: of each unit's
   * counted disruptions (lead, assessed, last 12 months) the PURSUE_SHARE are Pursue. The rest,
   * and the uncounted ones, are spread over the strands. References number each unit's
   * disruptions in date order.
   */
  function assignDisruptionStrandsAndReferences() {
    for (const unit of Object.keys(PURSUE_SHARE) as Unit[]) {
      const ofUnit = pendingDisruptions.filter((d) => d.unit === unit);
      const counted = random.shuffle(ofUnit.filter((d) => d.counted));
      const pursueCount = Math.round(PURSUE_SHARE[unit] * counted.length);
      const strandOf = new Map<object, Strand>();
      counted.forEach((d, i) => strandOf.set(d, i < pursueCount ? 'PURSUE' : random.weighted<Strand>({ PREVENT: 4, PROTECT: 4, PREPARE: 2 })));
      for (const d of ofUnit) if (!d.counted) strandOf.set(d, random.weighted<Strand>({ PURSUE: 6, PREVENT: 2, PROTECT: 2, PREPARE: 1 }));
      let number = random.int(10, 60);
      let apmisNumber = random.int(1000, 9000);
      for (const d of [...ofUnit].sort((a, b) => b.ago - a.ago)) {
        number += random.int(1, 4);
        const strand = strandOf.get(d)!;
        const { unit: _unit, ago, counted: _counted, ...row } = d;
        const year = clock.day(ago).getUTCFullYear();
        data.disruptions.push({
          ...row, strand, reference: `${unit}-D-${String(number).padStart(5, '0')}`, description: random.pick(DISRUPTIONS[strand]),
          apmisReference: row.apmisReference ? `APMIS-${year}-${String((apmisNumber += random.int(3, 40))).padStart(6, '0')}` : null,
        });
      }
    }
  }

  // --- unmet demand ----------------------------------------------------------------------------
  function addUnmetDemand(ctx: ThreatContext) {
    const fitting: CapabilityNeeded[] = ['SURVEILLANCE', 'ANALYSIS', 'INVESTIGATORS', 'COVERT_HUMAN_INTELLIGENCE'];
    if (ctx.areas.includes('CYBER')) fitting.push('DIGITAL_FORENSICS', 'DIGITAL_FORENSICS');
    if (ctx.areas.some((a) => a === 'MONEY_LAUNDERING' || a === 'FRAUD')) fitting.push('FINANCIAL_INVESTIGATION', 'FINANCIAL_INVESTIGATION');
    if (ctx.areas.includes('FIREARMS')) fitting.push('SPECIALIST_FIREARMS');
    if (ctx.row.tier === 1) fitting.push('INTERCEPTION');
    for (let i = random.int(1, 2); i > 0; i--) {
      const capabilityNeeded = random.pick(fitting);
      const shortfall: Shortfall = ['SURVEILLANCE', 'ANALYSIS', 'INVESTIGATORS'].includes(capabilityNeeded) ? 'CAPACITY' : 'CAPABILITY';
      const raised = random.between(15, Math.min(200, ctx.row.mapped - 5));
      const escalated = random.chance(0.6) ? raised - random.between(3, Math.min(20, raised - 1)) : null;
      const resolved = escalated != null && escalated > 20 && random.chance(0.4) ? random.between(1, escalated - 5) : null;
      data.unmetDemand.push({
        id: ids.next(), threatId: ctx.id, shortfall, capabilityNeeded,
        description: UNMET_DEMAND_TEXT[capabilityNeeded] ?? UNMET_DEMAND_TEXT.default,
        raisedOn: clock.day(raised), escalatedTo: escalated == null ? null : random.pick(ESCALATED_TO),
        escalatedOn: escalated == null ? null : clock.day(escalated), resolvedOn: resolved == null ? null : clock.day(resolved),
        apmisRecorded: random.chance(0.5), recordedById: ctx.lroId, createdAt: clock.at(raised),
      });
    }
  }

  // --- ancillary orders ------------------------------------------------------------------------
  function addOrder(spec: { kind: OrderKind; state: OrderState; unit: Unit; organisationId: string; threat?: ThreatContext }) {
    const { kind, state } = spec;
    const term = ORDER_TERMS[kind];
    // When it started: long enough ago for its checks, and so that it expires where the state
    // needs it (within 20-80 days, or more than 100 days away).
    const minStart = state === 'unchecked' ? 250 : 100;
    const latestStart = term.days - 100;
    const startsAgo = state === 'expiring'
      ? term.days - random.between(20, 80)
      : random.between(Math.min(minStart, latestStart), Math.min(latestStart, minStart + 500));
    const madeAgo = startsAgo + (kind === 'SCPO' ? random.between(0, 30) : random.between(0, 3));
    const id = ids.next();
    const checks: { ago: number; result: ComplianceCheckResult }[] = [];
    if (state !== 'neverChecked') {
      const last = state === 'unchecked' ? random.between(100, 200) : random.between(3, 50);
      for (let t = last; t < Math.min(startsAgo, 400); t += random.between(30, 60)) {
        checks.push({ ago: t, result: random.weighted<ComplianceCheckResult>({ COMPLIANT: 18, UNABLE_TO_CHECK: 1 }) });
      }
      if (state === 'breached') for (const c of random.sample(checks, Math.min(checks.length, random.int(1, 2)))) c.result = 'BREACH';
    }
    const subjectName = kind === 'CLOSURE_ORDER'
      ? `Premises ref P-${random.int(1000, 9999)}`
      : spec.threat?.row.type === 'PI' ? spec.threat.name : `Nominal ${String(random.int(100, 9999)).padStart(4, '0')}`;
    // Unclear management is part of the picture: unmonitored orders have no named officer.
    const monitoredProperly = state !== 'unchecked' && state !== 'neverChecked';
    data.orders.push({
      id, kind, subjectName, threatId: spec.threat?.id ?? null, organisationId: spec.organisationId,
      madeOn: clock.day(madeAgo), startsOn: clock.day(startsAgo), expiresOn: clock.day(startsAgo - term.days),
      conditions: term.conditions, managingTeam: monitoredProperly ? MANAGING_TEAM[spec.unit] : null,
      managingOfficerId: monitoredProperly ? spec.threat?.lroId ?? null : null,
      lastComplianceCheckOn: checks.length > 0 ? clock.day(checks[0].ago) : null,
      breachCount: checks.filter((c) => c.result === 'BREACH').length, createdAt: clock.at(madeAgo),
    });
    for (const check of [...checks].reverse()) {
      data.checks.push({
        id: ids.next(), orderId: id, checkedOn: clock.day(check.ago), result: check.result,
        note: check.result === 'BREACH' ? 'Undeclared phone found; breach reported to CPS.' : check.result === 'UNABLE_TO_CHECK' ? 'No reply at the notified address.' : null,
        checkedById: spec.threat?.lroId ?? null, createdAt: clock.at(check.ago),
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Writing it
// ---------------------------------------------------------------------------------------------

export type SeedCounts = Record<keyof SeedData, number>;

/**
 * Seeds `prisma` with the demo data, dated relative to `now`, in one transaction. Does nothing
 * (and returns null) when organisations exist already.
 */
export async function seed(prisma: PrismaClient, now: Date = new Date()): Promise<SeedCounts | null> {
  const existing = await prisma.organisation.count();
  if (existing > 0) {
    console.log(`seed: the database already has ${existing} organisations; not seeding (npm run db:reset wipes it first)`);
    return null;
  }
  const data = buildSeedData(now);
  // One hash for every demo account: bcrypt is slow by design, and they share a password.
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, BCRYPT_COST);

  await prisma.$transaction(
    async (tx) => {
      // Parents before children: the tree is inserted a level at a time.
      const depths = [...new Set(data.organisations.map((o) => o.depth))].sort();
      for (const depth of depths) {
        await tx.organisation.createMany({ data: data.organisations.filter((o) => o.depth === depth).map(({ depth: _depth, ...o }) => o) });
      }
      await tx.user.createMany({ data: data.users.map((u) => ({ ...u, passwordHash })) });
      await tx.userRole.createMany({ data: data.userRoles });
      await tx.trainingRecord.createMany({ data: data.training });
      await tx.complianceSettings.createMany({ data: data.settings });
      await tx.socThreat.createMany({ data: data.threats });
      await tx.threatAreaTag.createMany({ data: data.areas });
      await tx.threatShare.createMany({ data: data.shares });
      await tx.lroAssignment.createMany({ data: data.assignments });
      await tx.morileAssessment.createMany({ data: data.assessments });
      await tx.fourPPlan.createMany({ data: data.plans });
      await tx.objective.createMany({ data: data.objectives });
      await tx.action.createMany({ data: data.actions });
      await tx.actionUpdate.createMany({ data: data.updates });
      await tx.planReview.createMany({ data: data.reviews });
      await tx.partnerEngagement.createMany({ data: data.engagements });
      await tx.disruption.createMany({ data: data.disruptions });
      await tx.unmetDemand.createMany({ data: data.unmetDemand });
      await tx.ancillaryOrder.createMany({ data: data.orders });
      await tx.orderComplianceCheck.createMany({ data: data.checks });
    },
    { maxWait: 10_000, timeout: 120_000 },
  );

  const counts = Object.fromEntries(Object.entries(data).map(([key, rows]) => [key, rows.length])) as SeedCounts;
  console.log(`seed: ${Object.entries(counts).map(([key, n]) => `${n} ${key}`).join(', ')}`);
  console.log(`seed: sign in as ${Object.values(DEMO_USERS).map((u) => u.email).join(', ')} with password ${DEMO_PASSWORD}`);
  return counts;
}

/** Weeks of past compliance snapshots the demo starts with (the dashboard's trend). */
export const SEED_SNAPSHOT_WEEKS = 12;

/**
 * The dashboard's trend for the demo (issue 6 part 4): a compliance snapshot for each of the 12
 * weeks before `now` (one a week) and for `now`'s day, through the same code as the daily job
 * (lib/services/snapshots.ts) with a past `now`. The figures are today's records judged as of
 * that day (the seed has no history of how its records looked then), so the trend is illustrative.
 * Deterministic for a given `now`; takes the app's database client (lib/db/client.ts), so it runs
 * after `seed` in the script, not in tests that seed a database of their own.
 */
export async function seedSnapshots(now: Date): Promise<number> {
  const { takeDailySnapshots } = await import('../lib/services/snapshots');
  let days = 0;
  for (let week = SEED_SNAPSHOT_WEEKS; week >= 0; week -= 1) {
    await takeDailySnapshots(new Date(now.getTime() - week * 7 * 24 * 60 * 60 * 1000));
    days += 1;
  }
  console.log(`seed: compliance snapshots for ${days} days`);
  return days;
}

// Run when invoked as a script (`npm run db:seed`), not when imported by a test.
if (/[\\/]prisma[\\/]seed\.ts$/.test(process.argv[1] ?? '')) {
  void (async () => {
    const { prisma } = await import('../lib/db/client');
    try {
      const now = new Date();
      if (await seed(prisma, now)) await seedSnapshots(now);
    } finally {
      await prisma.$disconnect();
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
