import 'server-only';
import { empty, join, prisma, raw, sql, sqlDialect, type Sql } from './client';
import { pathPrefixSql } from './scope';
import { pathIds } from './settings';
import { complianceCutoffs, TIERS, type ComplianceCutoffs } from '@/lib/domain/compliance/cutoffs';
import { FLAG_CODES, isFlagCode, type FlagCode, type FlagSeverity, type FlagSubject, type FlagSubjectKind } from '@/lib/domain/compliance/flags';
import { resolveThresholds, SETTING_KEYS, type ThresholdOverrides } from '@/lib/domain/settings';

// The compliance rules of lib/domain/compliance/rules.ts as SQL, for lists and counts at scale.
// The pure rules judge single records; this judges many at once; the two must agree exactly
// (lib/db/compliance-agreement.integration.test.ts generates random data to hold them to it).
//
// How it stays portable and exact:
// - Thresholds are resolved in TypeScript (own, else inherited) for the organisations involved
//   and turned into cutoff instants by lib/domain/compliance/cutoffs.ts; they reach SQL as a CTE
//   of VALUES, one row per organisation (`org_rules`). SQL only compares stored dates with those
//   instants: no time zones, no date arithmetic.
// - Dates are bound as Date parameters. The SQLite adapter turns them into the ISO text it stores
//   (`2026-03-29T01:00:00.000+00:00`, timestampFormat 'iso8601'), so text comparison is time
//   order; PostgreSQL receives 'yyyy-mm-dd hh:mm:ss.mmm' (UTC) and needs a CAST where the type
//   cannot be inferred (inside VALUES), so every bound value is cast there.
// - Enum values are SQL literals, never parameters (PostgreSQL has no enum = text operator).
// - One SELECT per rule, UNION ALL, each yielding
//   (code, severity, subject_kind, subject_id, threat_id, organisation_id).

/** Which records' flags a query reads. */
export type FlagUniverse =
  /** Threats, officers and orders whose organisation is this one or below. */
  | { organisationPath: string }
  /** Only these threats' flags (including orders on them); no officer flags. */
  | { threatIds: readonly string[] }
  /** A SELECT of one column, threat ids (e.g. lib/db/scope.ts threatScopeSql); no officer flags. */
  | { threatSql: Sql };

export type FlagRow = { code: FlagCode; severity: FlagSeverity; subject: FlagSubject; threatId: string | null; organisationId: string };

// --- Dialect -------------------------------------------------------------------------------------

/** Characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
const JS_WHITESPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

function dialect() {
  const pg = sqlDialect() === 'postgres';
  return {
    /** An instant, as the column type. */
    ts: (date: Date): Sql => (pg ? sql`CAST(${date} AS timestamp(3))` : sql`${date}`),
    int: (n: number): Sql => (pg ? sql`CAST(${n} AS integer)` : sql`${n}`),
    text: (s: string): Sql => (pg ? sql`CAST(${s} AS text)` : sql`${s}`),
    /** `text` with JavaScript's whitespace trimmed from both ends. */
    trim: (expr: Sql): Sql => (pg ? sql`btrim(${expr}, CAST(${JS_WHITESPACE} AS text))` : sql`trim(${expr}, ${JS_WHITESPACE})`),
    /** LIMIT/OFFSET of whole numbers. */
    page: (take: number | undefined, skip: number | undefined): Sql => {
      if (take === undefined && !skip) return empty;
      const limit = take === undefined ? (pg ? 'ALL' : '-1') : String(take);
      return raw(` LIMIT ${limit}${skip ? ` OFFSET ${skip}` : ''}`);
    },
  };
}
type Dialect = ReturnType<typeof dialect>;

const list = (values: readonly string[]) => raw(values.map((v) => `'${v}'`).join(', '));
const LIVE = list(['MAPPED', 'ACTIVE']);
const OPEN = list(['NOT_STARTED', 'IN_PROGRESS', 'BLOCKED']);

// --- Scope ---------------------------------------------------------------------------------------

/**
 * What a universe means for each kind of record. Threats and orders join `org_rules`, so they are
 * limited to the organisations loaded; `threats` and `orders` narrow them further.
 */
