import { describe, expect, it } from 'vitest';
import { safeRedirectPath, safeRedirectUrl } from './safe-redirect';

/** Return URLs an attacker would put in `?callbackUrl=` (as the page receives them, decoded once). */
const HOSTILE: [string, unknown][] = [
  ['another site, absolute', 'https://evil.example/phish'],
  ['another site, plain http', 'http://evil.example'],
  ['scheme-relative', '//evil.example/phish'],
  ['three slashes', '///evil.example'],
  ['slash backslash (the reported case)', '/\\evil.example/phish'],
  ['backslash slash', '\\/evil.example'],
  ['two backslashes after the slash', '/\\\\evil.example'],
  ['a backslash later in the path', '/members/\\evil.example'],
  ['raw tab between slashes (?callbackUrl=/%09/evil.example)', '/\t/evil.example'],
  ['raw newline', '/\n/evil.example'],
  ['raw carriage return and newline', '/\r\n/evil.example'],
  ['raw NUL', '/\u0000/evil.example'],
  ['raw space', '/ /evil.example'],
  ['no-break space', '/\u00a0/evil.example'],
  ['line separator', '/\u2028/evil.example'],
  ['leading space', ' /evil.example'],
  ['encoded tab', '/%09/evil.example'],
  ['encoded newline', '/%0a/evil.example'],
  ['encoded backslash', '/%5cevil.example'],
  ['encoded backslash, upper case', '/%5Cevil.example'],
  ['encoded slashes', '/%2F%2Fevil.example'],
  ['encoded slash after the slash', '/%2f/evil.example'],
  ['double-encoded slash', '/%252F/evil.example'],
  ['double-encoded backslash', '/%255c/evil.example'],
  ['encoded line separator', '/%E2%80%A8/evil.example'],
  ['malformed escape', '/%E0%A4%A'],
  ['dot segments collapsing into //', '/..//evil.example'],
  ['single dot collapsing into //', '/.//evil.example'],
  ['encoded dot segments collapsing into //', '/%2e%2e//evil.example'],
  ['dot segments and encoded slashes', '/..%2F%2Fevil.example'],
  ['all of it encoded', '/%2e%2e%2f%2fevil.example'],
  ['javascript: URL', 'javascript:alert(document.cookie)'],
  ['data: URL', 'data:text/html,<script>alert(1)</script>'],
  ['relative path without a slash', 'evil.example/phish'],
  ['userinfo trick', 'http://127.0.0.1:3110@evil.example/'],
  ['empty', ''],
  ['absurdly long', `/${'a'.repeat(3000)}`],
  ['missing', undefined],
  ['repeated parameter', ['/members', '//evil.example']],
  ['not a string', 42],
];

/** Return URLs the console makes itself (the proxy, requirePagePermission, QA links). */
const GOOD: [string, string][] = [
  ['/', '/'],
  ['/members/9999999999999999999', '/members/9999999999999999999'],
  ['/audit?actor=agent%40konaplate.test&from=2024-01-01', '/audit?actor=agent%40konaplate.test&from=2024-01-01'],
  ['/members/1/issue?name=Kim%20Min&address=Seoul%2C%20Korea', '/members/1/issue?name=Kim%20Min&address=Seoul%2C%20Korea'],
  ['/qa/inspector?correlationId=K20240101#entry', '/qa/inspector?correlationId=K20240101#entry'],
  ['/members/1/cards/ABC123/reissue', '/members/1/cards/ABC123/reissue'],
  ['/admin/operators', '/admin/operators'],
  ['/members/1/../2', '/members/2'],
  ['/audit/100%25', '/audit/100%25'],
];

describe('safeRedirectPath', () => {
  it.each(HOSTILE)('sends %s home', (_what, candidate) => {
    expect(safeRedirectPath(candidate)).toBe('/');
  });

  it.each(GOOD)('keeps %s', (candidate, expected) => {
    expect(safeRedirectPath(candidate)).toBe(expected);
  });
});

describe('safeRedirectUrl (next-auth redirect callback)', () => {
  const baseUrl = 'http://127.0.0.1:3110';

  it('makes a good path absolute on the console', () => {
    expect(safeRedirectUrl('/audit?page=2', baseUrl)).toBe('http://127.0.0.1:3110/audit?page=2');
  });

  it('keeps an absolute URL on the console (next-auth stores callback URLs that way)', () => {
    expect(safeRedirectUrl('http://127.0.0.1:3110/members/1', baseUrl)).toBe('http://127.0.0.1:3110/members/1');
    expect(safeRedirectUrl('http://127.0.0.1:3110', baseUrl)).toBe('http://127.0.0.1:3110/');
  });

  it.each([
    'https://evil.example/phish',
    'http://127.0.0.1:3110.evil.example/',
    'http://127.0.0.1:3110@evil.example/',
    'http://127.0.0.1:3110/\\evil.example/phish',
    'http://127.0.0.1:3110//evil.example',
    'http://127.0.0.1:3110/%09/evil.example',
    'https://127.0.0.1:3110/members',
    '/\\evil.example/phish',
  ])('sends %s to the console home', (url) => {
    expect(safeRedirectUrl(url, baseUrl)).toBe('http://127.0.0.1:3110/');
  });
});
