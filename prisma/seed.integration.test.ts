// The demo seed against a real, empty database: the sign-ins the README lists, the records the
// end-to-end tests rely on (DEMO_REFERENCES), and the invariants the app assumes of any data
// (organisation paths, one live plan per threat, LRO history mirroring the threat, action logs
// agreeing with their actions). Runs on SQLite, or PostgreSQL when DATABASE_URL says so.
//
// It seeds its own database (the worker's, with a "seed" suffix), not the worker database the
// other integration tests share: the seed refuses to run where organisations exist.
import fs from 'node:fs';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import bcrypt from 'bcryptjs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresUrl, sqliteFilePath } from '../lib/db/database-url.mjs';
import { pgConfig, schemaFromUrl } from '../lib/db/pg-config.mjs';
import { PrismaClient as PostgresPrismaClient } from '../lib/db/generated/postgres/client';
import { PrismaClient } from '../lib/db/generated/sqlite/client';
import type { ActionStatus } from '../lib/db/generated/sqlite/enums';
import { applyMigrations } from '../scripts/db/migrator.mjs';
import { workerDatabaseUrl } from '../test/database';
import { DEMO_PASSWORD, DEMO_REFERENCES, DEMO_USERS } from './demo-data';
import { seed, type SeedCounts } from './seed';

const DAY_MS = 24 * 60 * 60 * 1000;
const OPEN: ActionStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'BLOCKED'];
const now = new Date();
const url = workerDatabaseUrl(process.env.QUADRANT_TEST_BASE_URL || undefined, `${process.env.VITEST_POOL_ID ?? '1'}seed`);

let db: PrismaClient;
let counts: SeedCounts | null;

async function emptyDatabase() {
  if (isPostgresUrl(url)) {
    const client = new pg.Client(pgConfig(url));
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schemaFromUrl(url)}" CASCADE`);
    } finally {
      await client.end();
    }
  } else {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(sqliteFilePath(url) + suffix, { force: true });
  }
}

