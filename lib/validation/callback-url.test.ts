import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './callback-url';

describe('safeCallbackUrl', () => {
  it.each([
    ['/threats', '/threats'],
    ['/threats/abc?tab=plan#actions', '/threats/abc?tab=plan#actions'],
    ['/', '/'],
  ])('keeps the path %s', (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a protocol-relative address', '//evil.example/threats'],
    ['a backslash trick', '/\\evil.example'],
    ['a tab trick', '/\t/evil.example'],
    ['a newline trick', '/\n/evil.example'],
    ['a scheme', 'javascript:alert(1)'],
    ['a relative path', 'threats'],
    ['the sign-in page itself', '/sign-in?callbackUrl=/threats'],
    ['next-auth', '/api/auth/signout'],
    ['nothing', undefined],
    ['an empty string', ''],
    ['an array', ['/threats']],
  ])('refuses %s', (_, value) => {
    expect(safeCallbackUrl(value)).toBe('/');
  });

  it('uses the fallback given', () => {
    expect(safeCallbackUrl('//evil.example', '/home')).toBe('/home');
  });
});
