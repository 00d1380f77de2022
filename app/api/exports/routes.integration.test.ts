import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/session';
import { asCurrentUser, makeRegion, makeThreat, makeUser } from '@/test/factories';
import { readXlsx } from '@/test/xlsx-reader';

// The download routes as a browser reaches them: who may download what (401 without a session,
// 404 for a user who may not export or for what does not exist), and the file's headers.

let signedIn: CurrentUser | null = null;
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => signedIn }));

const threats = await import('./threats/route');
const dashboard = await import('./dashboard/[table]/route');
const disruptions = await import('./disruptions/route');
const evidencePack = await import('./evidence-pack/route');

let world: { coordinator: CurrentUser; lro: CurrentUser; manager: CurrentUser; southId: string };

beforeAll(async () => {
  const orgs = await makeRegion();
  world = {
    coordinator: await asCurrentUser((await makeUser(orgs.west, ['COORDINATOR'])).id),
    lro: await asCurrentUser((await makeUser(orgs.west, ['LRO'])).id),
    manager: await asCurrentUser((await makeUser(orgs.west, ['MANAGER'])).id),
    southId: orgs.south.id,
  };
  await makeThreat(orgs.west, { tier: 2 });
});

const request = (path: string) => new NextRequest(`http://localhost${path}`);
const routes: [string, () => Promise<Response>][] = [
  ['/api/exports/threats?format=xlsx', () => threats.GET(request('/api/exports/threats?format=xlsx'))],
  ['/api/exports/dashboard/reviews', () => dashboard.GET(request('/api/exports/dashboard/reviews'), { params: Promise.resolve({ table: 'reviews' }) })],
  ['/api/exports/disruptions', () => disruptions.GET(request('/api/exports/disruptions'))],
  ['/api/exports/evidence-pack', () => evidencePack.GET(request('/api/exports/evidence-pack'))],
];

describe.each(routes)('GET %s', (_path, get) => {
  it('refuses without a session', async () => {
    signedIn = null;
    expect((await get()).status).toBe(401);
  });

  it('is not found for users who may not export', async () => {
    for (const user of [world.lro, world.manager]) {
      signedIn = user;
      const response = await get();
      expect(response.status).toBe(404);
      expect(response.headers.get('Cache-Control')).toBe('no-store');
    }
  });

  it('sends the co-ordinator an uncached attachment', async () => {
    signedIn = world.coordinator;
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="quadrant-[a-z-]+-\d{4}-\d{2}(-\d{2})?\.(csv|xlsx)"$/);
  });
});

describe('formats and parameters', () => {
  it('sends the register as a workbook when asked for xlsx', async () => {
    signedIn = world.coordinator;
    const response = await threats.GET(request('/api/exports/threats?format=xlsx&tier=2'));
    expect(response.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('Content-Disposition')).toMatch(/\.xlsx"$/);
    const workbook = readXlsx(new Uint8Array(await response.arrayBuffer()));
    expect(workbook.sheets[0]!.rows).toHaveLength(4); // marking, header, one threat, marking
  });

  it('sends CSV by default and for an unknown format', async () => {
    signedIn = world.coordinator;
    for (const search of ['', '?format=pdf']) {
      const response = await dashboard.GET(request(`/api/exports/dashboard/balance${search}`), { params: Promise.resolve({ table: 'balance' }) });
      expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
      expect((await response.text()).startsWith('OFFICIAL-SENSITIVE\r\n')).toBe(true);
    }
  });

  it('takes the dashboard period from yearEnding', async () => {
    signedIn = world.coordinator;
    const response = await dashboard.GET(request('/api/exports/dashboard/disruptions?format=csv&yearEnding=2024-06'), { params: Promise.resolve({ table: 'disruptions' }) });
    expect(response.headers.get('Content-Disposition')).toContain('quadrant-dashboard-disruptions-2024-06.csv');
    expect(await response.text()).toContain('year ending 30 June 2024');
  });

  it('is not found for a table that does not exist', async () => {
    signedIn = world.coordinator;
    expect((await dashboard.GET(request('/api/exports/dashboard/users'), { params: Promise.resolve({ table: 'users' }) })).status).toBe(404);
  });

  it('is not found for disruptions of an organisation outside the co-ordinator’s scope', async () => {
    signedIn = world.coordinator;
    expect((await disruptions.GET(request(`/api/exports/disruptions?organisation=${world.southId}`))).status).toBe(404);
  });

  it('sends the evidence pack as a workbook', async () => {
    signedIn = world.coordinator;
    const response = await evidencePack.GET(request('/api/exports/evidence-pack?yearEnding=2026-01'));
    expect(response.headers.get('Content-Disposition')).toContain('quadrant-evidence-pack-2026-01.xlsx');
    expect(readXlsx(new Uint8Array(await response.arrayBuffer())).sheets[0]!.name).toBe('Cover');
  });
});
