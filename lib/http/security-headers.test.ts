import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, STATIC_SECURITY_HEADERS } from './security-headers';

const directivesOf = (policy: string) =>
  new Map(policy.split('; ').map((directive) => [directive.split(' ')[0]!, directive.split(' ').slice(1)]));

describe('contentSecurityPolicy', () => {
  const production = directivesOf(contentSecurityPolicy({ nonce: 'abc123==', development: false, https: false }));

  it('allows scripts and style elements only with the nonce in production', () => {
    expect(production.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(production.get('style-src')).toEqual(["'self'", "'nonce-abc123=='"]);
  });

  it('never allows eval in production, and inline only for style attributes', () => {
    const policy = contentSecurityPolicy({ nonce: 'n', development: false, https: true });
    expect(policy).not.toContain('unsafe-eval');
    expect(policy.split('; ').filter((directive) => directive.includes('unsafe-inline'))).toEqual([
      "style-src-attr 'unsafe-inline'",
    ]);
  });

  it('locks framing, plugins, base and form targets', () => {
    expect(production.get('frame-ancestors')).toEqual(["'none'"]);
    expect(production.get('object-src')).toEqual(["'none'"]);
    expect(production.get('base-uri')).toEqual(["'self'"]);
    expect(production.get('form-action')).toEqual(["'self'"]);
    expect(production.get('default-src')).toEqual(["'self'"]);
  });

  it('upgrades subresources only when served over https', () => {
    expect(production.has('upgrade-insecure-requests')).toBe(false);
    const https = directivesOf(contentSecurityPolicy({ nonce: 'n', development: false, https: true }));
    expect(https.get('upgrade-insecure-requests')).toEqual([]);
  });

  it("gives next dev the eval and inline styles it needs", () => {
    const development = directivesOf(contentSecurityPolicy({ nonce: 'n', development: true, https: false }));
    expect(development.get('script-src')).toContain("'unsafe-eval'");
    expect(development.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe('createNonce', () => {
  it('is 128 random bits in base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('STATIC_SECURITY_HEADERS', () => {
  it('turns off the powerful features and sniffing, and forbids framing', () => {
    const headers = Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value]));
    expect(headers).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    });
  });
});
