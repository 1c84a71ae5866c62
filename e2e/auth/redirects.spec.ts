import { expect, test } from '@playwright/test';
import { E2E } from '../../playwright.config';
import { anyPoolOperator, apiSignIn, storageStateOf, submitSignIn } from '../fixtures/operators';

/**
 * Return URLs an attacker would hand an operator, exactly as they appear in the link's
 * query (`/sign-in?callbackUrl=…`). Each must leave the operator on the console.
 */
const HOSTILE_CALLBACKS = [
  '%2F%5Cevil.example%2Fphish', // /\evil.example/phish: the reported case
  '/%5Cevil.example/x',
  '/%09/evil.example', // a tab, which browsers strip: //evil.example
  '/%0a/evil.example',
  '%2F%2Fevil.example%2Fphish',
  'https%3A%2F%2Fevil.example%2Fphish',
  '%5C%2Fevil.example',
  '/%255c/evil.example', // double-encoded backslash
  '/..//evil.example',
  'javascript%3Aalert(1)',
] as const;

const consoleOrigin = E2E.consoleUrl;

test.describe('[anonymous] return URL after signing in', () => {
  for (const callback of HOSTILE_CALLBACKS) {
    test(`?callbackUrl=${callback} ends on the console`, async ({ page }) => {
      const offsite: string[] = [];
      await page.route((url) => url.hostname.endsWith('evil.example'), (route) => {
        offsite.push(route.request().url());
        return route.abort();
      });
      await page.goto(`/sign-in?callbackUrl=${callback}`);
      const operator = anyPoolOperator();
      await submitSignIn(page, operator);
      await expect(page.getByTestId('operator-name')).toHaveText(operator.name);
      expect(new URL(page.url()).origin).toBe(consoleOrigin);
      expect(page.url()).toBe(`${consoleOrigin}/`);
      expect(offsite).toEqual([]);
    });
  }

  test('a return URL on the console, with its query, is followed', async ({ page }) => {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent('/cards/unregistered?from=sign-in%20test')}`);
    await submitSignIn(page, anyPoolOperator());
    await expect(page).toHaveURL(`${consoleOrigin}/cards/unregistered?from=sign-in%20test`);
  });

  test('next-auth answers a hostile callbackUrl with the console', async ({ request }) => {
    for (const callback of HOSTILE_CALLBACKS) {
      const response = await apiSignIn(request, anyPoolOperator(), { callbackUrl: decodeURIComponent(callback) });
      const { url } = (await response.json()) as { url: string };
      expect(url, callback).toBe(`${consoleOrigin}/`);
    }
  });

  test('the proxy builds a return URL on the console only', async ({ request }) => {
    const signInFrom = async (path: string) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(307);
      const location = new URL(response.headers().location!, consoleOrigin);
      expect(location.pathname).toBe('/sign-in');
      return location.searchParams.get('callbackUrl');
    };
    // (Next.js itself answers `//evil.example` with a 308 to `/evil.example`.)
    expect(await signInFrom('/%5Cevil.example/x')).toBe('/');
    expect(await signInFrom('/%09/evil.example')).toBe('/');
    // Next.js writes the query's space as `+`: the same query.
    expect(await signInFrom('/audit?actor=a%20b')).toMatch(/^\/audit\?actor=a(\+|%20)b$/);
  });
});

test.describe('[agent] signed in, on the sign-in page', () => {
  test.use({ storageState: storageStateOf('agent') });

  test('is sent on only to the console', async ({ request }) => {
    for (const callback of HOSTILE_CALLBACKS) {
      const response = await request.get(`/sign-in?callbackUrl=${callback}`, { maxRedirects: 0 });
      expect(response.status(), callback).toBe(307);
      expect(response.headers().location, callback).toBe('/');
    }
    const good = await request.get(`/sign-in?callbackUrl=${encodeURIComponent('/audit?actor=a%20b')}`, { maxRedirects: 0 });
    expect(good.headers().location).toBe('/audit?actor=a%20b');
  });
});
