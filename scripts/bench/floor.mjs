// The floor: one hand-written SQL query per dashboard figure, run straight through the driver
// (better-sqlite3 or pg): no Prisma, no policy, no threshold loading in the timed part. For the
// flag counts the floor is the flag engine's own SQL text (lib/db/compliance-sql.ts flagRowsSql,
// grouped by organisation, code and severity) executed directly: it is already one hand-written
// query, and writing a second copy of nineteen rules would measure the copy, not the data. The
// review cut-offs (per organisation and tier) and the flag SQL come from scripts/bench/app.ts
// (floor-sql mode) before timing starts.
import Database from 'better-sqlite3';
import pg from 'pg';
import { pgConfig } from '../../lib/db/pg-config.mjs';
import { isPostgresUrl, sqliteFilePath } from '../../lib/db/database-url.mjs';

const LIVE = `'MAPPED', 'ACTIVE'`;
const OPEN = `'NOT_STARTED', 'IN_PROGRESS', 'BLOCKED'`;

/** The path prefix as a LIKE pattern (the app's pathPrefixSql). */
const likePattern = (/** @type {string} */ prefix) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * @param {string} url
 * @param {{ flags: { sql: string, text: string, values: unknown[] }, cutoffs: { id: string, tierOne: string[] }[], todayStart: string, periodStart: string, periodEnd: string, path: string }} input
 * @param {{ runs: number, now: Date }} options
 */
