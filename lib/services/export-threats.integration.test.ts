import { beforeAll, describe, expect, it } from 'vitest';
import { exportThreatsCsv, THREATS_EXPORT_AUDIT } from './exports';
import { prisma } from '@/lib/db/client';
import { exportThreats, listThreats } from '@/lib/db/threats';
import { threatRegisterQuerySchema } from '@/lib/validation/threat-register';
import { asCurrentUser, makeRegion, makeThreat, makeUser } from '@/test/factories';

const query = (params: Record<string, string> = {}) => threatRegisterQuerySchema.parse(params);
const NOW = new Date('2026-03-01T12:00:00Z');

let world: Awaited<ReturnType<typeof build>>;

async function build() {
  const orgs = await makeRegion();
  const [westCoordinator, southCoordinator, regional] = await Promise.all([
    makeUser(orgs.west, ['COORDINATOR']).then((u) => asCurrentUser(u.id)),
    makeUser(orgs.south, ['COORDINATOR']).then((u) => asCurrentUser(u.id)),
    makeUser(orgs.region, ['COORDINATOR']).then((u) => asCurrentUser(u.id)),
  ]);
  const lro = await makeUser(orgs.west, ['LRO'], { name: 'Officer, Pat' });
  const formula = await makeThreat(orgs.west, { name: '=HYPERLINK("x")', tier: 2 });
  const plain = await makeThreat(orgs.west, { name: 'Amber Heron', tier: 3, leadResponsibleOfficerId: lro.id, areas: ['DRUGS', 'FIREARMS'] });
  const lpa = await makeThreat(orgs.westLpa, { name: 'Slate Lantern', tier: 4, type: 'VULNERABILITY' });
  const south = await makeThreat(orgs.south, { name: 'Copper Finch', tier: 2 });
  return { orgs, users: { westCoordinator, southCoordinator, regional }, threats: { formula, plain, lpa, south } };
}

beforeAll(async () => {
  world = await build();
});

/** The file's lines (none of these test cells holds a line break). */
const lines = (csv: string) => csv.split('\r\n').slice(0, -1);

describe('exportThreatsCsv', () => {
  it('is marked OFFICIAL-SENSITIVE first and last, with a header, CRLF line ends', async () => {
    const { csv, rowCount } = await exportThreatsCsv(world.users.westCoordinator, query(), NOW);
    expect(csv.startsWith('OFFICIAL-SENSITIVE\r\n')).toBe(true);
    expect(csv.endsWith('\r\nOFFICIAL-SENSITIVE\r\n')).toBe(true);
    const all = lines(csv);
    expect(all[1]).toBe('URN,Name,Type,Tier,Status,Organisation,LRO,Threat areas,4P plan status,Next review due,Flags');
    expect(all).toHaveLength(rowCount + 3);
  });

  it('respects scope: a co-ordinator of another force gets none of this force’s threats', async () => {
    const { csv: southCsv } = await exportThreatsCsv(world.users.southCoordinator, query(), NOW);
    for (const t of [world.threats.formula, world.threats.plain, world.threats.lpa]) expect(southCsv).not.toContain(t.urn);
    expect(southCsv).toContain(world.threats.south.urn);

    const { csv: westCsv, rowCount } = await exportThreatsCsv(world.users.westCoordinator, query(), NOW);
    expect(rowCount).toBe(3);
    expect(westCsv).not.toContain(world.threats.south.urn);
    for (const t of [world.threats.formula, world.threats.plain, world.threats.lpa]) expect(westCsv).toContain(t.urn);
  });

  it('respects the register filters and sort, ignoring the page', async () => {
    const { csv, rowCount } = await exportThreatsCsv(world.users.regional, query({ tier: '2', sort: 'name', order: 'desc', page: '5' }), NOW);
    expect(rowCount).toBe(2);
    const rows = lines(csv).slice(2, -1);
    expect(rows[0].startsWith(`${world.threats.south.urn},Copper Finch,`)).toBe(true);
    expect(rows[1].startsWith(`${world.threats.formula.urn},`)).toBe(true);
  });

  it('escapes formula cells and quotes commas', async () => {
    const { csv } = await exportThreatsCsv(world.users.westCoordinator, query(), NOW);
    expect(csv).toContain(`${world.threats.formula.urn},"'=HYPERLINK(""x"")",`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const heron = lines(csv).find((l) => l.startsWith(world.threats.plain.urn));
    expect(heron).toContain(',"Officer, Pat",');
  });

  it('lists each threat’s flags with their counts', async () => {
    const { csv } = await exportThreatsCsv(world.users.westCoordinator, query(), NOW);
    const lpaRow = lines(csv).find((l) => l.startsWith(world.threats.lpa.urn));
    expect(lpaRow).toMatch(/No LRO \((alert|warning)\): 1/);
  });

  it('audits the export with the query and the row count', async () => {
    const user = world.users.westCoordinator;
    await exportThreatsCsv(user, query({ tier: '3' }), NOW);
    const event = await prisma.auditEvent.findFirst({ where: { actorId: user.id, action: THREATS_EXPORT_AUDIT }, orderBy: { at: 'desc' } });
    expect(event).not.toBeNull();
    expect(event!.organisationId).toBe(user.organisationId);
    expect(JSON.parse(event!.after as string)).toEqual({ query: { tier: 3, sort: 'urn', order: 'asc' }, format: 'csv', rowCount: 1 });
  });
});

describe('exportThreats', () => {
  it('loads every matching row in batches, in the register order', async () => {
    const batches: string[][] = [];
    for await (const batch of exportThreats(world.users.regional, query({ sort: 'tier' }), NOW, 2)) batches.push(batch.map((r) => r.id));
    expect(batches.map((b) => b.length)).toEqual([2, 2]);
    const page = await listThreats(world.users.regional, query({ sort: 'tier' }), NOW);
    expect(batches.flat()).toEqual(page.rows.map((r) => r.id));
  });
});
