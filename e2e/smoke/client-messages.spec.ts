import { expect, test, type Page } from '@playwright/test';
import { storageStateOf, type Role } from '../fixtures/operators';

/**
 * Each page sends the browser only the messages its client components use (the table read from
 * the code, lib/i18n/client-namespaces.ts). A namespace missing from it would show keys instead
 * of words: next-intl reports it in the console (MISSING_MESSAGE), which fails here. Every page,
 * as a role that may open it, in both languages.
 */
const MEMBER = '9999999999999999999';
const PAGES: Record<Role, string[]> = {
  agent: ['/', `/members/${MEMBER}`, `/members/${MEMBER}/issue`, '/cards/unregistered', '/account', '/approvals'],
  manager: [`/members/${MEMBER}/timeline`, '/audit', '/review', '/review/access', '/review/overview'],
  qa: ['/qa', '/qa/inspector'],
  admin: ['/admin/operators', '/admin/approvals'],
};

async function missingMessages(page: Page, path: string): Promise<string[]> {
  const missing: string[] = [];
  page.on('console', (message) => {
    if (/MISSING_MESSAGE|INSUFFICIENT_PATH|IntlError/.test(message.text())) missing.push(message.text());
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  return missing;
}

for (const locale of ['en-GB', 'ko-KR']) {
  for (const [role, paths] of Object.entries(PAGES) as [Role, string[]][]) {
    test.describe(`[${role}] ${locale}`, () => {
      test.use({ locale, storageState: storageStateOf(role) });
      for (const path of paths) {
        test(`${path} has every message it shows`, async ({ page }) => {
          expect(await missingMessages(page, path)).toEqual([]);
          await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        });
      }
    });
  }
}

test.describe('[agent] a card page', () => {
  test.use({ storageState: storageStateOf('agent') });
  test('a card of the member, opened from the list, has every message it shows', async ({ page }) => {
    const missing = await missingMessages(page, `/members/${MEMBER}`);
    await page.getByTestId('card-row').first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/cards\/[A-Za-z0-9]{27}$/);
    await page.waitForLoadState('networkidle');
    expect(missing).toEqual([]);
  });
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test('/sign-in has every message it shows', async ({ page }) => {
    expect(await missingMessages(page, '/sign-in')).toEqual([]);
  });
});
