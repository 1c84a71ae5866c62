import { expect, test, type Browser } from '@playwright/test';
import { createOperatorOnPage as createOperator, enrolOnPage, storageStateOf, submitSignIn, type OperatorLogin } from '../fixtures/operators';
import { expectAccessible } from '../fixtures/page-checks';

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
    // Their next request is refused. Their page may be on its way to sign-in already (its
    // session check runs on focus), which interrupts this navigation: either way it ends there.
    await theirPage.goto('/').catch(() => undefined);
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
    await second.goto('/').catch(() => undefined); // as above: its own session check may get there first
    await expect(second).toHaveURL(/\/sign-in/);
  });
});

test.describe('[admin] operators in Korean', () => {
  test.use({ locale: 'ko-KR', storageState: storageStateOf('admin') });

  test('the table, its dialogs and the answers of the server speak Korean', async ({ page }) => {
    await page.goto('/admin/operators');
    await expect(page).toHaveTitle('운영자 관리 · Konaplate 콘솔');
    await expect(page.getByRole('heading', { name: '운영자 관리', level: 1 })).toBeVisible();
    const table = page.getByRole('table', { name: '운영자 목록' });
    for (const header of ['운영자', '역할', '마지막 로그인', '상태', '접근 관리']) {
      await expect(table.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
    }
    const self = page.getByTestId('operator-admin@konaplate.test');
    await expect(self.getByRole('checkbox', { name: '관리자' })).toBeChecked();
    await expect(self.getByRole('checkbox', { name: '상담원' })).not.toBeChecked();
    await expect(self.getByText('사용 중')).toBeVisible();
    await expect(self.getByText('MFA 사용')).toBeVisible();
    const agent = page.getByTestId('operator-agent@konaplate.test');
    await expect(agent.getByRole('button', { name: 'MFA 초기화' })).toBeVisible();
    await expect(agent.getByRole('button', { name: '비활성화' })).toBeVisible();
    for (const english of ['Operators', 'Last sign-in', 'Reset MFA', 'Deactivate', 'Create operator', 'MFA on', 'active', 'Agent']) {
      await expect(page.getByText(english, { exact: true })).toHaveCount(0);
    }
    await page.screenshot({ path: 'test-results/language/operators-ko.png', fullPage: true });
    await expectAccessible(page);

    // The company sign-in dialog.
    await agent.getByRole('button', { name: '회사 계정 연결' }).click();
    const link = page.getByRole('dialog', { name: 'agent@konaplate.test의 회사 계정 로그인' });
    await expect(link.getByLabel('사용자 식별자(sub)')).toBeVisible();
    await expect(link.getByRole('button', { name: '연결', exact: true })).toBeVisible();
    await expectAccessible(page);
    await link.getByRole('button', { name: '취소' }).click();
    await expect(link).toBeHidden();

    // A new operator: the form, and the server's answers.
    const form = page.getByRole('region', { name: '운영자 추가' });
    const email = `ko-${Date.now()}@konaplate.test`;
    await form.getByLabel('이메일').fill(email);
    await form.getByLabel('이름').fill('김상담');
    await form.getByLabel('초기 비밀번호').fill('correct-horse-battery');
    await form.getByRole('checkbox', { name: '상담원' }).check();
    await form.getByRole('button', { name: '운영자 추가' }).click();
    await expect(form.getByText(`운영자 ${email}을(를) 추가했습니다.`)).toBeVisible();
    const row = page.getByTestId(`operator-${email}`);
    await expect(row.getByText('다음 로그인 때 MFA 설정')).toBeVisible();
    await row.getByRole('checkbox', { name: '매니저' }).check();
    await expect(page.getByText(`${email}의 역할을 저장했습니다.`)).toBeVisible();

    await row.getByRole('button', { name: 'MFA 초기화' }).click();
    const reset = page.getByRole('dialog', { name: `${email}의 MFA를 초기화할까요?` });
    await expect(reset.getByRole('button', { name: 'MFA 초기화' })).toBeVisible();
    await expectAccessible(page);
    await reset.getByRole('button', { name: '취소' }).click();
    await expect(reset).toBeHidden();
  });
});
