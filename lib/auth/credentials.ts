import 'server-only';
import bcrypt from 'bcryptjs';
import { countFailedSignIns, findUserForSignIn, recordSignInAttempt } from '@/lib/db/users';
import { env } from '@/lib/env';
import { signInSchema } from '@/lib/validation/sign-in';

export type CredentialsResult =
  | { ok: true; user: { id: string; name: string; email: string } }
  | { ok: false; reason: 'INVALID' | 'RATE_LIMITED' };

// A hash to compare against when the email is unknown, so that a miss costs as long as a hit.
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', 10);
const IP_LIMIT_FACTOR = 4;

/**
 * Checks an email and password. Failed attempts are recorded (they are the sign-in log) and,
 * past the limit within the window, refused before the password is even compared, whether or not
 * the password is right: that is what makes guessing slow.
 */
export async function verifyCredentials(input: unknown, ip: string | null): Promise<CredentialsResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'INVALID' };
  const { email, password } = parsed.data;

  const since = new Date(Date.now() - env.SIGN_IN_WINDOW_MINUTES * 60_000);
  const failures = await countFailedSignIns(email, ip, since);
  if (failures.byEmail >= env.SIGN_IN_MAX_FAILURES || failures.byIp >= env.SIGN_IN_MAX_FAILURES * IP_LIMIT_FACTOR) {
    await recordSignInAttempt({ email, ip, succeeded: false, reason: 'rate-limited' });
    console.warn(JSON.stringify({ event: 'sign-in-rate-limited', email, ip, at: new Date().toISOString() }));
    return { ok: false, reason: 'RATE_LIMITED' };
  }

  const user = await findUserForSignIn(email);
  const matches = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !matches || !user.active) {
    const reason = !user ? 'unknown-user' : !user.active ? 'inactive' : 'bad-password';
    await recordSignInAttempt({ email, ip, succeeded: false, reason, userId: user?.id ?? null });
    console.warn(JSON.stringify({ event: 'sign-in-failed', email, ip, reason, at: new Date().toISOString() }));
    return { ok: false, reason: 'INVALID' };
  }
  await recordSignInAttempt({ email, ip, succeeded: true, userId: user.id });
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
}
