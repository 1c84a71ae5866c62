import { expect, test } from '@playwright/test';
import { anyPoolOperator, submitSignIn } from '../fixtures/operators';

/**
 * PCI DSS 8.2.8: after SESSION_IDLE_MINUTES (15) without a request the session ends. The
 * browser asks the server how long is left (GET /api/session, which does not count as use); the
 * journeys below answer that question in the browser (page.route) so that a minute's warning
 * and the end come at once instead of after a quarter of an hour.
 */
test.describe('[agent] idle timeout', () => {
  test('the server says how long is left, and asking does not keep the session alive', async ({ browser }) => {
    const page = await (await browser.newContext()).newPage();
    await page.goto('/sign-in');
    await submitSignIn(page, anyPoolOperator());
    await expect(page.getByTestId('operator-name')).toBeVisible();
    const first = (await (await page.request.get('/api/session')).json()) as { signedIn: boolean; remainingMs: number };
    expect(first.signedIn).toBe(true);
    expect(first.remainingMs).toBeGreaterThan(14 * 60_000);
    expect(first.remainingMs).toBeLessThanOrEqual(15 * 60_000);
    await page.waitForTimeout(1_100);
    const second = (await (await page.request.get('/api/session')).json()) as { remainingMs: number };
    expect(second.remainingMs).toBeLessThan(first.remainingMs);
    await page.context().close();
  });

  test('a minute before the end a dialog offers to stay; staying keeps the session', async ({ browser }) => {
    const page = await (await browser.newContext()).newPage();
    let answer: { signedIn: boolean; remainingMs?: number } = { signedIn: true, remainingMs: 50_000 };
    await page.route('**/api/session', (route) => route.fulfill({ json: answer }));
    await page.goto('/sign-in');
    await submitSignIn(page, anyPoolOperator());
    await expect(page.getByTestId('operator-name')).toBeVisible();

    const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(/signed out in \d+ seconds without activity/);
    // Focus moves into the dialog, on the way to stay.
    await expect(dialog.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
    await page.screenshot({ path: 'test-results/auth/idle-dialog.png' });

    answer = { signedIn: true, remainingMs: 15 * 60_000 };
    await dialog.getByRole('button', { name: 'Stay signed in' }).click();
    await expect(dialog).toBeHidden();
    await page.goto('/');
    await expect(page.getByTestId('operator-name')).toBeVisible();
    await page.context().close();
  });

  test('when the time is up the browser goes to sign-in, and comes back after', async ({ browser }) => {
    const page = await (await browser.newContext()).newPage();
    const operator = anyPoolOperator();
    let asked = 0;
    await page.route('**/api/session', (route) =>
      ++asked === 1 ? route.fulfill({ json: { signedIn: true, remainingMs: 3_000 } }) : route.fulfill({ status: 401, json: { signedIn: false } }),
    );
    await page.goto('/sign-in?callbackUrl=%2Fcards%2Funregistered');
    await submitSignIn(page, operator);
    await expect(page.getByRole('alertdialog', { name: 'Are you still there?' })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in\?error=SessionEnded&callbackUrl=%2Fcards%2Funregistered$/, { timeout: 10_000 });
    await expect(page.getByTestId('sign-in-error')).toContainText('Your session ended');
    // Signed out for real: the console needs a new sign-in, which leads back.
    await page.unroute('**/api/session');
    expect((await page.request.get('/api/session', { maxRedirects: 0 })).status()).not.toBe(200);
    await submitSignIn(page, operator);
    await expect(page).toHaveURL(/\/cards\/unregistered$/);
  });
});
