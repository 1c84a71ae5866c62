import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** proxy.ts with the console served at `publicUrl` (settings are read once per module load). */
async function proxyServedAt(publicUrl: string) {
  vi.stubEnv('NEXTAUTH_URL', publicUrl);
  vi.resetModules();
  return (await import('@/proxy')).proxy;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('proxy.ts', () => {
  it('sends an anonymous visitor to sign-in with a same-origin return URL, under the CSP', async () => {
    const proxy = await proxyServedAt('http://127.0.0.1:3110');
    const response = await proxy(new NextRequest('http://127.0.0.1:3110/audit?actor=a%20b'));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location')!);
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('callbackUrl')).toMatch(/^\/audit\?actor=a(\+|%20)b$/);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('never builds a return URL off the console', async () => {
    const proxy = await proxyServedAt('http://127.0.0.1:3110');
    for (const path of ['/%5Cevil.example/x', '/%09/evil.example', '/..%2F%2Fevil.example']) {
      const response = await proxy(new NextRequest(`http://127.0.0.1:3110${path}`));
      expect(new URL(response.headers.get('location')!).searchParams.get('callbackUrl'), path).toBe('/');
    }
  });

  it('lets sign-in render with a fresh nonce in the CSP and on the request', async () => {
    const proxy = await proxyServedAt('http://127.0.0.1:3110');
    const first = await proxy(new NextRequest('http://127.0.0.1:3110/sign-in?callbackUrl=%2F'));
    const second = await proxy(new NextRequest('http://127.0.0.1:3110/sign-in'));
    expect(first.headers.get('location')).toBeNull();
    const policy = first.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    // What Next.js hands the page as request headers.
    expect(first.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(second.headers.get('content-security-policy')).not.toBe(policy);
  });

  it('sends HSTS and upgrades subresources only when the public URL is https', async () => {
    const overHttp = await (await proxyServedAt('http://127.0.0.1:3110'))(new NextRequest('http://127.0.0.1:3110/sign-in'));
    expect(overHttp.headers.get('strict-transport-security')).toBeNull();
    expect(overHttp.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');

    const overHttps = await (await proxyServedAt('https://console.example.com'))(
      new NextRequest('https://console.example.com/sign-in'),
    );
    expect(overHttps.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(overHttps.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it('refuses a server-action body over 1 MB with a clear answer, before any page or action runs', async () => {
    const proxy = await proxyServedAt('http://127.0.0.1:3110');
    const post = (bytes: number) =>
      new NextRequest('http://127.0.0.1:3110/members/1/issue', {
        method: 'POST',
        headers: { 'Next-Action': 'abc', 'Content-Length': String(bytes) },
      });
    const refused = await proxy(post(2 * 1024 * 1024));
    expect(refused.status).toBe(413);
    expect(await refused.text()).toMatch(/larger than the console accepts \(1 MB\), so nothing was done/);
    expect((await proxy(post(2_000))).status).not.toBe(413);
  });
});