type Scope = {
  /** Organisations whose records count, as a condition on "Organisation" o. */
  organisations: Sql;
  /** A SELECT of threat ids, or null: every threat of those organisations. */
  threats: Sql | null;
  /** Officers' own flags (LRO_UNTRAINED, LRO_OVERLOADED): only for an organisation universe. */
  officers: boolean;
};

function scopeOf(universe: FlagUniverse, onlyThreatIds?: readonly string[]): Scope | null {
  let scope: Scope;
  if ('organisationPath' in universe) {
    scope = { organisations: pathPrefixSql(sql`o."path"`, universe.organisationPath), threats: null, officers: true };
  } else if ('threatIds' in universe) {
    if (universe.threatIds.length === 0) return null;
    scope = { organisations: sql`1 = 1`, threats: sql`SELECT "id" FROM "SocThreat" WHERE "id" IN (${join([...universe.threatIds])})`, officers: false };
  } else {
    scope = { organisations: sql`1 = 1`, threats: universe.threatSql, officers: false };
  }
  if (onlyThreatIds) {
    if (onlyThreatIds.length === 0) return null;
    const ids = sql`SELECT "id" FROM "SocThreat" WHERE "id" IN (${join([...onlyThreatIds])})`;
    scope = {
      organisations: scope.organisations,
      threats: scope.threats ? sql`SELECT "id" FROM "SocThreat" WHERE "id" IN (${ids}) AND "id" IN (${scope.threats})` : ids,
      officers: false,
    };
  }
  if (scope.threats) {
    // Only the organisations of those threats and of the orders on them.
    scope.organisations = sql`(${scope.organisations}) AND (o."id" IN (SELECT "organisationId" FROM "SocThreat" WHERE "id" IN (${scope.threats}))
      OR o."id" IN (SELECT "organisationId" FROM "AncillaryOrder" WHERE "threatId" IN (${scope.threats})))`;
  }
  return scope;
}

/** The organisations a scope covers, each with the cutoffs of its own (or inherited) thresholds at `now`. */
async function organisationCutoffs(scope: Scope, now: Date): Promise<{ id: string; cutoffs: ComplianceCutoffs }[]> {
  const organisations = await prisma.$queryRaw<{ id: string; path: string }[]>(sql`SELECT o."id", o."path" FROM "Organisation" o WHERE ${scope.organisations}`);
  if (organisations.length === 0) return [];
  const chainIds = [...new Set(organisations.flatMap((o) => pathIds(o.path)))];
  const settings = await prisma.complianceSettings.findMany({
    where: { organisationId: { in: chainIds } },
    select: Object.fromEntries([...SETTING_KEYS.map((k) => [k, true]), ['organisationId', true]]) as Record<(typeof SETTING_KEYS)[number] | 'organisationId', true>,
  });
  const byOrganisation = new Map<string, ThresholdOverrides>(settings.map((row) => [row.organisationId, row]));
  // Most organisations share their thresholds: work out each distinct set's cut-offs once.
  const cutoffsOf = new Map<string, ComplianceCutoffs>();
  return organisations.map((o) => {
    const thresholds = resolveThresholds(pathIds(o.path).map((id) => byOrganisation.get(id)));
    const key = JSON.stringify(thresholds);
    let cutoffs = cutoffsOf.get(key);
    if (!cutoffs) cutoffsOf.set(key, (cutoffs = complianceCutoffs(thresholds, now)));
    return { id: o.id, cutoffs };
  });
}

// --- The rules -----------------------------------------------------------------------------------

const RULE_COLUMNS = [
  'organisation_id',
  'no_lro_before',
  'no_plan_before',
  'stale_before',
  'partner_before',
  'apmis_before',
  'unmet_before',
  'morile_overdue_before',
  'unmoderated_before',
  'order_check_before',
  'order_expiry_before',
  'pursue_percent',
  'caseload_warning',
  'caseload_alert',
  ...TIERS.flatMap((tier) => [`tier${tier}_one_cadence`, `tier${tier}_two_cadences`]),
];