function openClient(): PrismaClient {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg(pgConfig(url), { schema: schemaFromUrl(url) });
    // Same models, other provider: see lib/db/client.ts.
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${sqliteFilePath(url)}` }, { timestampFormat: 'iso8601' }) });
}

beforeAll(async () => {
  await emptyDatabase();
  await applyMigrations({ url });
  db = openClient();
  counts = await seed(db, now);
});

afterAll(async () => {
  await db?.$disconnect();
});

const daysBefore = (date: Date) => (now.getTime() - date.getTime()) / DAY_MS;

async function threatByUrn(urn: string) {
  return db.socThreat.findUniqueOrThrow({
    where: { urn },
    select: {
      id: true, status: true, mappedOn: true, leadResponsibleOfficerId: true,
      organisation: { select: { code: true, path: true } },
      shares: { select: { organisation: { select: { code: true } } } },
      plans: { select: { id: true, status: true, liveThreatId: true } },
    },
  });
}

async function userIdOf(email: string) {
  return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

async function organisationPath(code: string) {
  return (await db.organisation.findUniqueOrThrow({ where: { code }, select: { path: true } })).path;
}

describe('demo seed', () => {
  it('seeds an empty database and refuses a second time', async () => {
    expect(counts).not.toBeNull();
    expect(await seed(db, now)).toBeNull();
    expect(await db.socThreat.count()).toBe(counts!.threats);
  });

  it('creates the six demo sign-ins, active, with their roles, organisations and the demo password', async () => {
    for (const demo of Object.values(DEMO_USERS)) {
      const found = await db.user.findUniqueOrThrow({
        where: { email: demo.email },
        select: { name: true, active: true, passwordHash: true, roles: { select: { role: true } }, organisation: { select: { code: true } } },
      });
      expect(found, demo.email).toMatchObject({ name: demo.name, active: true, organisation: { code: demo.organisationCode } });
      expect(found.roles.map((r) => r.role).sort(), demo.email).toEqual([...demo.roles].sort());
      expect(await bcrypt.compare(DEMO_PASSWORD, found.passwordHash!), demo.email).toBe(true);
    }
    const lro = await userIdOf(DEMO_USERS.lro.email);
    expect(await db.trainingRecord.count({ where: { userId: lro, kind: 'LRO_COURSE' } })).toBeGreaterThan(0);
  });

  it('builds the organisation tree with materialised paths from the region down', async () => {
    const organisations = await db.organisation.findMany({ select: { id: true, code: true, kind: true, parentId: true, path: true } });
    const byId = new Map(organisations.map((o) => [o.id, o]));
    for (const o of organisations) {
      const parentPath = o.parentId ? byId.get(o.parentId)!.path : '/';
      expect(o.path, o.code).toBe(`${parentPath}${o.id}/`);
    }
    expect(organisations.filter((o) => o.parentId == null).map((o) => o.code)).toEqual(['YH']);
    const kinds = (kind: string) => organisations.filter((o) => o.kind === kind).map((o) => o.code).sort();
    expect(kinds('FORCE')).toEqual(['HUM', 'NYP', 'SYP', 'WYP']);
    expect(kinds('ROCU')).toEqual(['YHROCU']);
    expect(kinds('PARTNER')).toEqual(expect.arrayContaining(['HMRC', 'DWP', 'BF', 'LCC', 'SCC', 'GLAA']));
    expect(kinds('LPA').length).toBeGreaterThanOrEqual(8);
  });

  it('has about sixty threats of every type, status, tier and threat area', async () => {
    const threats = await db.socThreat.findMany({ select: { type: true, status: true, tier: true, archivedReason: true } });
    expect(threats.length).toBeGreaterThanOrEqual(55);
    expect(threats.length).toBeLessThanOrEqual(65);
    expect(new Set(threats.map((t) => t.type))).toEqual(new Set(['OCG', 'PRIORITY_INDIVIDUAL', 'VULNERABILITY']));
    expect(new Set(threats.map((t) => t.status))).toEqual(new Set(['MAPPED', 'ACTIVE', 'ARCHIVED']));
    expect(new Set(threats.map((t) => t.tier))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(threats.filter((t) => t.status === 'ACTIVE').length).toBeGreaterThan(threats.length / 2);
    for (const t of threats.filter((t) => t.status === 'ARCHIVED')) expect(t.archivedReason).toBeTruthy();
    const areas = await db.threatAreaTag.groupBy({ by: ['area'], _count: true });
    expect(areas.length).toBe(13);
  });

  it('has exactly one LRO holding six active threats (LRO_OVERLOADED) and nobody holding more', async () => {
    const caseloads = await db.socThreat.groupBy({
      by: ['leadResponsibleOfficerId'],
      where: { status: 'ACTIVE', leadResponsibleOfficerId: { not: null } },
      _count: { _all: true },
    });
    const sizes = caseloads.map((c) => c._count._all);
    expect(sizes.filter((n) => n === 6)).toHaveLength(1);
    expect(Math.max(...sizes)).toBe(6);
  });

  it('has every demo reference, with the property the tests rely on', async () => {
    const lro = await userIdOf(DEMO_USERS.lro.email);
    const partner = await userIdOf(DEMO_USERS.partner.email);
    const westYorkshire = await organisationPath('WYP');

    const held = await threatByUrn(DEMO_REFERENCES.lroThreatUrn);
    expect(held.organisation.path.startsWith(westYorkshire)).toBe(true);
    expect(held).toMatchObject({ status: 'ACTIVE', leadResponsibleOfficerId: lro });
    expect(held.plans.filter((p) => p.status === 'ACTIVE')).toHaveLength(1);

    const otherForce = await threatByUrn(DEMO_REFERENCES.otherForceThreatUrn);
    expect(otherForce.organisation.path.startsWith(await organisationPath('SYP'))).toBe(true);
    expect(otherForce.organisation.path.startsWith(westYorkshire)).toBe(false);
    expect(otherForce.shares).toEqual([]);

    const shared = await threatByUrn(DEMO_REFERENCES.sharedWithPartnerUrn);
    expect(shared.organisation.path.startsWith(westYorkshire)).toBe(true);
    expect(shared.shares.map((s) => s.organisation.code)).toContain('HMRC');
    const livePlan = shared.plans.find((p) => p.status !== 'CLOSED')!;
    expect(await db.action.count({ where: { planId: livePlan.id, ownerUserId: partner } })).toBeGreaterThan(0);

    const noPlan = await threatByUrn(DEMO_REFERENCES.noPlanThreatUrn);
    expect(noPlan.organisation.path.startsWith(westYorkshire)).toBe(true);
    expect(noPlan).toMatchObject({ status: 'ACTIVE', leadResponsibleOfficerId: lro, plans: [] });
    expect(daysBefore(noPlan.mappedOn)).toBeGreaterThan(28);
  });

  it('gives the demo partner actions only on West Yorkshire threats shared with HMRC', async () => {
    const partner = await userIdOf(DEMO_USERS.partner.email);
    const westYorkshire = await organisationPath('WYP');
    const actions = await db.action.findMany({
      where: { ownerUserId: partner },
      select: { plan: { select: { threat: { select: { organisation: { select: { path: true } }, shares: { select: { organisation: { select: { code: true } } } } } } } } },
    });
    expect(actions.length).toBeGreaterThanOrEqual(2);
    for (const { plan } of actions) {
      expect(plan.threat.organisation.path.startsWith(westYorkshire)).toBe(true);
      expect(plan.threat.shares.map((s) => s.organisation.code)).toContain('HMRC');
    }
  });

  it('keeps one live plan per threat: liveThreatId is the threat while DRAFT or ACTIVE, null once CLOSED', async () => {
    const plans = await db.fourPPlan.findMany({ select: { threatId: true, liveThreatId: true, status: true, closedAt: true } });
    const live = new Map<string, number>();
    for (const plan of plans) {
      if (plan.status === 'CLOSED') {
        expect(plan.liveThreatId).toBeNull();
        expect(plan.closedAt).not.toBeNull();
      } else {
        expect(plan.liveThreatId).toBe(plan.threatId);
        live.set(plan.threatId, (live.get(plan.threatId) ?? 0) + 1);
      }
    }
    expect([...live.values()].every((n) => n === 1)).toBe(true);
    expect(plans.some((p) => p.status === 'CLOSED')).toBe(true);
    expect(plans.some((p) => p.status === 'DRAFT')).toBe(true);
  });

  it('records LRO history whose open rows are the threat’s current LRO and deputy', async () => {
    const threats = await db.socThreat.findMany({
      select: { urn: true, leadResponsibleOfficerId: true, deputyId: true, lroAssignments: { select: { userId: true, role: true, startedAt: true, endedAt: true } } },
    });
    for (const t of threats) {
      const open = (role: string) => t.lroAssignments.filter((a) => a.role === role && a.endedAt == null).map((a) => a.userId);
      expect(open('LRO'), t.urn).toEqual(t.leadResponsibleOfficerId ? [t.leadResponsibleOfficerId] : []);
      expect(open('DEPUTY'), t.urn).toEqual(t.deputyId ? [t.deputyId] : []);
      for (const a of t.lroAssignments) if (a.endedAt) expect(a.endedAt.getTime()).toBeGreaterThan(a.startedAt.getTime());
    }
    expect(threats.some((t) => t.lroAssignments.some((a) => a.endedAt != null))).toBe(true);
  });

  it('keeps each action consistent with its update log, with nothing in the future', async () => {
    const actions = await db.action.findMany({
      select: { id: true, status: true, createdAt: true, lastUpdatedAt: true, completedAt: true, updates: { select: { createdAt: true, statusTo: true }, orderBy: { createdAt: 'asc' } } },
    });
    expect(new Set(actions.map((a) => a.status))).toEqual(new Set(['NOT_STARTED', 'IN_PROGRESS', 'BLOCKED', 'COMPLETE', 'CANCELLED']));
    for (const a of actions) {
      const latest = a.updates.at(-1)?.createdAt ?? a.createdAt;
      expect(a.lastUpdatedAt.getTime(), a.id).toBe(latest.getTime());
      expect(a.lastUpdatedAt.getTime(), a.id).toBeLessThanOrEqual(now.getTime());
      expect(a.updates.every((u) => u.createdAt >= a.createdAt), a.id).toBe(true);
      const statusNow = a.updates.filter((u) => u.statusTo != null).at(-1)?.statusTo ?? 'NOT_STARTED';
      expect(statusNow, a.id).toBe(a.status);
      expect(a.completedAt != null, a.id).toBe(a.status === 'COMPLETE');
    }
    // Flags need both sides: stale and fresh open actions, overdue and in-date ones.
    const open = await db.action.findMany({ where: { status: { in: OPEN } }, select: { lastUpdatedAt: true, dueOn: true } });
    expect(open.some((a) => daysBefore(a.lastUpdatedAt) > 30)).toBe(true);
    expect(open.some((a) => daysBefore(a.lastUpdatedAt) < 30)).toBe(true);
    expect(open.some((a) => a.dueOn && a.dueOn < now)).toBe(true);
    expect(open.some((a) => a.dueOn == null)).toBe(true);
  });

  it('shows the inspection’s finding: forces 67-80% Pursue disruptions, the ROCU about 40%', async () => {
    const yearAgo = new Date(now.getTime() - 365 * DAY_MS);
    const shareOfPursue = async (code: string) => {
      const where = {
        role: 'LEAD' as const,
        category: { in: ['MAJOR', 'MODERATE', 'MINOR'] as ('MAJOR' | 'MODERATE' | 'MINOR')[] },
        disruptedOn: { gte: yearAgo },
        threat: { organisation: { path: { startsWith: await organisationPath(code) } } },
      };
      const [pursue, all] = await Promise.all([db.disruption.count({ where: { ...where, strand: 'PURSUE' } }), db.disruption.count({ where })]);
      expect(all, code).toBeGreaterThan(10);
      return (100 * pursue) / all;
    };
    for (const force of ['HUM', 'NYP', 'SYP', 'WYP']) {
      const share = await shareOfPursue(force);
      expect(share, force).toBeGreaterThanOrEqual(66.5);
      expect(share, force).toBeLessThanOrEqual(80.5);
    }
    const rocu = await shareOfPursue('YHROCU');
    expect(rocu).toBeGreaterThanOrEqual(35);
    expect(rocu).toBeLessThanOrEqual(45);
    const settings = await db.complianceSettings.findMany({ select: { nationalPursuePercent: true, organisation: { select: { code: true } } } });
    expect(settings).toEqual([{ nationalPursuePercent: 54, organisation: { code: 'YH' } }]);
  });
});
