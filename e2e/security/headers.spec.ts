import { expect, test, type Page } from '@playwright/test';
import { demoOperator, storageStateOf, submitSignIn } from '../fixtures/operators';

/** The console's pages an admin can open (admin holds every read permission). */
const CONSOLE_PAGES = ['/', '/members/9999999999999999999', '/audit', '/qa', '/qa/inspector', '/cards/unregistered', '/admin/operators', '/account'];

const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];

/** Every CSP complaint the browser logs while the page lives. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

/**
 * The theme's stylesheet applied (it zeroes the body margin). That the nonce'd scripts ran, each
 * journey shows by what it does next: sign-in's button works only once React has hydrated it,
 * and so does the account menu.
 */
async function expectStyled(page: Page) {
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
}

test.describe('[anonymous] security headers', () => {
  test('a page carries a nonce-based CSP and the fixed headers, over http without HSTS', async ({ request }) => {
    const response = await request.get('/sign-in');
    expect(response.status()).toBe(200);
    const headers = response.headers();
    const policy = headers['content-security-policy']!;
    const nonce = nonceOf(policy);
    expect(nonce).toBeTruthy();
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).toContain(`style-src 'self' 'nonce-${nonce}'`);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toContain('unsafe-eval');
    // MUI's style attributes only; scripts and <style> elements need the nonce.
    expect(policy.split('; ').filter((directive) => directive.includes('unsafe-inline'))).toEqual([
      "style-src-attr 'unsafe-inline'",
    ]);
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    });
    expect(headers['strict-transport-security']).toBeUndefined();

    // Next.js and emotion put this response's nonce on every script and style they write.
    const html = await response.text();
    const tags = html.match(/<(script|style)\b[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  });

  test('every response gets a fresh nonce', async ({ request }) => {
    const nonces = new Set<string | undefined>();
    for (let i = 0; i < 3; i++) nonces.add(nonceOf((await request.get('/sign-in')).headers()['content-security-policy']!));
    expect(nonces.size).toBe(3);
  });

  test('the fixed headers are on API answers and static files too', async ({ request, page }) => {
    await page.goto('/sign-in');
    const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
    for (const path of ['/api/health/live', '/api/auth/csrf', script!]) {
      const headers = (await request.get(path)).headers();
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['x-frame-options'], path).toBe('DENY');
    }
  });

  test('the sign-in page renders, hydrates and signs in with no CSP violation', async ({ page }) => {
    const violations = watchViolations(page);
    await page.goto('/sign-in');
    await expectStyled(page);
    await submitSignIn(page, demoOperator('admin'));
    await expect(page.getByTestId('operator-name')).toHaveText('Avery Admin');
    expect(violations).toEqual([]);
  });
});

test.describe('[admin] console pages under the CSP', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('the session cookie is not Secure-only while the console is served over http', async ({ page }) => {
    await page.goto('/');
    const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith('next-auth.session-token'));
    expect(session).toMatchObject({ name: 'next-auth.session-token', secure: false, httpOnly: true });
  });

  for (const path of CONSOLE_PAGES) {
    test(`${path} renders and hydrates with no CSP violation`, async ({ page }) => {
      const violations = watchViolations(page);
      const response = await page.goto(path);
      expect(response?.headers()['content-security-policy']).toContain("'nonce-");
      await expectStyled(page);
      // The account menu opens only once React has hydrated the shell.
      await page.getByRole('button', { name: 'Account menu' }).click();
      await expect(page.getByRole('menuitem', { name: 'Sign out', exact: true })).toBeVisible();
      await page.keyboard.press('Escape');
      expect(violations).toEqual([]);
    });
  }
});
