import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { verifyCredentials } from './credentials';
import { findUserForSignIn, recordSignInAttempt } from '@/lib/db/users';
import { authSecret, env, isOidcEnabled } from '@/lib/env';

type OidcProfile = { sub: string; email?: string; name?: string; preferred_username?: string };

function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.['x-forwarded-for'];
  if (typeof forwarded === 'string' && forwarded) return forwarded.split(',')[0]!.trim();
  const real = headers?.['x-real-ip'];
  return typeof real === 'string' ? real : null;
}

/** A force's identity provider, by OpenID Connect discovery; on only when configured. */
function oidcProvider(): OAuthConfig<OidcProfile> {
  return {
    id: 'oidc',
    name: env.OIDC_NAME,
    type: 'oauth',
    wellKnown: `${env.OIDC_ISSUER!.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    // Some providers leave email out of the ID token: then read the userinfo endpoint.
    userinfo: {
      async request({ client, tokens }) {
        return (await client.userinfo(tokens.access_token!)) as OidcProfile;
      },
    },
    profile(profile) {
      return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.preferred_username ?? null };
    },
  };
}

export const authOptions: NextAuthOptions = {
  // Read when a request needs it, not when the module loads, so `next build` needs no secret.
  get secret() {
    return authSecret();
  },
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: { email: { label: 'Email address', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const result = await verifyCredentials(
          { email: credentials?.email ?? '', password: credentials?.password ?? '' },
          clientIp(req.headers as Record<string, unknown> | undefined),
        );
        if (result.ok) return result.user;
        // next-auth passes the thrown message to the sign-in page as `error`.
        if (result.reason === 'RATE_LIMITED') throw new Error('RateLimited');
        return null;
      },
    }),
    ...(isOidcEnabled() ? [oidcProvider()] : []),
  ],
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== 'oidc') return true;
      // Single sign-on only admits people Quadrant already knows, by email, and who are active.
      const known = user.email ? await findUserForSignIn(user.email) : null;
      await recordSignInAttempt({
        email: user.email ?? `oidc:${user.id}`,
        ip: null,
        succeeded: Boolean(known?.active),
        reason: known ? (known.active ? 'oidc' : 'inactive') : 'unknown-user',
        userId: known?.id ?? null,
      });
      return Boolean(known?.active);
    },
    async jwt({ token, user, account }) {
      if (user && account?.provider === 'oidc' && user.email) {
        const known = await findUserForSignIn(user.email);
        if (known) token.sub = known.id;
      } else if (user) {
        token.sub = user.id;
      }
      return token;
    },
    async session({ session, token }) {
      // Only the id travels in the session; who the user is and what they may do is re-read from
      // the database on every request (lib/auth/session.ts).
      return { ...session, user: { ...session.user, id: token.sub } };
    },
  },
};
