import { z } from 'zod';

/**
 * The environment, validated once. The demo needs nothing set: the SQLite database and a
 * development secret are the defaults. Production must set NEXTAUTH_SECRET.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.url().optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default('your force account'),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
});

export type Env = z.infer<typeof envSchema>;

// Read each variable by name (the proxy's runtime does not enumerate process.env), and treat an
// empty one (`OIDC_ISSUER=`) as not set, as people write it in deployment files.
function readEnvironment(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = process.env[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

export const env: Env = envSchema.parse(readEnvironment());

/** The secret that signs session tokens. The fixed fallback is only for the local demo. */
export function authSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === 'production') {
    // `npm start` makes one per installation (data/.auth-secret); a deployment sets its own.
    throw new Error('NEXTAUTH_SECRET must be set (at least 16 characters) when running a production build');
  }
  return 'quadrant-development-only-secret';
}

export function isOidcEnabled(): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}
