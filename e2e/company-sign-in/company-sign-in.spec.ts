import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E } from '../../playwright.config';
import { COMPANY_ACCOUNTS, IDENTITY_PROVIDER, type CompanyAccount } from '../fixtures/company-accounts';
import { createOperatorOnPage, storageStateOf } from '../fixtures/operators';

/**
 * Company sign-in against a real OpenID Provider on loopback (identity-provider.ts): each
 * account stands for a case the console must handle, as a company deploying it would try.
 */

/** From the console's sign-in page through the provider's login and consent, in a fresh browser. */
async function companySignIn(browser: Browser, account: CompanyAccount): Promise<Page> {
  const page = await (await browser.newContext({ storageState: undefined })).newPage();
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Company sign-in' }).click();
  await loginAtProvider(page, account);
  return page;
}

async function loginAtProvider(page: Page, account: CompanyAccount) {
  await expect(page).toHaveURL(new RegExp(`^${IDENTITY_PROVIDER.issuer}/`));
  await page.locator('input[name="login"]').fill(account.subject);
  await page.locator('input[name="password"]').fill('any password: the provider’s development login');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test.describe('[anonymous] company sign-in', () => {
  test('signs a mapped agent in with the agent role, and a lead as manager', async ({ browser }) => {
    const agent = await companySignIn(browser, COMPANY_ACCOUNTS.agent);
    await expect(agent).toHaveURL(`${E2E.consoleUrl}/`);
    await expect(agent.getByTestId('operator-name')).toHaveText('Sora Agent');
    await expect(agent.getByTestId('operator-roles')).toHaveText('Agent');

    const lead = await companySignIn(browser, COMPANY_ACCOUNTS.lead);
    await expect(lead.getByTestId('operator-name')).toHaveText('Lee Lead');
    await expect(lead.getByTestId('operator-roles')).toHaveText('Manager');
  });

  test('reads e-mail and roles from userinfo when the ID token has none', async ({ browser }) => {
    const page = await companySignIn(browser, COMPANY_ACCOUNTS.userinfoOnly);
    await expect(page.getByTestId('operator-name')).toHaveText('Yoo Info');
    await expect(page.getByTestId('operator-roles')).toHaveText('Agent');
  });

  test('refuses a user with no mapped role, saying so', async ({ browser }) => {
    const page = await companySignIn(browser, COMPANY_ACCOUNTS.noRole);
    await expect(page).toHaveURL(/\/sign-in\?error=NoRole/);
    await expect(page.getByTestId('sign-in-error')).toHaveText(/has no console role/);
  });

  test('cancelling at the provider comes back to sign-in with a message, audited', async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: undefined })).newPage();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Company sign-in' }).click();
    await page.getByRole('link', { name: '[ Cancel ]' }).click();
    await expect(page).toHaveURL(/\/sign-in\?.*error=Callback/);
    await expect(page.getByTestId('sign-in-error')).toHaveText(/cancelled at the identity provider/);

    const admin = await (await browser.newContext({ storageState: storageStateOf('admin') })).newPage();
    await admin.goto('/audit?action=sign-in-failure&outcome=rejected');
    await expect(admin.getByRole('row').filter({ hasText: 'cancelled or refused at the identity provider' })).toHaveCount(1);
  });

  test('an unverified e-mail of an existing operator is refused, and the operator stays untouched', async ({ browser }) => {
    const page = await companySignIn(browser, COMPANY_ACCOUNTS.intruder);
    await expect(page).toHaveURL(/\/sign-in\?error=Unverified/);
    await expect(page.getByTestId('sign-in-error')).toHaveText(/not verified by the identity provider/);

    const admin = await (await browser.newContext({ storageState: storageStateOf('admin') })).newPage();
    await admin.goto('/admin/operators');
    const row = admin.getByTestId('operator-admin@konaplate.test');
    await expect(row.getByText('Avery Admin')).toBeVisible();
    await expect(row.getByRole('checkbox', { name: 'Admin' })).toBeChecked();
    await expect(row.getByRole('checkbox', { name: 'Manager' })).not.toBeChecked();
  });
});

