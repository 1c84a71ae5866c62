import { expect, test, type Browser } from '@playwright/test';
import { createOperatorOnPage as createOperator, enrolOnPage, storageStateOf, submitSignIn, type OperatorLogin } from '../fixtures/operators';

/**
 * A new browser signing the operator in: with the next code once enrolled; the first time, the
 * enrolment step follows (`enrol`, the default), or the page is left as the sign-in answered.
 */
async function signInPage(browser: Browser, operator: OperatorLogin, { password = operator.password, enrol = true } = {}) {
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  await page.goto('/sign-in');
  const firstTime = !operator.secret;
  await submitSignIn(page, { ...operator, password });
  if (firstTime && enrol) await enrolOnPage(page, operator);
  return page;
}

test.describe('[admin] operators', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('validates a new operator next to each field', async ({ page }) => {
    await page.goto('/admin/operators');
    const form = page.getByRole('region', { name: 'New operator' });
    await form.getByLabel('Email').fill('not-an-email');
    await form.getByLabel('Initial password').fill('short');
    await form.getByRole('button', { name: 'Create operator' }).click();
    await expect(form.getByText('Enter a valid email address.')).toBeVisible();
    await expect(form.getByText('Enter the operator’s name.')).toBeVisible();
    await expect(form.getByText('At least 12 characters.')).toBeVisible();
    await expect(form.getByText('Choose at least one role.')).toBeVisible();
  });

  test('creates an operator, changes their roles, and deactivation ends their access at once', async ({ page, browser }) => {
    const email = `ops-${Date.now()}@konaplate.test`;
    const operator = await createOperator(page, email, ['Agent']);

    const theirPage = await signInPage(browser, operator);
    await expect(theirPage.getByTestId('operator-roles')).toHaveText('Agent');

    const row = page.getByTestId(`operator-${email}`);
    await row.getByLabel('Manager').check();
    await expect(page.getByText(`Roles of ${email} saved.`)).toBeVisible();
    await theirPage.reload();
    await expect(theirPage.getByTestId('operator-roles')).toHaveText('Agent · Manager');

    await row.getByRole('button', { name: 'Deactivate' }).click();
    await expect(page.getByText(`${email} deactivated.`)).toBeVisible();
    await theirPage.goto('/');
    await expect(theirPage).toHaveURL(/\/sign-in/);

    const again = await signInPage(browser, operator);
    await expect(again.getByTestId('sign-in-error')).toContainText('deactivated');
  });

  test('locks an operator after repeated failures, even for the right password', async ({ page, browser }) => {
    const email = `lock-${Date.now()}@konaplate.test`;
    const operator = await createOperator(page, email, ['QA']);
    const theirPage = await signInPage(browser, operator, { password: 'wrong-password-1', enrol: false });
    for (let attempt = 2; attempt <= 5; attempt++) {
      await theirPage.getByLabel('Password').fill(`wrong-password-${attempt}`);
      await theirPage.getByRole('button', { name: 'Sign in' }).click();
      await expect(theirPage.getByTestId('sign-in-error')).toBeVisible();
    }
    await expect(theirPage.getByTestId('sign-in-error')).toContainText('locked');
    await theirPage.getByLabel('Password').fill(operator.password);
    await theirPage.getByRole('button', { name: 'Sign in' }).click();
    await expect(theirPage.getByTestId('sign-in-error')).toContainText('locked');
    await page.reload();
    await expect(page.getByTestId(`operator-${email}`).getByText('locked')).toBeVisible();
  });

  test('sign out everywhere ends the other sessions of the operator', async ({ page, browser }) => {
    const email = `multi-${Date.now()}@konaplate.test`;
    const operator = await createOperator(page, email, ['Agent']);
    const first = await signInPage(browser, operator);
    const second = await signInPage(browser, operator);
    await expect(second.getByTestId('operator-name')).toBeVisible();
    await first.getByRole('button', { name: 'Account menu' }).click();
    await first.getByRole('menuitem', { name: 'Sign out everywhere' }).click();
    await expect(first).toHaveURL(/\/sign-in/);
    await second.goto('/');
    await expect(second).toHaveURL(/\/sign-in/);
  });
});
