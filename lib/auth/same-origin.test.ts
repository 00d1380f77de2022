import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './same-origin';

const headers = (values: Record<string, string>) => new Headers(values);

describe('isSameOrigin', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['the same host', { origin: 'http://localhost:3000', host: 'localhost:3000' }, true],
    ['the same host, any case', { origin: 'https://Quadrant.example', host: 'quadrant.example' }, true],
    ['behind a proxy', { origin: 'https://quadrant.example', host: '10.0.0.5:3000', 'x-forwarded-host': 'quadrant.example' }, true],
    ['another site', { origin: 'https://evil.example', host: 'quadrant.example' }, false],
    ['another port', { origin: 'http://localhost:4000', host: 'localhost:3000' }, false],
    ['no Origin', { host: 'quadrant.example' }, false],
    ['an opaque origin', { origin: 'null', host: 'quadrant.example' }, false],
    ['a malformed Origin', { origin: 'not a url', host: 'quadrant.example' }, false],
    ['no Host', { origin: 'https://quadrant.example' }, false],
  ])('%s: %s', (_name, values, expected) => {
    expect(isSameOrigin(headers(values))).toBe(expected);
  });
});
