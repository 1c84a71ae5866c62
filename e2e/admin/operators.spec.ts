import { expect, test, type Browser, type Page } from '@playwright/test';
import { storageStateOf } from '../fixtures/operators';

const PASSWORD = 'correct-horse-battery';

async function createOperator(page: Page, email: string, roles: string[]) {
  await page.goto('/admin/operators');
  const form = page.getByRole('region', { name: 'New operator' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Name').fill(`Test ${email.split('@')[0]}`);
  await form.getByLabel('Initial password').fill(PASSWORD);
  for (const role of roles) await form.getByLabel(role, { exact: true }).check();
  await form.getByRole('button', { name: 'Create operator' }).click();
  await expect(form.getByText(`Operator ${email} created.`)).toBeVisible();
}

async function signInPage(browser: Browser, email: string, password = PASSWORD) {
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
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
    await createOperator(page, email, ['Agent']);

    const theirPage = await signInPage(browser, email);
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

    const again = await signInPage(browser, email);
    await expect(again.getByTestId('sign-in-error')).toContainText('deactivated');
  });

  test('locks an operator after repeated failures, even for the right password', async ({ page, browser }) => {
    const email = `lock-${Date.now()}@konaplate.test`;
    await createOperator(page, email, ['QA']);
    const theirPage = await signInPage(browser, email, 'wrong-password-1');
    for (let attempt = 2; attempt <= 5; attempt++) {
      await theirPage.getByLabel('Password').fill(`wrong-password-${attempt}`);
      await theirPage.getByRole('button', { name: 'Sign in' }).click();
      await expect(theirPage.getByTestId('sign-in-error')).toBeVisible();
    }
    await expect(theirPage.getByTestId('sign-in-error')).toContainText('locked');
    await theirPage.getByLabel('Password').fill(PASSWORD);
    await theirPage.getByRole('button', { name: 'Sign in' }).click();
    await expect(theirPage.getByTestId('sign-in-error')).toContainText('locked');
    await page.reload();
    await expect(page.getByTestId(`operator-${email}`).getByText('locked')).toBeVisible();
  });

  test('sign out everywhere ends the other sessions of the operator', async ({ page, browser }) => {
    const email = `multi-${Date.now()}@konaplate.test`;
    await createOperator(page, email, ['Agent']);
    const first = await signInPage(browser, email);
    const second = await signInPage(browser, email);
    await expect(second.getByTestId('operator-name')).toBeVisible();
    await first.getByRole('button', { name: 'Account menu' }).click();
    await first.getByRole('menuitem', { name: 'Sign out everywhere' }).click();
    await expect(first).toHaveURL(/\/sign-in/);
    await second.goto('/');
    await expect(second).toHaveURL(/\/sign-in/);
  });
});
