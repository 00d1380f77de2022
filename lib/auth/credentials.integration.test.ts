import bcrypt from 'bcryptjs';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { verifyCredentials } from './credentials';
import { prisma } from '@/lib/db/client';
import { makeOrganisation, makeUser } from '@/test/factories';

let org: { id: string };
let hash: string;
const ip = () => `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  // Failed sign-ins are logged for the operators; keep them out of the test output.
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

beforeAll(async () => {
  org = await makeOrganisation();
  hash = await bcrypt.hash('correct horse', 4);
});

const attempts = (email: string) =>
  prisma.signInAttempt.findMany({ where: { email }, orderBy: { at: 'asc' }, select: { succeeded: true, reason: true } });

describe('verifyCredentials', () => {
  it('accepts the right password, logs the success and stamps the sign-in', async () => {
    const user = await makeUser(org, ['LRO'], { passwordHash: hash });
    const result = await verifyCredentials({ email: user.email.toUpperCase(), password: 'correct horse' }, ip());
    expect(result).toEqual({ ok: true, user: { id: user.id, name: user.name, email: user.email } });
    expect(await attempts(user.email)).toEqual([{ succeeded: true, reason: null }]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { lastSignInAt: true } })).lastSignInAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { entityId: user.id, action: 'auth.sign-in' } })).toBe(1);
  });

  it.each([
    ['a wrong password', 'bad-password', { active: true }, 'wrong horse'],
    ['a deactivated user', 'inactive', { active: false }, 'correct horse'],
  ])('refuses %s and logs why', async (_, reason, opts, password) => {
    const user = await makeUser(org, ['LRO'], { passwordHash: hash, ...opts });
    expect(await verifyCredentials({ email: user.email, password }, ip())).toEqual({ ok: false, reason: 'INVALID' });
    expect(await attempts(user.email)).toEqual([{ succeeded: false, reason }]);
    expect(await prisma.auditEvent.count({ where: { entityId: user.id, action: 'auth.sign-in-failed' } })).toBe(1);
    expect(JSON.parse(String(warn.mock.calls.at(-1)?.[0]))).toMatchObject({ event: 'sign-in-failed', email: user.email, reason });
  });

  it('refuses an unknown email the same way', async () => {
    const email = `nobody-${Date.now()}@test.invalid`;
    expect(await verifyCredentials({ email, password: 'anything' }, ip())).toEqual({ ok: false, reason: 'INVALID' });
    expect(await attempts(email)).toEqual([{ succeeded: false, reason: 'unknown-user' }]);
  });

  it('refuses malformed input without touching the database', async () => {
    expect(await verifyCredentials({ email: 'not an email', password: '' }, ip())).toEqual({ ok: false, reason: 'INVALID' });
    expect(await verifyCredentials(null, ip())).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('locks an email after five failures, even against the right password, and only that email', async () => {
    const user = await makeUser(org, ['LRO'], { passwordHash: hash });
    const other = await makeUser(org, ['LRO'], { passwordHash: hash });
    for (let i = 0; i < 5; i++) {
      expect(await verifyCredentials({ email: user.email, password: `guess ${i}` }, ip())).toMatchObject({ ok: false, reason: 'INVALID' });
    }
    expect(await verifyCredentials({ email: user.email, password: 'correct horse' }, ip())).toEqual({ ok: false, reason: 'RATE_LIMITED' });
    expect((await attempts(user.email)).at(-1)).toEqual({ succeeded: false, reason: 'rate-limited' });
    expect(await verifyCredentials({ email: other.email, password: 'correct horse' }, ip())).toMatchObject({ ok: true });
  });

  it('failures older than the window no longer count', async () => {
    const user = await makeUser(org, ['LRO'], { passwordHash: hash });
    const old = new Date(Date.now() - 16 * 60_000);
    await prisma.signInAttempt.createMany({ data: Array.from({ length: 5 }, () => ({ email: user.email, succeeded: false, reason: 'bad-password', at: old })) });
    expect(await verifyCredentials({ email: user.email, password: 'correct horse' }, ip())).toMatchObject({ ok: true });
  });

  it('limits one address guessing across many emails', async () => {
    const address = ip();
    for (let i = 0; i < 20; i++) {
      await verifyCredentials({ email: `spray-${i}-${Date.now()}@test.invalid`, password: 'x' }, address);
    }
    const user = await makeUser(org, ['LRO'], { passwordHash: hash });
    expect(await verifyCredentials({ email: user.email, password: 'correct horse' }, address)).toEqual({ ok: false, reason: 'RATE_LIMITED' });
    expect(await verifyCredentials({ email: user.email, password: 'correct horse' }, ip())).toMatchObject({ ok: true });
  });
});