function orgRulesValues(d: Dialect, organisations: { id: string; cutoffs: ComplianceCutoffs }[]): Sql {
  return join(
    organisations.map(({ id, cutoffs: c }) => {
      const values = [
        d.text(id),
        d.ts(c.noLroBefore),
        d.ts(c.noPlanBefore),
        d.ts(c.actionStaleBefore),
        d.ts(c.partnerBefore),
        d.ts(c.apmisBefore),
        d.ts(c.unmetDemandBefore),
        d.ts(c.morileOverdueBefore),
        d.ts(c.morileUnmoderatedBefore),
        d.ts(c.orderCheckBefore),
        d.ts(c.orderExpiryBefore),
        d.int(c.pursueOnlyPercent),
        d.int(c.lroCaseloadWarning),
        d.int(c.lroCaseloadAlert),
        ...c.tiers.flatMap((tier) => [d.ts(tier.oneCadenceBefore), d.ts(tier.twoCadencesBefore)]),
      ];
      return sql`(${join(values)})`;
    }),
  );
}

/** The org_rules column of a threat's tier (tiers below 1 read tier 1, above 5 tier 5, as reviewCadenceDays does). */
function byTier(tier: string, column: 'one_cadence' | 'two_cadences'): Sql {
  return raw(
    `CASE WHEN ${tier} <= 1 THEN r.tier1_${column} WHEN ${tier} = 2 THEN r.tier2_${column} WHEN ${tier} = 3 THEN r.tier3_${column} WHEN ${tier} = 4 THEN r.tier4_${column} ELSE r.tier5_${column} END`,
  );
}

/**
 * The select list every rule yields. `subject`, `threat` and `organisation` are column
 * expressions; `severity` a literal severity or a CASE.
 */
function columns(code: FlagCode, severity: FlagSeverity | Sql, kind: FlagSubjectKind, subject: string, threat: string, organisation: string): Sql {
  const sev = typeof severity === 'string' ? raw(`'${severity}'`) : severity;
  return sql`SELECT ${raw(`'${code}'`)} AS code, ${sev} AS severity, ${raw(`'${kind}'`)} AS subject_kind, ${raw(subject)} AS subject_id, ${raw(threat)} AS threat_id, ${raw(organisation)} AS organisation_id`;
}

/** The officers' own flags (the rules marked `officers`). */
const OFFICER_FLAG_CODES: readonly FlagCode[] = ['LRO_UNTRAINED', 'LRO_OVERLOADED'];

/** One rule's SELECT; `officers` marks the officers' own flags, which only an organisation universe has. */
type Rule = { code: FlagCode; officers?: boolean; select: Sql };

