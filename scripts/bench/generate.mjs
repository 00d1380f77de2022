// The synthetic national data set for `npm run bench`: organisations (national -> regions ->
// ROCUs and forces -> local policing areas, and partner agencies), users with roles and training,
// threats with 4P plans, objectives, actions and their update logs, reviews, partner engagements,
// disruptions, unmet demand, MoRiLE assessments, ancillary orders and snapshots.
//
// Deterministic for a seed (mulberry32), dates relative to `now`, every name invented. Mixes are
// chosen so that every compliance flag is raised somewhere and most records are compliant. Rows
// go in through the raw driver (scripts/bench/writer.mjs), never through Prisma.
import bcrypt from 'bcryptjs';
import { prng } from './prng.mjs';

const DAY = 24 * 60 * 60 * 1000;

/** @typedef {{ regions: number, forces: number, rocus: number, lpasPerRegion: number, partners: number, threats: number, actionsPerPlan: number, updatesPerAction: number, disruptions: number, unmetDemand: number, orders: number, snapshotDays: number }} Size */

/** @type {Record<string, Size>} */
export const SIZES = {
  full: {
    regions: 10,
    forces: 43,
    rocus: 9,
    lpasPerRegion: 2,
    partners: 6,
    threats: 10_000,
    actionsPerPlan: 23,
    updatesPerAction: 5,
    disruptions: 50_000,
    unmetDemand: 3_000,
    orders: 2_000,
    snapshotDays: 90,
  },
  smoke: {
    regions: 1,
    forces: 2,
    rocus: 1,
    lpasPerRegion: 1,
    partners: 2,
    threats: 200,
    actionsPerPlan: 21,
    updatesPerAction: 5,
    disruptions: 1_000,
    unmetDemand: 60,
    orders: 40,
    snapshotDays: 14,
  },
};

export const BENCH_PASSWORD = 'bench-password';

// Invented place and person names: syllables put together, no real force, person or operation.
const PLACE_START = ['Ash', 'Bram', 'Cal', 'Dun', 'Elder', 'Fen', 'Gor', 'Hal', 'Ivy', 'Kel', 'Lark', 'Mor', 'Nether', 'Oak', 'Pell', 'Quen', 'Rook', 'Sel', 'Thorn', 'Ul', 'Wren', 'Yar'];
const PLACE_END = ['mere', 'ford', 'wick', 'holm', 'stead', 'combe', 'ley', 'thorpe', 'by', 'wold', 'den', 'shaw'];
const FIRST = ['Alex', 'Bea', 'Cal', 'Dana', 'Eli', 'Fay', 'Gus', 'Hana', 'Ira', 'Jo', 'Kit', 'Lia', 'Max', 'Nia', 'Oli', 'Pip', 'Quin', 'Ray', 'Sol', 'Tess', 'Uma', 'Vic', 'Wyn', 'Zed'];
const LAST = ['Amberly', 'Brackwell', 'Corrin', 'Dunmore', 'Elstow', 'Farrowdale', 'Gethin', 'Hollis', 'Inchley', 'Jarrow-Pike', 'Kestrell', 'Lanyard', 'Marrick', 'Nettlebed', 'Orrin', 'Pennock', 'Quarrie', 'Rushby', 'Stennet', 'Tolland', 'Upwood', 'Varley', 'Wetherden', 'Yelland'];
const GROUP_WORDS = ['Crimson', 'Silver', 'North', 'Harbour', 'Iron', 'Lantern', 'Falcon', 'Meadow', 'Copper', 'Granite', 'Willow', 'Raven', 'Tide', 'Ember', 'Quarry', 'Juniper'];
const GROUP_KINDS = ['network', 'crew', 'group', 'line', 'syndicate', 'family group'];
const AREAS = ['DRUGS', 'COUNTY_LINES', 'FRAUD', 'ECONOMIC_CRIME', 'MODERN_SLAVERY_HUMAN_TRAFFICKING', 'ORGANISED_IMMIGRATION_CRIME', 'FIREARMS', 'CYBER', 'ORGANISED_ACQUISITIVE_CRIME', 'CHILD_SEXUAL_ABUSE', 'MONEY_LAUNDERING', 'BORDERS', 'OTHER'];
const CAPABILITIES = ['SURVEILLANCE', 'ANALYSIS', 'FINANCIAL_INVESTIGATION', 'DIGITAL_FORENSICS', 'COVERT_HUMAN_INTELLIGENCE', 'INTERCEPTION', 'SPECIALIST_FIREARMS', 'INVESTIGATORS', 'OTHER'];
const OPEN = new Set(['NOT_STARTED', 'IN_PROGRESS', 'BLOCKED']);

