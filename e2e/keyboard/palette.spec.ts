import { expect, test, type Page } from '@playwright/test';
import { callServerAction, demoOperator, nextTotpCode, storageStateOf } from '../fixtures/operators';
import { expectAccessible, expectNoEnglish, screenshot } from '../fixtures/page-checks';
import { sandbox } from '../fixtures/sandbox';

const MEMBER = '9999999999999999999';
const PAR = 'Q1J4D526JR3WG30EM2U8LDJSE8V'; // one of MEMBER's cards
const UNSEEN_PAR = 'Q1J4Q8BHQVN4GTGLX0X6SJ09FPH'; // a card of another member, never looked at in these journeys

const SIGNED_OUT = { cookies: [], origins: [] };

test.beforeEach(() => sandbox.reset());

/** Nothing focused: as after clicking a page's background. */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

/** What has the focus, as `tag#id` (`body` when nothing does): a failure names it. */
const focusedElement = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element && `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}`;
  });

async function openPalette(page: Page) {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Go to' });
  await expect(palette.getByRole('combobox', { name: 'Member id, card PAR or page' })).toBeFocused();
  return palette;
}

test.describe('[agent] keyboard first', () => {
  test.use({ storageState: storageStateOf('agent') });

  test('/ puts the cursor in the member search, and is a character while typing', async ({ page }) => {
    await page.goto(`/members/${MEMBER}`);
    const search = page.getByRole('search', { name: "Find a member's cards" }).getByLabel('Member id');
    const searchFocused = `input#${await search.getAttribute('id')}`;
    // Until the page has hydrated, / does nothing and the field may take the focus back (its
    // autofocus, on mount): try until the shortcut answers. It selects the whole id, ready to retype.
    // Bounded below the test's timeout, so that a failure reports the last attempt's assertion.
    await expect(async () => {
      await search.fill(MEMBER);
      await blur(page);
      await expect(search).not.toBeFocused({ timeout: 0 });
      await page.keyboard.press('/');
      await expect.poll(() => focusedElement(page), { timeout: 1000 }).toBe(searchFocused);
      await expect(search).toHaveValue(MEMBER, { timeout: 0 });
      expect(await search.evaluate((field: HTMLInputElement) => [field.selectionStart, field.selectionEnd])).toEqual([0, MEMBER.length]);
    }).toPass({ timeout: 45_000 });
    // Typing in a field, / is a character.
    await page.getByLabel('PAR').focus();
    await page.keyboard.press('/');
    await expect(page.getByLabel('PAR')).toHaveValue('/');
  });

  test('/ on a page without the search goes to the search page, the cursor in its field', async ({ page }) => {
    await page.goto('/account');
    // The shortcut answers once the page has hydrated.
    await expect(async () => {
      await blur(page);
      await page.keyboard.press('/');
      await expect(page).toHaveURL('/', { timeout: 1000 });
    }).toPass();
    await expect(page.getByLabel('Member id')).toBeFocused();
  });

  test('Ctrl+K, a member id, Enter: the member’s page', async ({ page }) => {
    await page.goto('/account');
    const palette = await openPalette(page);
    await page.keyboard.type(MEMBER);
    await expect(palette.getByRole('option', { name: `Member ${MEMBER}` })).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/members/${MEMBER}`);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('a member id the console would refuse is refused in the palette, with the reason', async ({ page }) => {
    await page.goto('/account');
    const palette = await openPalette(page);
    await page.keyboard.type('12345678901234567890');
    await expect(palette.getByText('The member id has at most 19 digits.')).toBeVisible();
    await expect(palette.getByRole('option', { name: /^Member / })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('Ctrl+K, the PAR of a card seen, Enter: the card’s page; a card not seen yet is said so', async ({ page }) => {
    // The console sees MEMBER's cards when it reads them.
    await page.goto(`/members/${MEMBER}`);
    await expect(page.getByTestId('card-row').first()).toBeVisible();
    await blur(page);
    let palette = await openPalette(page);
    await page.keyboard.type(UNSEEN_PAR);
    await page.keyboard.press('Enter');
    await expect(palette.getByText(`This console has not seen card ${UNSEEN_PAR} yet: search for its member first.`)).toBeVisible();
    await page.keyboard.press('Escape');
    // Closed (focus back where it was) before it opens again.
    await expect(page.getByRole('dialog')).toHaveCount(0);

    palette = await openPalette(page);
    await page.keyboard.type(PAR);
    await expect(palette.getByRole('option', { name: `Card ${PAR}` })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/members/${MEMBER}/cards/${PAR}`);
  });

  test('the PAR lookup refuses bad input sent straight to it, and answers no one signed out', async ({ page, browser }) => {
    await page.goto('/');
    for (const bad of ['\u202eQ1J4D526JR3WG30EM2U8LDJSE8', 'Q1J4D526JR3WG30EM2U8LDJSE8', `${PAR}\n`, '<script>alert(1)</script>', 42]) {
      const { body } = await callServerAction(page.request, '/', 'findCardByParAction', [bad]);
      expect(body, String(bad)).toContain('"status":"invalid"');
      expect(body).not.toContain('/members/');
    }
    const anonymous = (await browser.newContext({ storageState: SIGNED_OUT })).request;
    expect((await callServerAction(anonymous, '/', 'findCardByParAction', [PAR])).body).not.toContain(`/members/${MEMBER}/cards/`);
  });

  test('Ctrl+K offers only the pages the operator may use', async ({ page }) => {
    await page.goto('/');
    const palette = await openPalette(page);
    await expect(palette.getByRole('option', { name: 'Unregistered card' })).toBeVisible();
    await expect(palette.getByRole('option', { name: 'Audit' })).toHaveCount(0);
    await expect(palette.getByRole('option', { name: 'QA workbench' })).toHaveCount(0);
  });

  test('the whole journey with the keyboard alone: sign in, /, a member id, a card', async ({ browser }, testInfo) => {
    const page = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
    const agent = demoOperator('agent');
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByLabel('Email')).toBeFocused();
    // Signing in takes the page's script: its button waits for it.
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
    await page.keyboard.type(agent.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(agent.password);
    await page.keyboard.press('Tab');
    await page.keyboard.type(await nextTotpCode(agent));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/account');

    await page.keyboard.press('/');
    await expect(page).toHaveURL('/');
    await expect(page.getByLabel('Member id')).toBeFocused();
    await page.keyboard.type(MEMBER);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/members/${MEMBER}`);
    await expect(page.getByTestId('card-row').first()).toBeVisible();

    // Tab along the page to the first card's link.
    const firstCard = page.getByTestId('card-row').first().getByRole('link').first();
    for (let presses = 0; presses < 40 && !(await firstCard.evaluate((link) => link === document.activeElement)); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect(firstCard).toBeFocused();
    const href = await firstCard.getAttribute('href');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(href!);
    await expect(page.getByTestId('card-detail')).toBeVisible();
    await screenshot(page, testInfo, 'keyboard-journey-card');
  });
});

test.describe('[qa] the palette’s pages', () => {
  test.use({ storageState: storageStateOf('qa') });

  test('Ctrl+K, a page’s name, Enter: that page', async ({ page }) => {
    await page.goto('/');
    await blur(page);
    const palette = await openPalette(page);
    await page.keyboard.type('work');
    await expect(palette.getByRole('option')).toHaveText(['QA workbench']);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/qa');
    await page.getByRole('button', { name: 'Go to… Ctrl+K' }).click();
    await page.keyboard.type('aud');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/audit');
  });
});

test.describe('[agent] the palette in Korean', () => {
  test.use({ locale: 'ko-KR', extraHTTPHeaders: { 'Accept-Language': 'ko-KR' }, storageState: storageStateOf('agent') });

  test('speaks Korean and is accessible', async ({ page }, testInfo) => {
    await page.goto(`/members/${MEMBER}`);
    await expect(page.getByTestId('card-row').first()).toBeVisible();
    await blur(page);
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: '바로 가기' });
    await expect(palette.getByRole('combobox', { name: '회원 ID, 카드 PAR 또는 화면 이름' })).toBeFocused();
    await expect(palette.getByRole('option', { name: '미등록 카드 조회' })).toBeVisible();
    await page.keyboard.type(MEMBER);
    await expect(palette.getByRole('option', { name: `회원 ${MEMBER}` })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, testInfo, 'palette-ko');
    // The palette is a dialog outside the page's main: the same check as expectNoEnglish, on it.
    for (const english of ['Go to', 'Member id', 'Member', 'Card', 'Type a member id']) await expect(palette.getByText(english), english).toHaveCount(0);
    await expectNoEnglish(page, ['Member id']);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/members/${MEMBER}`);
    await expect(page.getByRole('button', { name: '바로 가기… Ctrl+K' })).toBeVisible();
  });
});
