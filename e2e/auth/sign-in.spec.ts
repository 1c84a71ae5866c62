import { expect, test } from '@playwright/test';
import { E2E } from '../../playwright.config';
import { demoEmail, demoOperator, submitSignIn } from '../fixtures/operators';

test.describe('[anonymous] sign-in', () => {
  test('is sent to sign-in with a return URL, and comes back after signing in with a code', async ({ page }) => {
    await page.goto('/admin/operators');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Foperators$/);
    await submitSignIn(page, demoOperator('admin'));
    await expect(page).toHaveURL(/\/admin\/operators$/);
    await expect(page.getByTestId('operator-name')).toHaveText('Avery Admin');
    await expect(page.getByTestId('operator-roles')).toHaveText('Admin');
  });

  test('lists the demo operators and their TOTP secrets while the upstream is the sandbox', async ({ page }) => {
    await page.goto('/sign-in');
    const demo = page.getByRole('region', { name: 'Sandbox demo operators' });
    for (const role of ['agent', 'manager', 'qa', 'admin'] as const) {
      await expect(demo.getByText(demoEmail(role))).toBeVisible();
      await expect(demo.getByText(demoOperator(role).secret!)).toBeVisible();
    }
  });

  test('a wrong password is refused with a plain message', async ({ page }) => {
    await page.goto('/sign-in');
    await submitSignIn(page, { ...demoOperator('agent'), password: 'not-the-password' }, { otp: '' });
    await expect(page.getByTestId('sign-in-error')).toHaveText(/^Wrong email, password or authentication code\./);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('before the page’s script runs, the form waits: Enter sends nothing, and a submission could only post', async ({ page }) => {
    // As on a slow line: the HTML is there, its script is not (yet).
    await page.route(/\/_next\/static\/.*\.js$/, (route) => route.abort());
    await page.goto('/sign-in');
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest()) sent.push(`${request.method()} ${request.url()}`);
    });
    const button = page.getByRole('button', { name: 'Sign in', exact: true });
    await expect(button).toBeDisabled();
    await page.getByLabel('Email').fill(demoEmail('agent'));
    await page.getByLabel('Password').fill(demoOperator('agent').password);
    // A disabled default button: no implicit submission (else a GET would put the password in the URL).
    await page.getByLabel('Password').press('Enter');
    await page.waitForLoadState('networkidle');
    expect(sent).toEqual([]);
    await expect(page.getByLabel('Password')).toHaveValue(demoOperator('agent').password);
    await expect(page.locator('form').filter({ has: button })).toHaveAttribute('method', 'post');
  });

  test('a return URL to another site is ignored', async ({ page }) => {
    await page.goto('/sign-in?callbackUrl=https://evil.example/');
    await submitSignIn(page, demoOperator('agent'));
    await expect(page).toHaveURL(`${E2E.consoleUrl}/`);
  });
});

test.describe('[agent] sign-out', () => {
  test('signs out from the account menu and cannot come back without signing in', async ({ page }) => {
    await page.goto('/sign-in');
    await submitSignIn(page, demoOperator('agent'));
    await expect(page.getByTestId('operator-name')).toHaveText('Ada Agent');
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2F/);
  });
});