/**
 * Generates the data set into an open writer (scripts/bench/writer.mjs), inside one transaction.
 * @param {import('./writer.mjs').Writer} w
 * @param {{ size: Size, seed?: number, now?: Date, log?: (line: string) => void }} options
 * @returns {Promise<{ counts: Record<string, number>, users: { regional: string, national: string, force: string }, regionName: string, password: string }>}
 */
export async function generate(w, { size, seed = 6, now = new Date(), log = () => {} }) {
  const r = prng(seed);
  const t0 = Date.now();
  const nowMs = now.getTime();
  const daysAgo = (/** @type {number} */ d) => new Date(nowMs - d * DAY - r.int(0, DAY - 1));
  const clampPast = (/** @type {number} */ ms) => new Date(Math.min(ms, nowMs - 60_000));
  /** @type {Record<string, number>} */
  const counts = {};

  /** Wraps rows with a progress line every 100,000 rows. */
  async function insert(/** @type {string} */ table, /** @type {string[]} */ columns, /** @type {Iterable<unknown[]>} */ rows) {
    const started = Date.now();
    function* counted() {
      let n = 0;
      for (const row of rows) {
        yield row;
        if (++n % 100_000 === 0) log(`  ${table}: ${n.toLocaleString('en-GB')} rows…`);
      }
    }
    const n = await w.insert(table, columns, counted());
    counts[table] = (counts[table] ?? 0) + n;
    log(`  ${table}: ${n.toLocaleString('en-GB')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  // --- Organisations ------------------------------------------------------------------------------
  /** @type {{ id: string, code: string, name: string, kind: string, parentId: string | null, path: string, regionIndex: number }[]} */
  const orgs = [];
  const placeNames = new Set();
  const place = () => {
    for (;;) {
      const name = r.pick(PLACE_START) + r.pick(PLACE_END);
      if (!placeNames.has(name)) {
        placeNames.add(name);
        return name;
      }
    }
  };
  const addOrg = (/** @type {string} */ code, /** @type {string} */ name, /** @type {string} */ kind, /** @type {typeof orgs[number] | null} */ parent, regionIndex = -1) => {
    const id = r.id();
    const org = { id, code, name, kind, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, regionIndex };
    orgs.push(org);
    return org;
  };
  const national = addOrg('BENCH-NAT', 'National SOC Co-ordination (bench)', 'NATIONAL', null);
  const regions = [];
  for (let i = 0; i < size.regions; i++) regions.push(addOrg(`BENCH-R${i + 1}`, `${place()} Region`, 'REGION', national, i));
  /** Organisations that own threats, with a weight. */
  const owners = [];
  for (let i = 0; i < size.forces; i++) {
    const region = regions[i % regions.length];
    const force = addOrg(`BENCH-F${i + 1}`, `${place()} Police`, 'FORCE', region, region.regionIndex);
    owners.push({ org: force, weight: 10 });
  }
  for (let i = 0; i < size.rocus; i++) {
    const region = regions[i % regions.length];
    owners.push({ org: addOrg(`BENCH-ROCU${i + 1}`, `${region.name} Organised Crime Unit`, 'ROCU', region, region.regionIndex), weight: 6 });
  }
  for (const region of regions) {
    const forces = owners.filter((o) => o.org.kind === 'FORCE' && o.org.parentId === region.id);
    for (let j = 0; j < size.lpasPerRegion && j < forces.length; j++) {
      const force = forces[j].org;
      owners.push({ org: addOrg(`${force.code}-LPA${j + 1}`, `${place()} Local Policing Area`, 'LPA', force, region.regionIndex), weight: 2 });
    }
  }
  const partners = [];
  for (let i = 0; i < size.partners; i++) partners.push(addOrg(`BENCH-P${i + 1}`, `${place()} ${r.pick(['Revenue Service', 'Border Agency', 'Council', 'Health Board', 'Housing Trust', 'Transport Authority'])}`, 'PARTNER', national));
  await insert(
    'Organisation',
    ['id', 'code', 'name', 'kind', 'parentId', 'path', 'updatedAt'],
    orgs.map((o) => [o.id, o.code, o.name, o.kind, o.parentId, o.path, now]),
  );

  // --- Users -------------------------------------------------------------------------------------
  const passwordHash = bcrypt.hashSync(BENCH_PASSWORD, 10);
  /** @type {unknown[][]} */
  const userRows = [];
  /** @type {unknown[][]} */
  const roleRows = [];
  let userSeq = 0;
  const addUser = (/** @type {{ id: string }} */ org, /** @type {string[]} */ roles, /** @type {string} */ email = '') => {
    const id = r.id();
    userSeq++;
    const name = `${r.pick(FIRST)} ${r.pick(LAST)}`;
    userRows.push([id, email || `user${userSeq}@bench.quadrant.test`, name, roles.includes('LRO') ? r.pick(['DS', 'DI', 'PS', 'Insp']) : null, org.id, passwordHash, true, now]);
    for (const role of roles) roleRows.push([id, role]);
    return id;
  };
  const nationalCoordinator = 'national.coordinator@bench.quadrant.test';
  addUser(national, ['COORDINATOR'], nationalCoordinator);
  addUser(national, ['ADMIN'], 'national.admin@bench.quadrant.test');
  regions.forEach((region, i) => {
    addUser(region, ['COORDINATOR'], `regional.coordinator${i + 1}@bench.quadrant.test`);
    addUser(region, ['ADMIN']);
  });
  const totalWeight = owners.reduce((s, o) => s + o.weight, 0);
  /** @type {Map<string, string[]>} LRO pool by organisation */
  const lroPool = new Map();
  /** @type {Map<string, string[]>} other officers (managers) by organisation */
  const managers = new Map();
  let firstForceCoordinator = '';
  for (const { org, weight } of owners) {
    const email = org.kind === 'FORCE' && !firstForceCoordinator ? (firstForceCoordinator = 'force.coordinator@bench.quadrant.test') : '';
    if (org.kind !== 'LPA') addUser(org, ['COORDINATOR'], email);
    managers.set(org.id, [addUser(org, ['MANAGER']), addUser(org, ['MANAGER'])]);
    // About 2.8 live threats per LRO on average, so some are over the caseload thresholds (4 and 6).
    const expected = (size.threats * weight) / totalWeight;
    const pool = [];
    for (let k = 0; k < Math.max(2, Math.ceil(expected / 2.8)); k++) pool.push(addUser(org, ['LRO']));
    lroPool.set(org.id, pool);
  }
  /** @type {Map<string, string[]>} action owners by partner */
  const partnerUsers = new Map(partners.map((p) => [p.id, [addUser(p, ['ACTION_OWNER']), addUser(p, ['ACTION_OWNER']), addUser(p, ['ACTION_OWNER'])]]));
  await insert('User', ['id', 'email', 'name', 'rank', 'organisationId', 'passwordHash', 'active', 'updatedAt'], userRows);
  await insert('UserRole', ['userId', 'role'], roleRows);

  // Training: most LROs have a current LRO course, some expired, some none.
  const allLros = [...lroPool.values()].flat();
  await insert(
    'TrainingRecord',
    ['id', 'userId', 'kind', 'completedOn', 'expiresOn', 'note'],
    (function* () {
      for (const userId of allLros) {
        const roll = r.next();
        if (roll < 0.86) {
          const completed = daysAgo(r.int(20, 1400));
          yield [r.id(), userId, 'LRO_COURSE', completed, r.chance(0.5) ? new Date(completed.getTime() + 3 * 365 * DAY) : null, null];
        } else if (roll < 0.9) {
          const completed = daysAgo(r.int(1200, 2000));
          yield [r.id(), userId, 'LRO_COURSE', completed, new Date(completed.getTime() + 3 * 365 * DAY), 'Expired'];
        }
        if (r.chance(0.4)) yield [r.id(), userId, r.pick(['IMMERSIVE_LEARNING', 'SOC_TACTICAL_ADVISER_INPUT', 'OTHER']), daysAgo(r.int(10, 900)), null, null];
      }
    })(),
  );

  // --- Settings ----------------------------------------------------------------------------------
  // National average share of Pursue disruptions; two regions review tier 3 plans more often.
  const settingsRows = [[r.id(), national.id, null, 54, now]];
  for (const region of regions.slice(0, 2)) settingsRows.push([r.id(), region.id, 42, null, now]);
  await insert('ComplianceSettings', ['id', 'organisationId', 'reviewCadenceTier3Days', 'nationalPursuePercent', 'updatedAt'], settingsRows);

  // --- Threats -----------------------------------------------------------------------------------
  /** @type {{ id: string, orgId: string, status: string, tier: number, mappedOn: Date, lro: string | null, live: boolean }[]} */
  const threats = [];
  const ownerPick = owners.map((o) => /** @type {[typeof orgs[number], number]} */ ([o.org, o.weight]));
  const threatRows = [];
  for (let i = 0; i < size.threats; i++) {
    const org = r.weighted(ownerPick);
    const status = r.weighted([
      ['ACTIVE', 70],
      ['MAPPED', 22],
      ['ARCHIVED', 8],
    ]);
    const mappedOn = r.chance(0.03) ? daysAgo(r.int(0, 40)) : daysAgo(r.int(30, 1100));
    const pool = lroPool.get(org.id) ?? [];
    // Skewed: a few officers carry many threats.
    const lro = status !== 'ARCHIVED' && r.chance(0.04) ? null : pool[Math.floor(pool.length * r.next() ** 1.6)];
    const deputy = r.chance(0.5) ? r.pick(pool) : null;
    const tier = r.weighted([
      [1, 5],
      [2, 15],
      [3, 35],
      [4, 30],
      [5, 15],
    ]);
    const id = r.id();
    threats.push({ id, orgId: org.id, status, tier, mappedOn, lro, live: status !== 'ARCHIVED' });
    const archivedAt = status === 'ARCHIVED' ? clampPast(mappedOn.getTime() + r.int(60, 700) * DAY) : null;
    const name = `${r.pick(GROUP_WORDS)} ${r.pick(GROUP_WORDS)} ${r.pick(GROUP_KINDS)}`;
    threatRows.push([
      id,
      `SOC-B${String(i + 1).padStart(6, '0')}`,
      name,
      r.weighted([
        ['OCG', 60],
        ['PRIORITY_INDIVIDUAL', 30],
        ['VULNERABILITY', 10],
      ]),
      tier,
      status,
      archivedAt ? 'Dismantled' : null,
      archivedAt,
      mappedOn,
      org.id,
      lro,
      deputy === lro ? null : deputy,
      null,
      now,
    ]);
  }
  await insert(
    'SocThreat',
    ['id', 'urn', 'name', 'type', 'tier', 'status', 'archivedReason', 'archivedAt', 'mappedOn', 'organisationId', 'leadResponsibleOfficerId', 'deputyId', 'lookOutFor', 'updatedAt'],
    threatRows,
  );
  threatRows.length = 0;
  await insert(
    'ThreatAreaTag',
    ['threatId', 'area'],
    (function* () {
      for (const t of threats) {
        const n = r.int(1, 3);
        const seen = new Set();
        for (let k = 0; k < n; k++) {
          const area = r.pick(AREAS);
          if (!seen.has(area)) {
            seen.add(area);
            yield [t.id, area];
          }
        }
      }
    })(),
  );
  await insert(
    'ThreatShare',
    ['threatId', 'organisationId'],
    (function* () {
      for (const t of threats) if (r.chance(0.1)) yield [t.id, r.pick(partners).id];
    })(),
  );
  await insert(
    'LroAssignment',
    ['id', 'threatId', 'userId', 'role', 'startedAt', 'endedAt', 'handoverNote'],
    (function* () {
      for (const t of threats) {
        if (!t.lro) continue;
        let start = new Date(t.mappedOn.getTime() + r.int(0, 10) * DAY);
        if (r.chance(0.2)) {
          const handover = clampPast(start.getTime() + r.int(30, 300) * DAY);
          yield [r.id(), t.id, r.pick(lroPool.get(t.orgId) ?? [t.lro]), 'LRO', start, handover, 'Handed over on promotion.'];
          start = handover;
        }
        yield [r.id(), t.id, t.lro, 'LRO', clampPast(start.getTime()), null, null];
      }
    })(),
  );

  // --- MoRiLE --------------------------------------------------------------------------------------
  await insert(
    'MorileAssessment',
    ['id', 'threatId', 'assessedOn', 'harm', 'likelihood', 'riskScore', 'confidence', 'priority', 'tier', 'assessedById', 'moderatedAt', 'moderatedById', 'nextReassessmentDue'],
    (function* () {
      /** @type {unknown[][]} */
      const rowsBuffer = [];
      for (const t of threats) {
        const n = t.live ? r.weighted([[0, 8], [1, 30], [2, 35], [3, 27]]) : r.int(0, 2);
        // Latest within six months for most; older for some (MORILE_OVERDUE).
        let latest = r.chance(0.8) ? r.int(5, 170) : r.int(190, 500);
        const dates = [];
        for (let k = 0; k < n; k++) {
          dates.push(latest);
          latest += r.int(120, 200);
        }
        dates.forEach((ago, k) => {
          const assessedOn = daysAgo(ago);
          if (assessedOn < t.mappedOn) return;
          const harm = r.int(1, 10);
          const likelihood = r.int(1, 10);
          const moderated = k > 0 || r.chance(0.8) || ago < 10;
          rowsBuffer.push([
            r.id(),
            t.id,
            assessedOn,
            harm,
            likelihood,
            harm * likelihood,
            r.pick(['LOW', 'MEDIUM', 'HIGH']),
            harm * likelihood > 60 ? 'HIGH' : harm * likelihood > 25 ? 'MEDIUM' : 'LOW',
            t.tier,
            t.lro,
            moderated ? clampPast(assessedOn.getTime() + r.int(1, 12) * DAY) : null,
            moderated ? r.pick(managers.get(t.orgId) ?? [null]) : null,
            new Date(assessedOn.getTime() + 182 * DAY),
          ]);
        });
        yield* rowsBuffer.splice(0);
      }
    })(),
  );

  // --- Plans, objectives, reviews, engagements -----------------------------------------------------
  /** @type {{ id: string, threat: typeof threats[number], status: string, createdAt: Date, openOnly: boolean }[]} */
  const plans = [];
  const planRows = [];
  const reviewRows = [];
  const engagementRows = [];
  for (const t of threats) {
    if (t.live && r.chance(0.07)) continue; // no plan (THREAT_NO_PLAN once past 28 days)
    const status = !t.live ? 'CLOSED' : r.chance(0.1) ? 'DRAFT' : 'ACTIVE';
    const createdAt = clampPast(t.mappedOn.getTime() + r.int(1, 20) * DAY);
    const id = r.id();
    const managerPool = managers.get(t.orgId) ?? [];
    let activatedAt = null;
    let nextReviewDue = null;
    let materiallyChangedAt = null;
    let closedAt = null;
    if (status !== 'DRAFT') {
      activatedAt = clampPast(createdAt.getTime() + r.int(3, 30) * DAY);
      const cadence = t.tier <= 2 ? 28 : 56;
      const sinceActivation = (nowMs - activatedAt.getTime()) / DAY;
      const never = r.chance(0.06) || sinceActivation < cadence;
      if (status === 'CLOSED') closedAt = clampPast(activatedAt.getTime() + r.int(30, 600) * DAY);
      if (never) {
        nextReviewDue = new Date(activatedAt.getTime() + cadence * DAY);
        materiallyChangedAt = r.chance(0.5) ? clampPast(activatedAt.getTime() + r.int(1, 40) * DAY) : null;
      } else {
        // The last review: within cadence for three in four, overdue for the rest.
        const lastAgo = r.chance(0.75) ? r.int(0, cadence - 2) : r.int(cadence + 1, cadence * 3);
        let reviewed = Math.max(activatedAt.getTime() + DAY, nowMs - lastAgo * DAY - r.int(0, DAY - 1));
        const n = Math.min(6, 1 + Math.floor((reviewed - activatedAt.getTime()) / (cadence * DAY)));
        const last = new Date(reviewed);
        nextReviewDue = new Date(reviewed + cadence * DAY);
        for (let k = 0; k < n; k++) {
          const at = new Date(reviewed);
          reviewRows.push([
            r.id(),
            id,
            r.pick(managerPool),
            at,
            r.weighted([
              ['SATISFACTORY', 80],
              ['CHANGES_REQUIRED', 17],
              ['ESCALATED', 3],
            ]),
            'Reviewed with the LRO; actions current.',
            new Date(reviewed + cadence * DAY),
            n - k,
            '{"objectives":[],"actions":[]}',
          ]);
          reviewed -= cadence * DAY;
          if (reviewed <= activatedAt.getTime()) break;
        }
        // Changed since the last review for about one plan in four.
        materiallyChangedAt = r.chance(0.25) ? clampPast(last.getTime() + r.int(1, 20) * DAY) : new Date(last.getTime() - r.int(1, 30) * DAY);
      }
      if (status === 'ACTIVE') {
        const n = r.weighted([
          [0, 10],
          [1, 40],
          [2, 35],
          [3, 15],
        ]);
        for (let k = 0; k < n; k++) {
          // Most within 90 days; some older only (PLAN_NO_PARTNER).
          const engagedOn = r.chance(0.75) ? daysAgo(r.int(0, 85)) : daysAgo(r.int(95, 400));
          engagementRows.push([r.id(), id, r.pick(partners).id, engagedOn, r.pick(['CONSULTED', 'TASKED', 'MEETING']), 'Agreed joint activity.', t.lro]);
        }
      }
    }
    plans.push({ id, threat: t, status, createdAt, openOnly: status === 'CLOSED' && r.chance(0.2) });
    planRows.push([
      id,
      t.id,
      status === 'CLOSED' ? null : t.id,
      status,
      r.int(1, 12),
      r.chance(0.3) ? 'Financial picture incomplete.' : null,
      t.lro,
      t.orgId,
      nextReviewDue,
      activatedAt,
      materiallyChangedAt,
      closedAt,
      closedAt ? 'Group dismantled' : null,
      createdAt,
      now,
    ]);
  }
  await insert(
    'FourPPlan',
    ['id', 'threatId', 'liveThreatId', 'status', 'version', 'intelligenceGaps', 'planOwnerUserId', 'planOwnerOrganisationId', 'nextReviewDue', 'activatedAt', 'materiallyChangedAt', 'closedAt', 'closureOutcome', 'createdAt', 'updatedAt'],
    planRows,
  );
  planRows.length = 0;
  await insert('PlanReview', ['id', 'planId', 'reviewerId', 'reviewedAt', 'outcome', 'comments', 'nextReviewDue', 'planVersion', 'snapshot'], reviewRows);
  reviewRows.length = 0;
  await insert('PartnerEngagement', ['id', 'planId', 'partnerOrganisationId', 'engagedOn', 'kind', 'summary', 'recordedById'], engagementRows);
  engagementRows.length = 0;

  // --- Objectives and actions -----------------------------------------------------------------
  const objectiveRows = [];
  const actionRows = [];
  /** Per action, what its update log needs: id, created, last update, count, author. */
  /** @type {{ id: string, created: number, last: number, n: number, author: string, status: string }[]} */
  const actionMeta = [];
  const partnerList = partners.map((p) => p.id);
  for (const plan of plans) {
    const t = plan.threat;
    const profile = r.weighted([
      ['mixed', 78],
      ['pursueOnly', 12],
      ['noPrepare', 10],
    ]);
    const mix =
      profile === 'pursueOnly'
        ? [['PURSUE', 1]]
        : profile === 'noPrepare'
          ? [
              ['PURSUE', 60],
              ['PREVENT', 20],
              ['PROTECT', 20],
            ]
          : [
              ['PURSUE', 50],
              ['PREVENT', 17],
              ['PROTECT', 17],
              ['PREPARE', 16],
            ];
    /** @type {Map<string, string>} */
    const objectives = new Map();
    for (const [strand] of mix) {
      const id = r.id();
      objectives.set(String(strand), id);
      objectiveRows.push([id, plan.id, strand, `${String(strand).toLowerCase()} objective`, 'Measured at review', objectives.size, now]);
    }
    const n = plan.status === 'CLOSED' ? (plan.openOnly ? r.int(1, 3) : r.int(4, 20)) : r.int(Math.max(1, size.actionsPerPlan - 14), size.actionsPerPlan + 14);
    const pool = lroPool.get(t.orgId) ?? [];
    for (let k = 0; k < n; k++) {
      const strand = /** @type {string} */ (r.weighted(/** @type {[string, number][]} */ (mix)));
      const status =
        plan.status === 'CLOSED'
          ? plan.openOnly
            ? 'IN_PROGRESS'
            : r.chance(0.8)
              ? 'COMPLETE'
              : 'CANCELLED'
          : r.weighted([
              ['COMPLETE', 40],
              ['CANCELLED', 5],
              ['NOT_STARTED', 12],
              ['IN_PROGRESS', 38],
              ['BLOCKED', 5],
            ]);
      const created = Math.min(nowMs - DAY, plan.createdAt.getTime() + r.int(0, Math.max(1, Math.floor((nowMs - plan.createdAt.getTime()) / DAY) - 1)) * DAY);
      // Updated recently (most), or not for over 30 days (ACTION_STALE when open).
      const last = r.chance(0.72) ? Math.max(created, nowMs - r.int(0, 25) * DAY - r.int(0, DAY - 1)) : Math.max(created, nowMs - r.int(31, 300) * DAY);
      const owner = r.weighted([
        ['lro', 75],
        ['colleague', 10],
        ['partner', 10],
        ['partnerUser', 3],
        ['none', 2],
      ]);
      let ownerUserId = null;
      let ownerOrganisationId = null;
      let ownerContactName = null;
      if (owner === 'lro') ownerUserId = t.lro ?? r.pick(pool);
      else if (owner === 'colleague') ownerUserId = r.pick(pool);
      else if (owner === 'partner') {
        ownerOrganisationId = r.pick(partnerList);
        ownerContactName = `${r.pick(FIRST)} ${r.pick(LAST)}`;
      } else if (owner === 'partnerUser') {
        ownerOrganisationId = r.pick(partnerList);
        ownerUserId = r.pick(partnerUsers.get(ownerOrganisationId) ?? []);
      }
      const dueOn = r.chance(0.03) ? null : new Date(created + r.int(14, 240) * DAY);
      const id = r.id();
      const updates = r.int(0, size.updatesPerAction * 2);
      actionMeta.push({ id, created, last, n: updates, author: ownerUserId ?? t.lro ?? r.pick(pool), status });
      actionRows.push([
        id,
        plan.id,
        objectives.get(strand) ?? null,
        strand,
        `${strand.toLowerCase()} action ${k + 1}`,
        ownerUserId,
        ownerOrganisationId,
        ownerContactName,
        dueOn,
        status,
        1 + updates,
        new Date(last),
        status === 'COMPLETE' ? new Date(last) : null,
        new Date(created),
        now,
      ]);
    }
  }
  await insert('Objective', ['id', 'planId', 'strand', 'title', 'successMeasure', 'position', 'updatedAt'], objectiveRows);
  objectiveRows.length = 0;
  await insert(
    'Action',
    ['id', 'planId', 'objectiveId', 'strand', 'description', 'ownerUserId', 'ownerOrganisationId', 'ownerContactName', 'dueOn', 'status', 'version', 'lastUpdatedAt', 'completedAt', 'createdAt', 'updatedAt'],
    actionRows,
  );
  actionRows.length = 0;
  await insert(
    'ActionUpdate',
    ['id', 'actionId', 'authorId', 'note', 'statusFrom', 'statusTo', 'createdAt'],
    (function* () {
      for (const a of actionMeta) {
        for (let k = 0; k < a.n; k++) {
          // The last update is at `last`; earlier ones spread between creation and it.
          const at = k === a.n - 1 ? a.last : a.created + Math.floor(r.next() * (a.last - a.created));
          const final = k === a.n - 1 && !OPEN.has(a.status);
          yield [r.id(), a.id, a.author, final ? 'Closed.' : 'Progress noted at the tasking meeting.', final ? 'IN_PROGRESS' : null, final ? a.status : null, new Date(at)];
        }
      }
    })(),
  );
  actionMeta.length = 0;

  // --- Disruptions and unmet demand -----------------------------------------------------------
  // Each organisation leans more or less to Pursue, so Figure 1 differs between forces.
  const pursueLean = new Map(owners.map((o) => [o.org.id, 35 + r.int(0, 50)]));
  const rocuOf = new Map(owners.filter((o) => o.org.kind === 'ROCU').map((o) => [o.org.parentId, o.org.id]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  await insert(
    'Disruption',
    ['id', 'reference', 'threatId', 'disruptedOn', 'strand', 'category', 'role', 'leadAgencyId', 'description', 'apmisReference', 'apmisRecordedAt', 'recordedById', 'updatedAt'],
    (function* () {
      for (let i = 0; i < size.disruptions; i++) {
        const t = r.pick(threats);
        const lean = pursueLean.get(t.orgId) ?? 54;
        const strand = r.chance(lean / 100) ? 'PURSUE' : r.pick(['PREVENT', 'PROTECT', 'PREPARE']);
        const disruptedOn = daysAgo(Math.min(r.int(0, 730), Math.floor((nowMs - t.mappedOn.getTime()) / DAY)));
        const role = r.chance(0.75) ? 'LEAD' : 'SUPPORTING';
        const org = orgById.get(t.orgId);
        const region = org ? orgs.find((o) => o.kind === 'REGION' && org.path.startsWith(o.path)) : null;
        const leadAgencyId = role === 'LEAD' ? t.orgId : r.chance(0.5) ? ((region && rocuOf.get(region.id)) ?? r.pick(partnerList)) : r.pick(partnerList);
        const age = (nowMs - disruptedOn.getTime()) / DAY;
        const onApmis = age > 7 ? r.chance(0.93) : r.chance(0.5);
        yield [
          r.id(),
          `BENCH-D${String(i + 1).padStart(7, '0')}`,
          t.id,
          disruptedOn,
          strand,
          r.weighted([
            ['MAJOR', 10],
            ['MODERATE', 30],
            ['MINOR', 40],
            ['NONE', 15],
            ['NEGATIVE', 5],
          ]),
          role,
          leadAgencyId,
          'Warrant executed; seizure recorded.',
          onApmis ? `APM-${String(r.int(1, 9_999_999)).padStart(7, '0')}` : null,
          onApmis ? clampPast(disruptedOn.getTime() + r.int(0, 6) * DAY) : null,
          t.lro,
          now,
        ];
      }
    })(),
  );
  await insert(
    'UnmetDemand',
    ['id', 'threatId', 'shortfall', 'capabilityNeeded', 'description', 'raisedOn', 'escalatedTo', 'escalatedOn', 'resolvedOn', 'apmisRecorded', 'recordedById'],
    (function* () {
      for (let i = 0; i < size.unmetDemand; i++) {
        const t = r.pick(threats);
        const raisedOn = daysAgo(r.int(0, 500));
        const escalated = r.chance(0.5);
        const resolved = r.chance(0.4);
        yield [
          r.id(),
          t.id,
          r.chance(0.6) ? 'CAPACITY' : 'CAPABILITY',
          r.weighted(CAPABILITIES.map((c, k) => /** @type {[string, number]} */ ([c, 9 - k]))),
          'Tasking declined: no capacity this quarter.',
          raisedOn,
          escalated ? 'Regional tasking and co-ordination group' : null,
          escalated ? clampPast(raisedOn.getTime() + r.int(1, 20) * DAY) : null,
          resolved ? clampPast(raisedOn.getTime() + r.int(10, 120) * DAY) : null,
          r.chance(0.6),
          t.lro,
        ];
      }
    })(),
  );

  // --- Ancillary orders ---------------------------------------------------------------------------
  const orderMeta = [];
  await insert(
    'AncillaryOrder',
    ['id', 'kind', 'subjectName', 'threatId', 'organisationId', 'madeOn', 'startsOn', 'expiresOn', 'managingTeam', 'managingOfficerId', 'lastComplianceCheckOn', 'breachCount', 'updatedAt'],
    (function* () {
      for (let i = 0; i < size.orders; i++) {
        const t = r.pick(threats);
        const madeOn = daysAgo(r.int(30, 1500));
        const expiresOn = r.chance(0.1) ? null : new Date(madeOn.getTime() + r.int(1, 5) * 365 * DAY);
        const lastCheck = r.chance(0.75) ? daysAgo(r.int(0, 85)) : r.chance(0.5) ? daysAgo(r.int(95, 400)) : null;
        const id = r.id();
        orderMeta.push({ id, lastCheck, madeOn });
        yield [
          id,
          r.weighted([
            ['SCPO', 50],
            ['STRO', 15],
            ['SLAVERY_TRAFFICKING_PREVENTION_ORDER', 10],
            ['CLOSURE_ORDER', 10],
            ['GANG_INJUNCTION', 10],
            ['OTHER', 5],
          ]),
          `${r.pick(FIRST)} ${r.pick(LAST)}`,
          r.chance(0.85) ? t.id : null,
          t.orgId,
          madeOn,
          madeOn,
          expiresOn,
          'Offender management',
          t.lro,
          lastCheck && lastCheck < madeOn ? madeOn : lastCheck,
          r.chance(0.1) ? r.int(1, 3) : 0,
          now,
        ];
      }
    })(),
  );
  await insert(
    'OrderComplianceCheck',
    ['id', 'orderId', 'checkedOn', 'result', 'note'],
    (function* () {
      for (const o of orderMeta) {
        if (!o.lastCheck) continue;
        const n = r.int(1, 4);
        for (let k = 0; k < n; k++) {
          const checkedOn = k === 0 ? o.lastCheck : new Date(Math.max(o.madeOn.getTime(), o.lastCheck.getTime() - k * r.int(30, 90) * DAY));
          yield [r.id(), o.id, checkedOn, r.weighted([['COMPLIANT', 85], ['BREACH', 8], ['UNABLE_TO_CHECK', 7]]), null];
        }
      }
    })(),
  );

  // --- Daily snapshots (the dashboard's trend) -----------------------------------------------------
  const liveByOrg = new Map();
  for (const t of threats) if (t.live) liveByOrg.set(t.orgId, (liveByOrg.get(t.orgId) ?? 0) + 1);
  await insert(
    'ComplianceSnapshot',
    ['id', 'organisationId', 'day', 'liveThreats', 'activePlans', 'plansReviewedInCadence', 'flagAlerts', 'flagWarnings', 'openActions', 'openPursue', 'openPrevent', 'openProtect', 'openPrepare', 'leadDisruptions', 'pursueDisruptions', 'openUnmetDemand'],
    (function* () {
      for (const [orgId, live] of liveByOrg) {
        for (let d = size.snapshotDays; d >= 1; d--) {
          const day = new Date(nowMs - d * DAY).toISOString().slice(0, 10);
          const plansActive = Math.round(live * 0.83);
          const open = plansActive * 11;
          const pursue = Math.round(open * 0.55);
          const lead = Math.round(live * 2.2);
          yield [r.id(), orgId, day, live, plansActive, Math.round(plansActive * (0.6 + r.next() * 0.2)), r.int(0, live), r.int(live, live * 5), open, pursue, Math.round(open * 0.16), Math.round(open * 0.16), open - pursue - 2 * Math.round(open * 0.16), lead, Math.round(lead * 0.55), r.int(0, 20)];
        }
      }
    })(),
  );

  log(`  generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const firstRegion = regions[0];
  return {
    counts,
    users: { regional: 'regional.coordinator1@bench.quadrant.test', national: nationalCoordinator, force: firstForceCoordinator },
    regionName: firstRegion.name,
    password: BENCH_PASSWORD,
  };
}
