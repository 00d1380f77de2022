import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Account, User } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { makeOrganisation, makeUser } from '@/test/factories';

// The OpenID Connect provider is switched on by environment variables alone; with it on, only
// people Quadrant already knows (by email) and who are active get in, as themselves.
async function loadOptions(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value as string);
  return (await import('./options')).authOptions;
}

const OIDC = { OIDC_ISSUER: 'https://idp.force.example/realms/quadrant', OIDC_CLIENT_ID: 'quadrant', OIDC_CLIENT_SECRET: 'shh', OIDC_NAME: 'Example force account' };
let org: { id: string };

beforeAll(async () => {
  org = await makeOrganisation();
});
afterEach(() => vi.unstubAllEnvs());

describe('next-auth options', () => {
  it('offers only email and password when no identity provider is configured', async () => {
    const options = await loadOptions({ OIDC_ISSUER: '', OIDC_CLIENT_ID: '', OIDC_CLIENT_SECRET: '' });
    expect(options.providers.map((p) => p.id)).toEqual(['credentials']);
  });

  it('adds the force identity provider, by discovery, when configured', async () => {
    const options = await loadOptions(OIDC);
    const oidc = options.providers.find((p) => p.id === 'oidc') as unknown as { wellKnown: string; name: string; checks: string[] };
    expect(oidc.wellKnown).toBe('https://idp.force.example/realms/quadrant/.well-known/openid-configuration');
    expect(oidc.name).toBe('Example force account');
    expect(oidc.checks).toEqual(['pkce', 'state']);
  });

  it('admits a known, active user by email and maps the session to their Quadrant id', async () => {
    const options = await loadOptions(OIDC);
    const user = await makeUser(org, ['MANAGER']);
    const account = { provider: 'oidc', type: 'oauth', providerAccountId: 'sub-1' } as Account;
    const profileUser = { id: 'sub-1', email: user.email } as User;
    expect(await options.callbacks!.signIn!({ user: profileUser, account })).toBe(true);
    const token = await options.callbacks!.jwt!({ token: { sub: 'sub-1' } as JWT, user: profileUser, account, trigger: 'signIn' });
    expect(token.sub).toBe(user.id);
  });

  it('refuses an unknown or deactivated user from the identity provider', async () => {
    const options = await loadOptions(OIDC);
    const inactive = await makeUser(org, ['MANAGER'], { active: false });
    const account = { provider: 'oidc', type: 'oauth', providerAccountId: 'x' } as Account;
    expect(await options.callbacks!.signIn!({ user: { id: 'x', email: 'stranger@force.example' } as User, account })).toBe(false);
    expect(await options.callbacks!.signIn!({ user: { id: 'y', email: inactive.email } as User, account })).toBe(false);
  });

  it('needs a secret in production and reads it only when asked', async () => {
    const options = await loadOptions({ NODE_ENV: 'production', NEXTAUTH_SECRET: '' });
    expect(() => options.secret).toThrow('NEXTAUTH_SECRET must be set');
  });
});
