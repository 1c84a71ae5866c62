import { expect, test } from '@playwright/test';
import { E2E } from '../../playwright.config';

test.describe('[anonymous] health', () => {
  test('liveness: the process answers', async ({ request }) => {
    const response = await request.get('/api/health/live');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'live' });
  });

  test('readiness: the database and the upstream answer, and nothing more is said', async ({ request }) => {
    const response = await request.get('/api/health', { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
    const body = (await response.json()) as { status: string; checks: Record<string, { ok: boolean; ms: number }> };
    expect(body.status).toBe('ready');
    expect(Object.keys(body.checks).sort()).toEqual(['database', 'upstream']);
    expect(Object.values(body.checks).every((check) => check.ok)).toBe(true);
    // No address, port or key of the upstream or the database.
    expect(JSON.stringify(body)).not.toMatch(new RegExp(`127\\.0\\.0\\.1|${E2E.sandboxPort}|open-api|pglite|sandbox`, 'i'));
  });
});