function rules(d: Dialect, todayStart: Date, now: Date): Rule[] {
  const today = d.ts(todayStart);
  const at = d.ts(now);
  const tierOne = byTier('ap."tier"', 'one_cadence');
  const tierTwo = byTier('ap."tier"', 'two_cadences');
  return [
    {
      code: 'THREAT_NO_LRO',
      select: sql`${columns('THREAT_NO_LRO', 'alert', 'THREAT', 't."id"', 't."id"', 't."organisationId"')}
        FROM live_threats t JOIN org_rules r ON r.organisation_id = t."organisationId"
        WHERE t."leadResponsibleOfficerId" IS NULL AND t."mappedOn" < r.no_lro_before`,
    },
    {
      code: 'THREAT_NO_PLAN',
      select: sql`${columns('THREAT_NO_PLAN', 'alert', 'THREAT', 't."id"', 't."id"', 't."organisationId"')}
        FROM live_threats t JOIN org_rules r ON r.organisation_id = t."organisationId"
        WHERE t."mappedOn" < r.no_plan_before AND NOT EXISTS (SELECT 1 FROM "FourPPlan" p WHERE p."threatId" = t."id" AND p."status" = 'ACTIVE')`,
    },
    {
      // Never reviewed: the first review falls due one cadence after activation.
      code: 'PLAN_NEVER_REVIEWED',
      select: sql`${columns('PLAN_NEVER_REVIEWED', sql`CASE WHEN ap."activatedAt" < ${tierTwo} THEN 'alert' ELSE 'warning' END`, 'PLAN', 'ap."id"', 'ap."threatId"', 'ap."organisationId"')}
        FROM active_plans ap JOIN org_rules r ON r.organisation_id = ap."organisationId"
        WHERE ap."activatedAt" IS NOT NULL AND ap."activatedAt" < ${tierOne}
          AND NOT EXISTS (SELECT 1 FROM "PlanReview" pr WHERE pr."planId" = ap."id")`,
    },
    {
      code: 'PLAN_REVIEW_OVERDUE',
      select: sql`${columns('PLAN_REVIEW_OVERDUE', sql`CASE WHEN ap."nextReviewDue" < ${tierOne} THEN 'alert' ELSE 'warning' END`, 'PLAN', 'ap."id"', 'ap."threatId"', 'ap."organisationId"')}
        FROM active_plans ap JOIN org_rules r ON r.organisation_id = ap."organisationId"
        WHERE ap."nextReviewDue" IS NOT NULL AND ap."nextReviewDue" < ${today}
          AND EXISTS (SELECT 1 FROM "PlanReview" pr WHERE pr."planId" = ap."id")`,
    },
    {
      code: 'PLAN_CHANGED_SINCE_REVIEW',
      select: sql`${columns('PLAN_CHANGED_SINCE_REVIEW', 'warning', 'PLAN', 'ap."id"', 'ap."threatId"', 'ap."organisationId"')}
        FROM active_plans ap
        WHERE ap."materiallyChangedAt" IS NOT NULL
          AND EXISTS (SELECT 1 FROM "PlanReview" pr WHERE pr."planId" = ap."id")
          AND NOT EXISTS (SELECT 1 FROM "PlanReview" pr WHERE pr."planId" = ap."id" AND pr."reviewedAt" >= ap."materiallyChangedAt")`,
    },
    {
      code: 'ACTION_OVERDUE',
      select: sql`${columns('ACTION_OVERDUE', 'warning', 'ACTION', 'oa."id"', 'oa."threatId"', 'oa."organisationId"')}
        FROM open_actions oa WHERE oa."dueOn" IS NOT NULL AND oa."dueOn" < ${today}`,
    },
    {
      code: 'ACTION_STALE',
      select: sql`${columns('ACTION_STALE', 'warning', 'ACTION', 'oa."id"', 'oa."threatId"', 'oa."organisationId"')}
        FROM open_actions oa JOIN org_rules r ON r.organisation_id = oa."organisationId"
        WHERE oa."lastUpdatedAt" < r.stale_before`,
    },
    {
      code: 'ACTION_NO_OWNER',
      select: sql`${columns('ACTION_NO_OWNER', 'warning', 'ACTION', 'oa."id"', 'oa."threatId"', 'oa."organisationId"')}
        FROM open_actions oa WHERE oa."ownerUserId" IS NULL AND oa."ownerOrganisationId" IS NULL`,
    },
    {
      code: 'ACTION_NO_DUE_DATE',
      select: sql`${columns('ACTION_NO_DUE_DATE', 'warning', 'ACTION', 'oa."id"', 'oa."threatId"', 'oa."organisationId"')}
        FROM open_actions oa WHERE oa."dueOn" IS NULL`,
    },
    {
      // plan-balance.ts in whole numbers: Pursue over the limit is pursue * 100 > percent * total.
      code: 'PLAN_PURSUE_ONLY',
      select: sql`${columns('PLAN_PURSUE_ONLY', sql`CASE WHEN b.prevent_protect = 0 OR b.pursue * 100 > r.pursue_percent * b.total THEN 'alert' ELSE 'warning' END`, 'PLAN', 'b.plan_id', 'b.threat_id', 'b.organisation_id')}
        FROM (
          SELECT oa."planId" AS plan_id, oa."threatId" AS threat_id, oa."organisationId" AS organisation_id, COUNT(*) AS total,
            SUM(CASE WHEN oa."strand" = 'PURSUE' THEN 1 ELSE 0 END) AS pursue,
            SUM(CASE WHEN oa."strand" IN ('PREVENT', 'PROTECT') THEN 1 ELSE 0 END) AS prevent_protect,
            SUM(CASE WHEN oa."strand" = 'PREPARE' THEN 1 ELSE 0 END) AS prepare
          FROM open_actions oa GROUP BY oa."planId", oa."threatId", oa."organisationId"
        ) b JOIN org_rules r ON r.organisation_id = b.organisation_id
        WHERE b.prevent_protect = 0 OR b.pursue * 100 > r.pursue_percent * b.total OR b.prepare = 0`,
    },
    {
      code: 'PLAN_NO_PARTNER',
      select: sql`${columns('PLAN_NO_PARTNER', 'warning', 'PLAN', 'ap."id"', 'ap."threatId"', 'ap."organisationId"')}
        FROM active_plans ap JOIN org_rules r ON r.organisation_id = ap."organisationId"
        WHERE NOT EXISTS (SELECT 1 FROM "PartnerEngagement" e WHERE e."planId" = ap."id" AND e."engagedOn" >= r.partner_before)`,
    },
    {
      code: 'DISRUPTION_NOT_ON_APMIS',
      select: sql`${columns('DISRUPTION_NOT_ON_APMIS', 'warning', 'DISRUPTION', 'ds."id"', 't."id"', 't."organisationId"')}
        FROM "Disruption" ds JOIN scoped_threats t ON t."id" = ds."threatId" JOIN org_rules r ON r.organisation_id = t."organisationId"
        WHERE (ds."apmisReference" IS NULL OR ${d.trim(sql`ds."apmisReference"`)} = '') AND ds."disruptedOn" < r.apmis_before`,
    },
    {
      // Recent means on or after the cutoff (a future date is recent too).
      code: 'POSSIBLE_UNMET_DEMAND',
      select: sql`${columns('POSSIBLE_UNMET_DEMAND', 'warning', 'THREAT', 't."id"', 't."id"', 't."organisationId"')}
        FROM live_threats t JOIN org_rules r ON r.organisation_id = t."organisationId"
        WHERE t."mappedOn" < r.unmet_before
          AND NOT EXISTS (SELECT 1 FROM "Disruption" ds WHERE ds."threatId" = t."id" AND ds."disruptedOn" >= r.unmet_before)
          AND NOT EXISTS (SELECT 1 FROM "FourPPlan" p WHERE p."threatId" = t."id"
            AND EXISTS (SELECT 1 FROM "Action" a WHERE a."planId" = p."id" AND a."status" = 'COMPLETE' AND a."completedAt" >= r.unmet_before))
          AND NOT EXISTS (SELECT 1 FROM "UnmetDemand" u WHERE u."threatId" = t."id" AND (u."resolvedOn" IS NULL OR u."raisedOn" >= r.unmet_before))`,
    },
    {
      code: 'LRO_UNTRAINED',
      officers: true,
      select: sql`${columns('LRO_UNTRAINED', 'alert', 'OFFICER', 'ol.officer_id', 'CAST(NULL AS TEXT)', 'ol.organisation_id')}
        FROM officer_load ol
        WHERE NOT EXISTS (SELECT 1 FROM "TrainingRecord" tr WHERE tr."userId" = ol.officer_id AND tr."kind" = 'LRO_COURSE'
          AND tr."completedOn" <= ${at} AND (tr."expiresOn" IS NULL OR tr."expiresOn" > ${at}))`,
    },
    {
      code: 'LRO_OVERLOADED',
      officers: true,
      select: sql`${columns('LRO_OVERLOADED', sql`CASE WHEN ol.live >= r.caseload_alert THEN 'alert' ELSE 'warning' END`, 'OFFICER', 'ol.officer_id', 'CAST(NULL AS TEXT)', 'ol.organisation_id')}
        FROM officer_load ol JOIN org_rules r ON r.organisation_id = ol.organisation_id
        WHERE ol.live >= r.caseload_alert OR ol.live >= r.caseload_warning`,
    },
    {
      // The latest assessment (or, never assessed, the mapping) on or before the day M months ago.
      code: 'MORILE_OVERDUE',
      select: sql`${columns('MORILE_OVERDUE', 'warning', 'THREAT', 't."id"', 't."id"', 't."organisationId"')}
        FROM live_threats t JOIN org_rules r ON r.organisation_id = t."organisationId"
        WHERE NOT EXISTS (SELECT 1 FROM "MorileAssessment" m WHERE m."threatId" = t."id" AND m."assessedOn" >= r.morile_overdue_before)
          AND (t."mappedOn" < r.morile_overdue_before OR EXISTS (SELECT 1 FROM "MorileAssessment" m WHERE m."threatId" = t."id"))`,
    },
    {
      // Only an assessment with none later on the same threat (ties all count) waits for moderation.
      code: 'MORILE_UNMODERATED',
      select: sql`${columns('MORILE_UNMODERATED', 'warning', 'ASSESSMENT', 'm."id"', 't."id"', 't."organisationId"')}
        FROM "MorileAssessment" m JOIN live_threats t ON t."id" = m."threatId" JOIN org_rules r ON r.organisation_id = t."organisationId"
        WHERE m."moderatedAt" IS NULL AND m."assessedOn" < r.unmoderated_before
          AND NOT EXISTS (SELECT 1 FROM "MorileAssessment" later WHERE later."threatId" = m."threatId" AND later."assessedOn" > m."assessedOn")`,
    },
    {
      // One row per order in force: an alert when unchecked too long, else a warning when expiring soon.
      code: 'ORDER_NOT_MONITORED',
      select: sql`${columns('ORDER_NOT_MONITORED', sql`CASE WHEN COALESCE(ord."lastComplianceCheckOn", ord."startsOn") < r.order_check_before THEN 'alert' ELSE 'warning' END`, 'ORDER', 'ord."id"', 'ord."threatId"', 'ord."organisationId"')}
        FROM scoped_orders ord JOIN org_rules r ON r.organisation_id = ord."organisationId"
        WHERE (ord."expiresOn" IS NULL OR ord."expiresOn" >= ${today})
          AND (COALESCE(ord."lastComplianceCheckOn", ord."startsOn") < r.order_check_before OR ord."expiresOn" < r.order_expiry_before)`,
    },
    {
      code: 'ARCHIVED_WITH_OPEN_ACTIONS',
      select: sql`${columns('ARCHIVED_WITH_OPEN_ACTIONS', 'warning', 'THREAT', 't."id"', 't."id"', 't."organisationId"')}
        FROM scoped_threats t
        WHERE t."status" NOT IN (${LIVE})
          AND EXISTS (SELECT 1 FROM "FourPPlan" p WHERE p."threatId" = t."id"
            AND EXISTS (SELECT 1 FROM "Action" a WHERE a."planId" = p."id" AND a."status" IN (${OPEN})))`,
    },
  ];
}