export async function runFloor(url, input, { runs, now }) {
  const pgMode = isPostgresUrl(url);
  const date = (/** @type {string} */ iso) => (pgMode ? iso.replace('T', ' ').replace('Z', '') : iso.replace('Z', '+00:00'));
  const tsLiteral = (/** @type {string} */ iso) => (pgMode ? `CAST('${date(iso)}' AS timestamp(3))` : `'${date(iso)}'`);
  const scope = `t."organisationId" IN (SELECT o."id" FROM "Organisation" o WHERE o."path" LIKE ? ESCAPE '\\')`;
  const pattern = likePattern(input.path);
  const cutoffRows = input.cutoffs.map((c) => `('${c.id}', ${c.tierOne.map(tsLiteral).join(', ')})`).join(', ');

  /** @type {{ name: string, sql: string, params: unknown[] }[]} */
  const queries = [
    {
      name: 'live threats, active plans',
      sql: `SELECT t."organisationId" AS organisation_id, COUNT(DISTINCT t."id") AS live_threats, COUNT(p."id") AS active_plans
        FROM "SocThreat" t LEFT JOIN "FourPPlan" p ON p."threatId" = t."id" AND p."status" = 'ACTIVE'
        WHERE t."status" IN (${LIVE}) AND ${scope} GROUP BY t."organisationId"`,
      params: [pattern],
    },
    {
      // Reviewed and not overdue, or not yet due a first review (the flags' definition).
      name: 'reviews within cadence',
      sql: `WITH cut(organisation_id, c1, c2, c3, c4, c5) AS (VALUES ${cutoffRows})
        SELECT t."organisationId" AS organisation_id, COUNT(*) AS in_cadence
        FROM "FourPPlan" p JOIN "SocThreat" t ON t."id" = p."threatId" JOIN cut ON cut.organisation_id = t."organisationId"
        WHERE p."status" = 'ACTIVE' AND t."status" IN (${LIVE}) AND ${scope}
          AND CASE WHEN EXISTS (SELECT 1 FROM "PlanReview" pr WHERE pr."planId" = p."id")
                   THEN p."nextReviewDue" IS NULL OR p."nextReviewDue" >= ?
                   ELSE p."activatedAt" IS NULL OR p."activatedAt" >= CASE WHEN t."tier" <= 1 THEN cut.c1 WHEN t."tier" = 2 THEN cut.c2 WHEN t."tier" = 3 THEN cut.c3 WHEN t."tier" = 4 THEN cut.c4 ELSE cut.c5 END END
        GROUP BY t."organisationId"`,
      params: [pattern, date(input.todayStart)],
    },
    {
      name: 'flag counts (engine SQL)',
      sql: pgMode ? input.flags.text : input.flags.sql,
      params: input.flags.values.map((v) => (v && typeof v === 'object' && 'date' in v ? date(/** @type {{ date: string }} */ (v).date) : v)),
    },
    {
      name: '4P balance of open actions',
      sql: `SELECT t."organisationId" AS organisation_id, a."strand" AS strand, COUNT(*) AS n
        FROM "Action" a JOIN "FourPPlan" p ON p."id" = a."planId" JOIN "SocThreat" t ON t."id" = p."threatId"
        WHERE a."status" IN (${OPEN}) AND p."status" = 'ACTIVE' AND t."status" IN (${LIVE}) AND ${scope}
        GROUP BY t."organisationId", a."strand"`,
      params: [pattern],
    },
    {
      name: 'Annex B Pursue share',
      sql: `SELECT t."organisationId" AS organisation_id, ds."strand" AS strand, COUNT(*) AS n
        FROM "Disruption" ds JOIN "SocThreat" t ON t."id" = ds."threatId"
        WHERE ds."role" = 'LEAD' AND ds."category" IN ('MAJOR', 'MODERATE', 'MINOR') AND ds."disruptedOn" >= ? AND ds."disruptedOn" < ? AND ${scope}
        GROUP BY t."organisationId", ds."strand"`,
      params: [date(input.periodStart), date(input.periodEnd), pattern],
    },
    {
      name: 'unmet demand',
      sql: `SELECT t."organisationId" AS organisation_id, u."shortfall", u."capabilityNeeded", COUNT(*) AS total,
          SUM(CASE WHEN u."resolvedOn" IS NULL THEN 1 ELSE 0 END) AS open
        FROM "UnmetDemand" u JOIN "SocThreat" t ON t."id" = u."threatId" WHERE ${scope}
        GROUP BY t."organisationId", u."shortfall", u."capabilityNeeded"`,
      params: [pattern],
    },
    {
      // Officers holding live threats as LRO, and whether each has a current LRO course.
      name: 'LRO caseload and training',
      sql: `SELECT ol.organisation_id, COUNT(*) AS lros, SUM(ol.live) AS held, MAX(ol.live) AS max_live,
          SUM(CASE WHEN EXISTS (SELECT 1 FROM "TrainingRecord" tr WHERE tr."userId" = ol.officer_id AND tr."kind" = 'LRO_COURSE'
                 AND tr."completedOn" <= ? AND (tr."expiresOn" IS NULL OR tr."expiresOn" > ?)) THEN 1 ELSE 0 END) AS trained
        FROM (SELECT u."id" AS officer_id, u."organisationId" AS organisation_id, COUNT(*) AS live
              FROM "User" u JOIN "SocThreat" t ON t."leadResponsibleOfficerId" = u."id"
              WHERE t."status" IN (${LIVE}) AND u."organisationId" IN (SELECT o."id" FROM "Organisation" o WHERE o."path" LIKE ? ESCAPE '\\')
              GROUP BY u."id", u."organisationId") ol
        GROUP BY ol.organisation_id`,
      params: [date(now.toISOString()), date(now.toISOString()), pattern],
    },
  ];

  /** @type {(sql: string, params: unknown[]) => Promise<any[]>} */
  let run;
  /** @type {() => Promise<void>} */
  let close;
  if (pgMode) {
    const client = new pg.Client(pgConfig(url));
    await client.connect();
    const numbered = (/** @type {string} */ s) => {
      let i = 0;
      return s.replace(/\?/g, () => `$${++i}`);
    };
    run = async (s, params) => (await client.query(s.includes('$1') ? s : numbered(s), params)).rows;
    close = () => client.end();
  } else {
    const db = new Database(sqliteFilePath(url), { readonly: true });
    run = async (s, params) => db.prepare(s).all(...params);
    close = async () => db.close();
  }

  const results = [];
  try {
    for (const q of queries) {
      let rows = await run(q.sql, q.params); // warm-up
      const times = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        rows = await run(q.sql, q.params);
        times.push(performance.now() - t);
      }
      results.push({ name: q.name, medianMs: median(times), times, rows });
    }
  } finally {
    await close();
  }
  const sum = (/** @type {any[]} */ rows, /** @type {string} */ col) => rows.reduce((s, r) => s + Number(r[col] ?? 0), 0);
  const [threats, reviews, flags, balance, annexB, unmet, caseload] = results.map((r) => r.rows);
  /** @type {Record<string, number>} */
  const flagTotals = {};
  for (const row of flags) flagTotals[row.code] = (flagTotals[row.code] ?? 0) + Number(row.n);
  /** @type {Record<string, number>} */
  const strands = { PURSUE: 0, PREVENT: 0, PROTECT: 0, PREPARE: 0 };
  for (const row of balance) strands[row.strand] += Number(row.n);
  const lead = sum(annexB, 'n');
  const pursue = annexB.filter((r) => r.strand === 'PURSUE').reduce((s, r) => s + Number(r.n), 0);
  return {
    queries: results.map(({ name, medianMs, times }) => ({ name, medianMs, times })),
    sumOfMediansMs: results.reduce((s, r) => s + r.medianMs, 0),
    figures: {
      activePlans: sum(threats, 'active_plans'),
      reviewedInCadence: sum(reviews, 'in_cadence'),
      flags: flagTotals,
      balance: strands,
      annexB: { lead, pursue },
      unmetTotal: sum(unmet, 'total'),
      unmetOpen: sum(unmet, 'open'),
      lros: sum(caseload, 'lros'),
      threatsHeld: sum(caseload, 'held'),
      trained: sum(caseload, 'trained'),
    },
  };
}

function median(/** @type {number[]} */ xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
