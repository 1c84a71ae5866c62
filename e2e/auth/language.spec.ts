import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  callFormAction,
  createEnrolledOperator,
  formData,
  NEW_OPERATOR_PASSWORD,
  nextTotpCode,
  storageStateOf,
  type OperatorLogin,
} from '../fixtures/operators';
import { expectAccessible } from '../fixtures/page-checks';

/**
 * The console in Korean (the agents' language) and English: the browser's Accept-Language
 * before anything is chosen, the language switch (a cookie before sign-in), and the operator's
 * saved choice, which wins over both once signed in.
 */

/** Signs in on the sign-in page, whatever its language (the fields by name, not by label). */
async function signInAnyLanguage(page: Page, operator: OperatorLogin) {
  await page.locator('input[name="email"]').fill(operator.email);
  await page.locator('input[name="password"]').fill(operator.password);
  await page.locator('input[name="otp"]').fill(await nextTotpCode(operator));
  await page.locator('form button[type="submit"]').click();
}

async function chooseLanguage(page: Page, name: '한국어' | 'English') {
  await page.getByRole('combobox', { name: /^(Language|언어)$/ }).selectOption({ label: name });
}

async function freshPage(browser: Browser, locale: string): Promise<Page> {
  return (await browser.newContext({ storageState: undefined, locale })).newPage();
}

test.describe('[anonymous] the sign-in page in Korean', () => {
  test.use({ locale: 'ko-KR' });

  test('a Korean browser reads the sign-in page in Korean, errors too', async ({ page }) => {
    await page.goto('/sign-in?error=SessionEnded');
    await expect(page).toHaveTitle('로그인 · Konaplate 콘솔');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('heading', { name: 'Konaplate 콘솔', level: 1 })).toBeVisible();
    await expect(page.getByLabel('이메일')).toBeVisible();
    await expect(page.getByLabel('비밀번호')).toBeVisible();
    await expect(page.getByLabel('일회용 인증 코드')).toBeVisible();
    await expect(page.getByRole('button', { name: '로그인', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: '회사 계정으로 로그인' })).toBeVisible();
    await expect(page.getByTestId('sign-in-error')).toContainText('세션이 종료되었습니다.');
    const demo = page.getByRole('region', { name: '샌드박스 데모 운영자' });
    await expect(demo.getByRole('cell', { name: '상담원', exact: true })).toBeVisible();
    await expect(demo.getByRole('cell', { name: '관리자', exact: true })).toBeVisible();
    // No English left of the page's own words.
    for (const english of ['Sign in', 'Email', 'Password', 'Authentication code', 'Company sign-in', 'Sandbox demo operators', 'Your session ended']) {
      await expect(page.getByText(english)).toHaveCount(0);
    }
    await page.screenshot({ path: 'test-results/language/sign-in-ko.png', fullPage: true });
    await expectAccessible(page);
  });

  test('a wrong password is refused in Korean', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('이메일').fill('agent@konaplate.test');
    await page.getByLabel('비밀번호').fill('not-the-password');
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await expect(page.getByTestId('sign-in-error')).toHaveText(/^이메일, 비밀번호 또는 인증 코드가 올바르지 않습니다\./);
  });
});