/** No rows, with the columns of the real query. */
const NO_FLAGS = sql`SELECT CAST(NULL AS TEXT) AS code, CAST(NULL AS TEXT) AS severity, CAST(NULL AS TEXT) AS subject_kind,
  CAST(NULL AS TEXT) AS subject_id, CAST(NULL AS TEXT) AS threat_id, CAST(NULL AS TEXT) AS organisation_id WHERE 1 = 0`;

async function buildFlagSql(
  universe: FlagUniverse,
  now: Date,
  opts: { codes?: readonly FlagCode[]; onlyThreatIds?: readonly string[]; onlyOfficerIds?: readonly string[] } = {},
): Promise<Sql> {
  const scope = scopeOf(universe, opts.onlyThreatIds);
  if (!scope) return NO_FLAGS;
  // Only these officers' own flags: each officer's load still counts every live threat they lead.
  const officerFilter = opts.onlyOfficerIds ? (opts.onlyOfficerIds.length ? sql` AND t."leadResponsibleOfficerId" IN (${join([...opts.onlyOfficerIds])})` : sql` AND 1 = 0`) : empty;
  if (opts.onlyOfficerIds && opts.codes?.every((code) => OFFICER_FLAG_CODES.includes(code))) {
    // Only officer rules: the thresholds of those officers' organisations are all that is needed.
    const officers = opts.onlyOfficerIds.length ? join([...opts.onlyOfficerIds]) : sql`NULL`;
    scope.organisations = sql`(${scope.organisations}) AND o."id" IN (SELECT u."organisationId" FROM "User" u WHERE u."id" IN (${officers}))`;
  }
  const organisations = await organisationCutoffs(scope, now);
  if (organisations.length === 0) return NO_FLAGS;
  const d = dialect();
  const selected = rules(d, organisations[0]!.cutoffs.todayStart, now).filter(
    (rule) => (!rule.officers || scope.officers) && (!opts.codes || opts.codes.includes(rule.code)),
  );
  if (selected.length === 0) return NO_FLAGS;
  const threatFilter = scope.threats ? sql` AND t."id" IN (SELECT "id" FROM universe_threats)` : empty;
  const orderFilter = scope.threats ? sql` AND ord."threatId" IN (SELECT "id" FROM universe_threats)` : empty;
  // MATERIALIZED (SQLite 3.35+, PostgreSQL 12+): each CTE is computed once, from the universe
  // outwards, and each rule reads the result. PostgreSQL already does this for a CTE used more
  // than once; SQLite 3.53 otherwise inlines the CTEs into every rule and, without statistics,
  // may drive a rule from an index over the whole table (every live threat, every open action)
  // instead of from the universe, which made a 25-threat register page take as long as a region.
  return sql`WITH org_rules(${raw(RULE_COLUMNS.join(', '))}) AS (VALUES ${orgRulesValues(d, organisations)}),
universe_threats("id") AS (${scope.threats ?? sql`SELECT "id" FROM "SocThreat" WHERE 1 = 0`}),
scoped_threats AS MATERIALIZED (
  SELECT t."id", t."status", t."tier", t."mappedOn", t."organisationId", t."leadResponsibleOfficerId"
  FROM "SocThreat" t WHERE t."organisationId" IN (SELECT organisation_id FROM org_rules)${threatFilter}
),
live_threats AS MATERIALIZED (SELECT * FROM scoped_threats WHERE "status" IN (${LIVE})),
active_plans AS MATERIALIZED (
  SELECT p."id", p."threatId", p."activatedAt", p."nextReviewDue", p."materiallyChangedAt", t."organisationId", t."tier"
  FROM live_threats t CROSS JOIN "FourPPlan" p WHERE p."threatId" = t."id" AND p."status" = 'ACTIVE'
),
open_actions AS MATERIALIZED (
  SELECT a."id", a."planId", a."strand", a."dueOn", a."lastUpdatedAt", a."ownerUserId", a."ownerOrganisationId", ap."threatId", ap."organisationId"
  FROM active_plans ap CROSS JOIN "Action" a WHERE a."planId" = ap."id" AND a."status" IN (${OPEN})
),
scoped_orders AS MATERIALIZED (
  SELECT ord."id", ord."threatId", ord."organisationId", ord."startsOn", ord."expiresOn", ord."lastComplianceCheckOn"
  FROM "AncillaryOrder" ord WHERE ord."organisationId" IN (SELECT organisation_id FROM org_rules)${orderFilter}
),
officer_load AS MATERIALIZED (
  SELECT u."id" AS officer_id, u."organisationId" AS organisation_id, COUNT(*) AS live
  FROM "User" u JOIN "SocThreat" t ON t."leadResponsibleOfficerId" = u."id"
  WHERE t."status" IN (${LIVE}) AND u."organisationId" IN (SELECT organisation_id FROM org_rules)${scope.officers ? officerFilter : sql` AND 1 = 0`}
  GROUP BY u."id", u."organisationId"
)
${join(
  selected.map((rule) => rule.select),
  '\nUNION ALL\n',
)}`;
}

