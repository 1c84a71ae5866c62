import { expect, test, type Browser, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import {
  apiSignIn,
  callServerAction,
  createEnrolledOperator,
  createOperatorOnPage,
  enrolOnPage,
  lastSpentCode,
  nextTotpCode,
  storageStateOf,
  submitSignIn,
  type OperatorLogin,
} from '../fixtures/operators';

/**
 * PCI DSS 8.4.2: every password operator signs in with a second factor (TOTP), set up at the
 * first sign-in; recovery codes work once; a code works once; an admin's reset makes the
 * operator set it up again; a password change needs the current password and a code.
 */

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ storageState: undefined })).newPage();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

test.describe('[admin] a new operator and MFA', () => {
  test.use({ storageState: storageStateOf('admin') });
  // One operator's story, step by step.
  test.describe.configure({ mode: 'serial' });

  let operator: OperatorLogin;
  let recoveryCodes: string[] = [];

  test('sets up an authenticator at the first sign-in; nothing of the console opens before', async ({ page, browser }) => {
    operator = await createOperatorOnPage(page, `mfa-${Date.now()}@konaplate.test`, ['Agent']);
    await expect(page.getByTestId(`operator-${operator.email}`).getByText('MFA at next sign-in')).toBeVisible();

    const theirs = await freshPage(browser);
    const violations: string[] = [];
    theirs.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    await theirs.goto('/cards/unregistered');
    await submitSignIn(theirs, operator, { otp: '' });
    await expect(theirs).toHaveURL(/\/sign-in\/enrol\?callbackUrl=%2Fcards%2Funregistered$/);
    await expect(theirs.getByRole('heading', { name: 'Set up your authenticator app' })).toBeVisible();
    await expect(theirs.getByRole('img', { name: /QR code for Konaplate Console/ })).toBeVisible();
    const secretShown = (await theirs.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
    await theirs.screenshot({ path: 'test-results/mfa/enrolment.png', fullPage: true });
    // The QR code is a data: image, which the CSP allows; nothing else is loaded or run.
    expect(violations).toEqual([]);

    // The password alone opens nothing: pages send back here, actions and routes refuse.
    await theirs.goto('/');
    await expect(theirs).toHaveURL(/\/sign-in\/enrol/);
    await theirs.goto('/sign-in');
    await expect(theirs).toHaveURL(/\/sign-in\/enrol/);
    const action = await callServerAction(theirs.request, '/admin/operators', 'setOperatorRolesAction', [
      { id: '00000000-0000-4000-8000-000000000000', roles: ['admin'] },
    ]);
    expect(action.body).toContain('"status":"unauthenticated"');
    expect((await theirs.request.get('/api/members/9999999999999999999/cards')).status()).toBe(401);
    // Back to the step, still on the way to the page asked for: the same secret (the app may
    // have scanned it already).
    await theirs.goto('/sign-in?callbackUrl=%2Fcards%2Funregistered');
    await expect(theirs).toHaveURL(/\/sign-in\/enrol\?callbackUrl=%2Fcards%2Funregistered$/);
    expect((await theirs.getByTestId('totp-secret').innerText()).replace(/\s+/g, '')).toBe(secretShown);

    // A wrong code is refused next to the field.
    await theirs.getByLabel('Code from the app').fill('000000');
    await theirs.getByRole('button', { name: 'Confirm and continue' }).click();
    await expect(theirs.getByText('That code does not match.').first()).toBeVisible();

    ({ recoveryCodes } = await enrolOnPage(theirs, operator));
    // On to where they were going.
    await expect(theirs).toHaveURL(/\/cards\/unregistered$/);
    expect(operator.secret).toBe(secretShown);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
    await theirs.goto('/account');
    await expect(theirs.getByTestId('mfa-status')).toContainText('10 of 10 recovery codes left');

    await page.reload();
    await expect(page.getByTestId(`operator-${operator.email}`).getByText('MFA on')).toBeVisible();
  });

  test('signs in with a recovery code once; the same recovery code is refused the second time', async ({ browser }) => {
    const theirs = await freshPage(browser);
    await theirs.goto('/sign-in');
    const recovery = recoveryCodes[0]!;
    // Typed in capitals without dashes, as read aloud from paper: the same code.
    await submitSignIn(theirs, operator, { otp: recovery.replace(/-/g, '').toUpperCase() });
    await expect(theirs.getByTestId('operator-name')).toHaveText(operator.name);
    await theirs.goto('/account');
    await expect(theirs.getByTestId('mfa-status')).toContainText('9 of 10 recovery codes left');
    await signOut(theirs);

    await submitSignIn(theirs, operator, { otp: recovery });
    await expect(theirs.getByTestId('sign-in-error')).toBeVisible();
    await expect(theirs).toHaveURL(/\/sign-in/);
    // Through the API as well.
    const response = await apiSignIn(theirs.request, operator, { otp: recovery });
    expect(((await response.json()) as { url: string }).url).toContain('error=CredentialsSignin');
  });

  test('an admin reset ends their sessions and has them set up a new authenticator', async ({ page, browser }) => {
    const theirs = await freshPage(browser);
    await theirs.goto('/sign-in');
    await submitSignIn(theirs, operator);
    await expect(theirs.getByTestId('operator-name')).toHaveText(operator.name);

    await page.goto('/admin/operators');
    const row = page.getByTestId(`operator-${operator.email}`);
    await row.getByRole('button', { name: 'Reset MFA' }).click();
    const dialog = page.getByRole('dialog', { name: `Reset MFA of ${operator.email}?` });
    await dialog.getByRole('button', { name: 'Reset MFA' }).click();
    await expect(page.getByText(`MFA of ${operator.email} reset`)).toBeVisible();
    await expect(row.getByText('MFA at next sign-in')).toBeVisible();

    // Their session has ended.
    await theirs.goto('/');
    await expect(theirs).toHaveURL(/\/sign-in/);
    // The password leads to a new set-up (whatever code comes with it), with a new secret.
    const oldSecret = operator.secret!;
    await submitSignIn(theirs, operator, { otp: '' });
    const { secret } = await enrolOnPage(theirs, operator);
    expect(secret).not.toBe(oldSecret);
    // The old recovery codes are gone with the old secret.
    await signOut(theirs);
    await submitSignIn(theirs, operator, { otp: recoveryCodes[1]! });
    await expect(theirs.getByTestId('sign-in-error')).toBeVisible();

    // The trail names each step.
    await page.goto(`/audit?operator=${encodeURIComponent(operator.email)}`);
    for (const label of ['MFA enrolled', 'Recovery code used', 'Sign-in failure']) {
      await expect(page.getByTestId('audit-row').filter({ hasText: label }).first()).toBeVisible();
    }
    await page.goto('/audit?action=mfa-reset');
    await expect(page.getByTestId('audit-row').filter({ hasText: operator.email }).first()).toBeVisible();
  });

});

/** A new operator, enrolled, with their recovery codes (each journey its own: a code works once). */
async function enrolledOperator(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string | undefined, prefix: string) {
  const admin = await playwright.request.newContext({ baseURL, storageState: storageStateOf('admin') });
  const theirs = await playwright.request.newContext({ baseURL });
  try {
    return await createEnrolledOperator(admin, theirs, `${prefix}-${Date.now()}@konaplate.test`);
  } finally {
    await Promise.all([admin.dispose(), theirs.dispose()]);
  }
}

test.describe('[agent] codes work once', () => {
  test('a code from the app signs in; the same code again is refused', async ({ browser, playwright, baseURL }) => {
    const operator = await enrolledOperator(playwright, baseURL, 'replay');
    const theirs = await freshPage(browser);
    await theirs.goto('/sign-in');
    await submitSignIn(theirs, operator);
    await expect(theirs.getByTestId('operator-name')).toHaveText(operator.name);
    await signOut(theirs);

    // Replayed within its 30 seconds: refused, and the form asks for a fresh one.
    await submitSignIn(theirs, operator, { otp: lastSpentCode(operator) });
    await expect(theirs.getByTestId('sign-in-error')).toContainText('A code works once');
    await expect(theirs.getByLabel('Authentication code')).toHaveValue('');
    await expect(theirs).toHaveURL(/\/sign-in/);
    // So is the password without a code, and the replay through the API.
    await submitSignIn(theirs, operator, { otp: '' });
    await expect(theirs.getByTestId('sign-in-error')).toBeVisible();
    const response = await apiSignIn(theirs.request, operator, { otp: lastSpentCode(operator) });
    expect(((await response.json()) as { url: string }).url).toContain('error=CredentialsSignin');
    await theirs.goto('/');
    await expect(theirs).toHaveURL(/\/sign-in/);
  });
});

test.describe('[agent] account', () => {
  test('changes their own password: current password and a code; other sessions end', async ({ browser, playwright, baseURL }) => {
    const operator = await enrolledOperator(playwright, baseURL, 'password');
    const [first, second, third] = operator.recoveryCodes as [string, string, string];
    // Two browsers, signed in with recovery codes (the app's codes are kept for the change).
    const here = await freshPage(browser);
    await here.goto('/sign-in');
    await submitSignIn(here, operator, { otp: first });
    await expect(here.getByTestId('operator-name')).toHaveText(operator.name);
    const elsewhere = await freshPage(browser);
    await elsewhere.goto('/sign-in');
    await submitSignIn(elsewhere, operator, { otp: second });
    await expect(elsewhere.getByTestId('operator-name')).toHaveText(operator.name);

    await here.getByRole('button', { name: 'Account menu' }).click();
    await here.getByRole('menuitem', { name: 'Account and password' }).click();
    await expect(here).toHaveURL(/\/account$/);
    const form = here.getByRole('form', { name: 'Change your password' });
    const field = (name: string) => form.locator(`input[name="${name}"]`);
    const newPassword = 'a-brand-new-passphrase';

    // Checked as typed: the rules of every password, the same one twice.
    await field('newPassword').fill('too-short');
    await field('confirmPassword').fill('something else');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(form.getByText('At least 12 characters.')).toBeVisible();
    await expect(form.getByText('Enter your current password.')).toBeVisible();
    await expect(form.getByText('Enter the 6-digit code from your authenticator app.')).toBeVisible();

    // A wrong current password is refused next to its field (the code is not even looked at).
    await field('currentPassword').fill('not-my-password');
    await field('code').fill('123456');
    await field('newPassword').fill(newPassword);
    await field('confirmPassword').fill(newPassword);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(form.getByText('This is not your current password.')).toBeVisible();

    await field('currentPassword').fill(operator.password);
    await field('code').fill(await nextTotpCode(operator));
    await form.getByRole('button', { name: 'Change password' }).click();
    // (The other browser, and the request that set the operator up.)
    await expect(form.getByText('Password changed. You were signed out on 2 other browsers.')).toBeVisible();

    // This browser stays; the other one is signed out.
    await here.goto('/');
    await expect(here.getByTestId('operator-name')).toHaveText(operator.name);
    await elsewhere.goto('/');
    await expect(elsewhere).toHaveURL(/\/sign-in/);
    // The old password no longer works; the new one does.
    await submitSignIn(elsewhere, operator, { otp: third });
    await expect(elsewhere.getByTestId('sign-in-error')).toBeVisible();
    await submitSignIn(elsewhere, { ...operator, password: newPassword }, { otp: third });
    await expect(elsewhere.getByTestId('operator-name')).toHaveText(operator.name);
  });
});
