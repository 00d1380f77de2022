import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/session';
import { asCurrentUser, makeRegion, makeThreat, makeUser } from '@/test/factories';

let signedIn: CurrentUser | null = null;
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => signedIn }));

const { GET } = await import('./route');

let world: { coordinator: CurrentUser; lro: CurrentUser; urns: string[] };

beforeAll(async () => {
  const orgs = await makeRegion();
  const coordinator = await asCurrentUser((await makeUser(orgs.west, ['COORDINATOR'])).id);
  const lro = await asCurrentUser((await makeUser(orgs.west, ['LRO'])).id);
  const a = await makeThreat(orgs.west, { tier: 2 });
  const b = await makeThreat(orgs.west, { tier: 4 });
  world = { coordinator, lro, urns: [a.urn, b.urn] };
});

const get = (search = '') => GET(new NextRequest(`http://localhost/api/exports/threats${search}`));

describe('GET /api/exports/threats', () => {
  it('refuses without a session', async () => {
    signedIn = null;
    expect((await get()).status).toBe(401);
  });

  it('is not found for a user who may not export', async () => {
    signedIn = world.lro;
    expect((await get()).status).toBe(404);
  });

  it('sends the co-ordinator a marked, uncached CSV attachment, filtered by the query string', async () => {
    signedIn = world.coordinator;
    const response = await get('?tier=2');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="quadrant-threats-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const body = await response.text();
    expect(body.startsWith('OFFICIAL-SENSITIVE\r\n')).toBe(true);
    expect(body.endsWith('OFFICIAL-SENSITIVE\r\n')).toBe(true);
    expect(body).toContain(world.urns[0]);
    expect(body).not.toContain(world.urns[1]);
  });
});