// --- Public API ----------------------------------------------------------------------------------

/**
 * Every flag of the universe at `now`, as a composable subquery yielding
 * (code, severity, subject_kind, subject_id, threat_id, organisation_id): wrap it as
 * `SELECT ... FROM (${await flagRowsSql(universe, now)}) f`.
 */
export async function flagRowsSql(universe: FlagUniverse, now: Date): Promise<Sql> {
  return buildFlagSql(universe, now);
}

const severityOrder = raw(`CASE f.severity WHEN 'alert' THEN 0 ELSE 1 END`);
const codeOrder = raw(`CASE f.code ${FLAG_CODES.map((code, i) => `WHEN '${code}' THEN ${i}`).join(' ')} END`);

type RawFlagRow = { code: string; severity: string; subject_kind: string; subject_id: string; threat_id: string | null; organisation_id: string };

function toFlagRow(row: RawFlagRow): FlagRow {
  if (!isFlagCode(row.code)) throw new Error(`Unknown flag code from SQL: ${row.code}`);
  return {
    code: row.code,
    severity: row.severity as FlagSeverity,
    subject: { kind: row.subject_kind as FlagSubjectKind, id: row.subject_id },
    threatId: row.threat_id,
    organisationId: row.organisation_id,
  };
}

function wholeNumber(n: number | undefined, name: string): number | undefined {
  if (n === undefined) return undefined;
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not ${n}`);
  return n;
}

/**
 * The universe's flags at `now`, alerts first, then in the order of FLAG_CODES, then by subject; a
 * page of them with take/skip. `officerIds` keeps only those officers' own flags (LRO_UNTRAINED,
 * LRO_OVERLOADED) among the officers the universe holds.
 */
export async function listFlagRows(
  universe: FlagUniverse,
  now: Date,
  opts: { codes?: FlagCode[]; take?: number; skip?: number; officerIds?: readonly string[] } = {},
): Promise<FlagRow[]> {
  const codes = opts.codes?.filter(isFlagCode);
  if (codes && codes.length === 0) return [];
  const inner = await buildFlagSql(universe, now, { codes, onlyOfficerIds: opts.officerIds });
  const codeFilter = codes ? sql`WHERE f.code IN (${list(codes)})` : empty;
  const rows = await prisma.$queryRaw<RawFlagRow[]>(
    sql`SELECT f.code, f.severity, f.subject_kind, f.subject_id, f.threat_id, f.organisation_id FROM (${inner}) f ${codeFilter}
      ORDER BY ${severityOrder}, ${codeOrder}, f.subject_kind, f.subject_id${dialect().page(wholeNumber(opts.take, 'take'), wholeNumber(opts.skip, 'skip'))}`,
  );
  return rows.map(toFlagRow);
}

/** How many flags of each code and severity the universe has at `now` (only those with any). */
export async function countFlags(universe: FlagUniverse, now: Date): Promise<{ code: FlagCode; severity: FlagSeverity; count: number }[]> {
  const inner = await buildFlagSql(universe, now);
  const rows = await prisma.$queryRaw<{ code: string; severity: string; n: bigint | number }[]>(
    sql`SELECT f.code, f.severity, COUNT(*) AS n FROM (${inner}) f GROUP BY f.code, f.severity ORDER BY ${codeOrder}, ${severityOrder}`,
  );
  return rows.map((row) => ({ code: row.code as FlagCode, severity: row.severity as FlagSeverity, count: Number(row.n) }));
}

/** Flags by organisation (the one whose thresholds applied), code and severity, under `organisationPath`. */
export async function countFlagsByOrganisation(
  organisationPath: string,
  now: Date,
): Promise<{ organisationId: string; code: FlagCode; severity: FlagSeverity; count: number }[]> {
  const inner = await buildFlagSql({ organisationPath }, now);
  const rows = await prisma.$queryRaw<{ organisation_id: string; code: string; severity: string; n: bigint | number }[]>(
    sql`SELECT f.organisation_id, f.code, f.severity, COUNT(*) AS n FROM (${inner}) f
      GROUP BY f.organisation_id, f.code, f.severity ORDER BY f.organisation_id, ${codeOrder}, ${severityOrder}`,
  );
  return rows.map((row) => ({ organisationId: row.organisation_id, code: row.code as FlagCode, severity: row.severity as FlagSeverity, count: Number(row.n) }));
}

/**
 * The flags of the given threats (e.g. one page of a register) that the universe holds: each
 * threat's own, its plan's, actions', disruptions', assessments' and orders' flags, one entry per
 * flag, alerts first. Every given threat has an entry (empty when it has no flags). Only those
 * threats are judged, however big the universe.
 */
export async function threatFlagSummaries(
  universe: FlagUniverse,
  now: Date,
  threatIds: readonly string[],
): Promise<Map<string, { code: FlagCode; severity: FlagSeverity }[]>> {
  const out = new Map<string, { code: FlagCode; severity: FlagSeverity }[]>(threatIds.map((id) => [id, []]));
  if (threatIds.length === 0) return out;
  const inner = await buildFlagSql(universe, now, { onlyThreatIds: threatIds });
  const rows = await prisma.$queryRaw<{ threat_id: string; code: string; severity: string }[]>(
    sql`SELECT f.threat_id, f.code, f.severity FROM (${inner}) f WHERE f.threat_id IS NOT NULL
      ORDER BY f.threat_id, ${severityOrder}, ${codeOrder}, f.subject_kind, f.subject_id`,
  );
  for (const row of rows) out.get(row.threat_id)?.push({ code: row.code as FlagCode, severity: row.severity as FlagSeverity });
  return out;
}
