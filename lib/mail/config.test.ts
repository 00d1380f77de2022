import { describe, expect, it } from 'vitest';
import { appBaseUrl, readMailConfig } from './config';

describe('readMailConfig', () => {
  it('keeps mail in the outbox when no SMTP host is set (the demo), an empty value counting as unset', () => {
    expect(readMailConfig({})).toEqual({ transport: 'outbox' });
    expect(readMailConfig({ SMTP_HOST: '', SMTP_FROM: 'x@y.test' })).toEqual({ transport: 'outbox' });
  });

  it('reads an SMTP relay, with the usual ports', () => {
    expect(readMailConfig({ SMTP_HOST: 'smtp.force.test', SMTP_FROM: 'Quadrant <quadrant@force.test>' })).toEqual({
      transport: 'smtp',
      smtp: { host: 'smtp.force.test', port: 587, secure: false, auth: null, from: 'Quadrant <quadrant@force.test>' },
    });
    expect(
      readMailConfig({ SMTP_HOST: 'smtp.force.test', SMTP_FROM: 'q@force.test', SMTP_SECURE: 'true', SMTP_USER: 'quadrant', SMTP_PASSWORD: 'secret' }),
    ).toEqual({ transport: 'smtp', smtp: { host: 'smtp.force.test', port: 465, secure: true, auth: { user: 'quadrant', pass: 'secret' }, from: 'q@force.test' } });
    expect(readMailConfig({ SMTP_HOST: 'smtp.force.test', SMTP_FROM: 'q@force.test', SMTP_PORT: '2525' })).toMatchObject({ smtp: { port: 2525 } });
  });

  it.each([
    [{ SMTP_HOST: 'smtp.force.test' }, /SMTP_FROM/],
    [{ SMTP_HOST: 'smtp.force.test', SMTP_FROM: 'q@force.test', SMTP_PORT: 'twenty-five' }, /SMTP_PORT/],
    [{ SMTP_HOST: 'smtp.force.test', SMTP_FROM: 'q@force.test', SMTP_PORT: '70000' }, /SMTP_PORT/],
    [{ SMTP_HOST: 'smtp.force.test', SMTP_FROM: 'q@force.test', SMTP_SECURE: 'yes' }, /SMTP_SECURE/],
    [{ SMTP_HOST: 'smtp.force.test', SMTP_FROM: 'q@force.test', SMTP_USER: 'quadrant' }, /SMTP_USER and SMTP_PASSWORD/],
  ])('refuses %o, naming the variable', (source, message) => {
    expect(() => readMailConfig(source)).toThrow(message);
  });
});

describe('appBaseUrl', () => {
  it('prefers APP_BASE_URL, then NEXTAUTH_URL, then the local demo', () => {
    expect(appBaseUrl({ APP_BASE_URL: 'https://quadrant.force.test/', NEXTAUTH_URL: 'http://other.test' })).toBe('https://quadrant.force.test');
    expect(appBaseUrl({ NEXTAUTH_URL: 'http://localhost:3100' })).toBe('http://localhost:3100');
    expect(appBaseUrl({})).toBe('http://localhost:3000');
    expect(appBaseUrl({ PORT: '4000' })).toBe('http://localhost:4000');
  });

  it('refuses an address that is not http(s)', () => {
    expect(() => appBaseUrl({ APP_BASE_URL: 'javascript:alert(1)' })).toThrow(/APP_BASE_URL/);
    expect(() => appBaseUrl({ APP_BASE_URL: 'quadrant' })).toThrow(/APP_BASE_URL/);
  });
});