test.describe('[admin] company identities', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('a user without an e-mail is refused until an admin links the identity to an operator', async ({ page, browser }) => {
    const refused = await companySignIn(browser, COMPANY_ACCOUNTS.noEmail);
    await expect(refused).toHaveURL(/\/sign-in\?error=NoEmail/);
    await expect(refused.getByTestId('sign-in-error')).toHaveText(/gives the console no e-mail address/);

    const email = `guest-${Date.now()}@konaplate.test`;
    await createOperatorOnPage(page, email, ['Agent']);
    const row = page.getByTestId(`operator-${email}`);
    await row.getByRole('button', { name: 'Link company sign-in' }).click();
    const dialog = page.getByRole('dialog', { name: `Company sign-in of ${email}` });
    // The refusal just recorded is offered, with what the provider claimed.
    await dialog.getByRole('button', { name: /Gu Est · no e-mail/ }).click();
    await expect(dialog.getByLabel('Subject (sub)')).toHaveValue(COMPANY_ACCOUNTS.noEmail.subject);
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await expect(page.getByText(`${email} now signs in with that company account.`)).toBeVisible();
    await expect(row.getByText('Company sign-in', { exact: true })).toBeVisible();

    const linked = await companySignIn(browser, COMPANY_ACCOUNTS.noEmail);
    await expect(linked).toHaveURL(`${E2E.consoleUrl}/`);
    await expect(linked.getByTestId('operator-name')).toHaveText('Gu Est');
    await expect(linked.getByTestId('operator-roles')).toHaveText('Agent');

    // The link is audited with the identity it names.
    await page.goto(`/audit?action=operator-change`);
    const linkEvent = page.getByRole('row').filter({ hasText: 'link company identity' }).filter({ hasText: `subject: ${COMPANY_ACCOUNTS.noEmail.subject}` });
    await expect(linkEvent.first()).toBeVisible();
  });

  test('a subject is refused next to the field when it has spaces or is linked to someone else', async ({ page, browser }) => {
    await page.goto('/admin/operators');
    await page.getByTestId('operator-qa@konaplate.test').getByRole('button', { name: 'Link company sign-in' }).click();
    const dialog = page.getByRole('dialog', { name: 'Company sign-in of qa@konaplate.test' });
    const subject = dialog.getByLabel('Subject (sub)');
    await subject.fill('sso agent');
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await expect(dialog.getByText('A subject is printable ASCII without spaces')).toBeVisible();

    // Sora Agent's identity belongs to the operator its first sign-in created.
    await companySignIn(browser, COMPANY_ACCOUNTS.agent);
    await subject.fill(COMPANY_ACCOUNTS.agent.subject);
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await expect(dialog.getByText('This identity is linked to sso.agent@corp.test.')).toBeVisible();
  });
});

test.describe('[anonymous] company sign-out', () => {
  test('ends the provider session too: the next company sign-in asks for credentials again', async ({ browser }) => {
    const page = await companySignIn(browser, COMPANY_ACCOUNTS.agent);
    await expect(page.getByTestId('operator-name')).toHaveText('Sora Agent');
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();

    // The provider's own logout page (RP-initiated logout), then back to the console.
    await expect(page).toHaveURL(new RegExp(`^${IDENTITY_PROVIDER.issuer}/session/end`));
    await page.getByRole('button', { name: /Yes, sign me out/i }).click();
    await expect(page).toHaveURL(/\/sign-in\?state=SignedOut/);

    await page.getByRole('button', { name: 'Company sign-in' }).click();
    await expect(page.locator('input[name="login"]')).toBeVisible();
    await loginAtProvider(page, COMPANY_ACCOUNTS.agent);
    await expect(page.getByTestId('operator-name')).toHaveText('Sora Agent');

    // Every sign-out is audited, and says whether the provider's session was ended too.
    const admin = await (await browser.newContext({ storageState: storageStateOf('admin') })).newPage();
    await admin.goto(`/audit?action=sign-out&operator=${encodeURIComponent(COMPANY_ACCOUNTS.agent.email)}`);
    await expect(admin.getByRole('row').filter({ hasText: 'identityProviderLogout: true' }).first()).toBeVisible();
  });
});