test.describe('[agent] the console in Korean', () => {
  test.use({ locale: 'ko-KR', storageState: storageStateOf('agent') });

  test('the app bar, the navigation and the account menu', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    const nav = page.getByRole('navigation', { name: '주 메뉴' });
    await expect(nav.getByRole('link', { name: '회원 조회' })).toBeVisible();
    await expect(nav.getByRole('link', { name: '미등록 카드 조회' })).toBeVisible();
    await expect(page.getByText('샌드박스 연결')).toBeVisible();
    await expect(page.getByTestId('operator-roles')).toHaveText('상담원');
    await expect(page.getByRole('combobox', { name: /^언어/ })).toContainText('한국어');
    await page.screenshot({ path: 'test-results/language/home-ko.png' });
    await expectAccessible(page);

    await page.getByRole('button', { name: '계정 메뉴' }).click();
    await expect(page.getByRole('menuitem', { name: '내 계정 및 비밀번호' })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: '로그아웃', exact: true })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: '모든 브라우저에서 로그아웃' })).toBeVisible();
    for (const english of ['Members', 'Unregistered card', 'Sandbox upstream', 'Agent', 'Sign out', 'Account and password']) {
      await expect(page.getByText(english, { exact: true })).toHaveCount(0);
    }
    await expectAccessible(page);
  });

  test('the account page', async ({ page }) => {
    await page.goto('/account');
    await expect(page).toHaveTitle('내 계정 · Konaplate 콘솔');
    await expect(page.getByRole('heading', { name: '내 계정', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: '2단계 인증' })).toBeVisible();
    await expect(page.getByTestId('mfa-status')).toContainText('복구 코드 10개 중');
    const form = page.getByRole('form', { name: '비밀번호 변경' });
    await expect(form.getByLabel('현재 비밀번호')).toBeVisible();
    await expect(form.getByLabel('새 비밀번호 확인')).toBeVisible();
    await expect(form.getByRole('button', { name: '비밀번호 변경' })).toBeVisible();
    for (const english of ['Account', 'Two-factor authentication', 'Change your password', 'Current password', 'recovery codes left']) {
      await expect(page.getByText(english)).toHaveCount(0);
    }
    await page.screenshot({ path: 'test-results/language/account-ko.png', fullPage: true });
    await expectAccessible(page);
  });

  test('the idle-timeout dialog counts down in Korean', async ({ page }) => {
    await page.route('**/api/session', (route) => route.fulfill({ json: { signedIn: true, remainingMs: 50_000 } }));
    await page.goto('/');
    const dialog = page.getByRole('alertdialog', { name: '계속 사용 중이신가요?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('idle-time-left')).toHaveText(/^\d+초$/);
    await expect(dialog.getByRole('button', { name: '로그인 유지' })).toBeFocused();
    await expect(dialog.getByRole('button', { name: '로그아웃' })).toBeVisible();
    await expectAccessible(page);
  });

  test('a page the role does not open answers 403 in Korean', async ({ page }) => {
    const response = await page.goto('/admin/operators');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: '현재 역할로는 이 페이지를 열 수 없습니다', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: '콘솔로 돌아가기' })).toBeVisible();
    await expect(page.getByText('Forbidden')).toHaveCount(0);
    await expectAccessible(page);
  });

  test('an address the console does not have answers 404 in Korean', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle('페이지 없음 · Konaplate 콘솔');
    await expect(page.getByRole('heading', { name: '없는 페이지입니다', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: '콘솔로 돌아가기' })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe('[agent] setting up MFA in Korean', () => {
  test.use({ locale: 'ko-KR' });

  test('the enrolment step, a refused code and the recovery codes', async ({ page, playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL, storageState: storageStateOf('admin') });
    const email = `enrol-ko-${Date.now()}@konaplate.test`;
    const operator: OperatorLogin = { email, password: NEW_OPERATOR_PASSWORD, name: '이상담' };
    const created = await callFormAction(admin, '/admin/operators', 'createOperatorAction', [
      { status: 'idle' },
      formData({ email, name: operator.name, roles: 'agent', password: operator.password }),
    ]);
    expect(created.body).toContain('"status":"ok"');
    await admin.dispose();

    await page.goto('/sign-in');
    await page.getByLabel('이메일').fill(email);
    await page.getByLabel('비밀번호').fill(operator.password);
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in\/enrol/);
    await expect(page).toHaveTitle('인증 앱 설정 · Konaplate 콘솔');
    await expect(page.getByRole('heading', { name: '인증 앱 설정', level: 1 })).toBeVisible();
    await expect(page.getByText('이상담님, 콘솔에 로그인할 때마다')).toBeVisible();
    await expect(page.getByRole('img', { name: /QR 코드: 인증 앱으로 스캔하세요/ })).toBeVisible();
    await page.getByLabel('앱의 인증 코드').fill('000000');
    await page.getByRole('button', { name: '확인 후 계속' }).click();
    await expect(page.getByText('코드가 일치하지 않습니다.').first()).toBeVisible();
    for (const english of ['Set up your authenticator app', 'Code from the app', 'Confirm and continue', 'Not now', 'That code does not match']) {
      await expect(page.getByText(english)).toHaveCount(0);
    }
    await page.screenshot({ path: 'test-results/language/enrol-ko.png', fullPage: true });
    await expectAccessible(page);

    operator.secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
    await page.getByLabel('앱의 인증 코드').fill(await nextTotpCode(operator));
    await page.getByRole('button', { name: '확인 후 계속' }).click();
    await expect(page.getByText('인증 앱이 설정되었습니다.')).toBeVisible();
    await expect(page.getByRole('heading', { name: '복구 코드' })).toBeVisible();
    await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
    await expectAccessible(page);
    await page.getByRole('link', { name: '저장했습니다. 콘솔로 이동' }).click();
    await expect(page.getByTestId('operator-name')).toHaveText(operator.name);
  });
});

test.describe('[agent] error pages in English', () => {
  test.use({ storageState: storageStateOf('agent') });

  test('an address the console does not have answers 404', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle('Page not found · Konaplate Console');
    await expect(page.getByRole('heading', { name: 'This page does not exist', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the console' }).click();
    await expect(page.getByTestId('operator-name')).toBeVisible();
  });
});

test.describe('[agent] the language switch', () => {
  test('is kept through sign-in and sign-out, and the operator’s choice wins over the browser’s', async ({ browser, playwright, baseURL }) => {
    // An operator of this journey's own: their saved language must not leak into other journeys.
    const admin = await playwright.request.newContext({ baseURL, storageState: storageStateOf('admin') });
    const theirs = await playwright.request.newContext({ baseURL });
    const operator = await createEnrolledOperator(admin, theirs, `language-${Date.now()}@konaplate.test`);
    await Promise.all([admin.dispose(), theirs.dispose()]);

    // An English browser chooses Korean before signing in: the console opens in Korean.
    const page = await freshPage(browser, 'en-US');
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    await chooseLanguage(page, '한국어');
    await expect(page.getByRole('button', { name: '로그인', exact: true })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '언어를 바꿨습니다.' })).toHaveCount(1);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await signInAnyLanguage(page, operator);
    await expect(page.getByTestId('operator-name')).toHaveText(operator.name);
    await expect(page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '회원 조회' })).toBeVisible();

    // English from the app bar, then sign out: the sign-in page stays English.
    await chooseLanguage(page, 'English');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Language changed.' })).toHaveCount(1);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    await page.context().close();

    // Another browser, a Korean one: Korean until the operator signs in, then their English.
    const elsewhere = await freshPage(browser, 'ko-KR');
    await elsewhere.goto('/sign-in');
    await expect(elsewhere.getByRole('button', { name: '로그인', exact: true })).toBeVisible();
    await signInAnyLanguage(elsewhere, operator);
    await expect(elsewhere.getByTestId('operator-name')).toHaveText(operator.name);
    await expect(elsewhere.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' })).toBeVisible();
    await expect(elsewhere.getByRole('button', { name: 'Account menu' })).toBeVisible();
    await expect(elsewhere.locator('html')).toHaveAttribute('lang', 'en');
    await elsewhere.context().close();
  });
});
