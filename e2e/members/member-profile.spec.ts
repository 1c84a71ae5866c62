import { expect, test, type Browser } from '@playwright/test';
import resultCodes from '../../lib/i18n/messages/en/resultCodes.json' with { type: 'json' };
import { callServerAction, storageStateOf, type Role } from '../fixtures/operators';
import { sandbox, scenariosOf } from '../fixtures/sandbox';
import { expectAccessible, screenshot } from '../fixtures/page-checks';

/**
 * Whom the agent is speaking to: the member header on every member page (name, masked contact,
 * join channel, address), the audited reveal, and the profile's failures.
 */
const MEMBER = '9999999999999999999'; // 김하늘, profile with an address (sandbox fixture)
const FULL_MOBILE = '010-4827-1935';
const FULL_EMAIL = 'haneul.kim@example.com';

async function pageAs(browser: Browser, role: Role) {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return { page: await context.newPage(), close: () => context.close() };
}

test.beforeEach(() => sandbox.reset());
test.afterEach(() => sandbox.clearFaults());

test.describe('[agent] member profile', () => {
  test.use({ storageState: storageStateOf('agent') });

  test('sees whom they are speaking to, masked, reveals the contact once, and the reveal is audited', async ({ page, browser }, testInfo) => {
    await page.goto(`/members/${MEMBER}`);
    const header = page.getByRole('region', { name: 'Member profile' });
    await expect(header.getByRole('heading', { name: '김하늘', level: 2 })).toBeVisible();
    await expect(header.getByTestId('member-mobile')).toHaveText('010-••••-1935');
    await expect(header.getByTestId('member-email')).toHaveText('ha•••@example.com');
    await expect(header.getByTestId('member-join-channel')).toHaveText('App');
    await expect(header.getByTestId('member-address')).toHaveText('서울특별시 마포구 월드컵북로 396 상암동 월드컵파크 7단지 705동 1203호 (03925)');
    await expect(page.getByTestId('card-row').first()).toBeVisible();
    // Masked means masked: the full values are nowhere in the page until revealed.
    expect(await page.content()).not.toContain(FULL_MOBILE);
    expect(await page.content()).not.toContain(FULL_EMAIL);
    await expectAccessible(page);

    // Member pages within the minute share one profile read: two more page loads ask Konaplate at
    // most once (once only if the shared read, perhaps from an earlier journey, just turned a minute old).
    const before = await sandbox.calls('member-info');
    for (let load = 0; load < 2; load += 1) {
      await page.reload();
      await expect(header.getByTestId('member-name')).toHaveText('김하늘');
    }
    const profileCalls = await sandbox.calls('member-info');
    expect(profileCalls - before).toBeLessThanOrEqual(1);

    await header.getByRole('button', { name: 'Reveal' }).click();
    await expect(header.getByTestId('member-mobile')).toHaveText(FULL_MOBILE);
    await expect(header.getByTestId('member-email')).toHaveText(FULL_EMAIL);
    await expect(header.getByTestId('member-birth-date')).toHaveText('1988-04-12');
    await expect(header.getByTestId('member-revealed')).toBeVisible();
    // A reveal is always asked of Konaplate afresh.
    expect(await sandbox.calls('member-info')).toBe(profileCalls + 1);
    await screenshot(page, testInfo, 'member-header-revealed');

    // Until the page is left: back, it is masked again.
    await page.reload();
    await expect(header.getByTestId('member-mobile')).toHaveText('010-••••-1935');

    const manager = await pageAs(browser, 'manager');
    await manager.page.goto(`/audit?member=${MEMBER}&action=reveal-member-contact`);
    const reveal = manager.page.getByTestId('audit-row').first();
    await expect(reveal).toContainText('Reveal member contact');
    await expect(reveal).toContainText('agent@konaplate.test');
    // The trail records that it was revealed, never what.
    await expect(manager.page.getByRole('main')).not.toContainText(FULL_MOBILE);
    await manager.page.goto(`/audit?member=${MEMBER}&action=member-profile`);
    await expect(manager.page.getByTestId('audit-row').first()).toContainText('Member profile');
    await manager.close();
  });

  test('a failing profile does not hold up or break the card list', async ({ page }) => {
    const member = '1000000005'; // read by no other journey: nothing kept from a minute ago
    await sandbox.setFault('member-info', { kind: 'http-5xx', status: 503 });
    await page.goto(`/members/${member}`);
    const error = page.getByTestId('member-profile-error');
    await expect(error).toContainText('Konaplate had an internal error');
    await expect(error).toContainText(/Correlation id \d{12}-[0-9a-f]{7}/);
    await expect(page.getByTestId('card-row').or(page.getByTestId('no-cards')).first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Notes' })).toBeVisible();
    // A failure is not kept: once Konaplate answers, the next page has the profile.
    await sandbox.clearFaults();
    await page.reload();
    await expect(page.getByTestId('member-name')).toHaveText('윤서연');
  });
});

test.describe('[manager] member profile', () => {
  test.use({ storageState: storageStateOf('manager') });

  test('sees the header on the member timeline too, and may reveal', async ({ page }) => {
    await page.goto(`/members/${MEMBER}/timeline`);
    const header = page.getByRole('region', { name: 'Member profile' });
    await expect(header.getByTestId('member-name')).toHaveText('김하늘');
    await header.getByRole('button', { name: 'Reveal' }).click();
    await expect(header.getByTestId('member-email')).toHaveText(FULL_EMAIL);
  });
});

test.describe('[qa] member profile', () => {
  test.use({ storageState: storageStateOf('qa') });

  // QA's check of each documented code (as QA, so that the agent's recent searches keep real members only).
  for (const scenario of scenariosOf('member-info').filter((s) => s.code !== '000_000' && s.userId && /^[1-9]\d{0,18}$/.test(s.userId))) {
    test(`says why the profile could not be read: ${scenario.code} (${scenario.description})`, async ({ page }) => {
      await page.goto(`/members/${scenario.userId}`);
      const error = page.getByTestId('member-profile-error');
      await expect(error).toContainText('The member\'s profile could not be read');
      await expect(error).toContainText(resultCodes[scenario.code as '001_006'].meaning);
      await expect(error).toContainText(`Result code ${scenario.code}`);
      await expect(error).toContainText(/Correlation id \d{12}-[0-9a-f]{7}/);
      // The rest of the page answers on its own.
      await expect(page.getByTestId('member-not-found')).toBeVisible();
    });
  }

  test('sees the profile masked, has no Reveal button, and the reveal action refuses them on the server', async ({ page }) => {
    const before = await sandbox.calls('member-info');
    await page.goto(`/members/${MEMBER}`);
    const header = page.getByRole('region', { name: 'Member profile' });
    await expect(header.getByTestId('member-mobile')).toHaveText('010-••••-1935');
    await expect(header.getByRole('button', { name: 'Reveal' })).toHaveCount(0);
    const calls = await sandbox.calls('member-info');
    expect(calls - before).toBeLessThanOrEqual(1);

    const result = await callServerAction(page.request, `/members/${MEMBER}`, 'revealMemberContactAction', [MEMBER]);
    expect(result.body).toContain('"status":"forbidden"');
    expect(result.body).not.toContain(FULL_MOBILE);
    expect(await sandbox.calls('member-info')).toBe(calls);
  });
});

test.describe('[admin] member profile', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('sees the profile masked, with neither Reveal nor notes', async ({ page }) => {
    await page.goto(`/members/${MEMBER}`);
    await expect(page.getByTestId('member-name')).toHaveText('김하늘');
    await expect(page.getByRole('button', { name: 'Reveal' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Notes' })).toHaveCount(0);
    const result = await callServerAction(page.request, `/members/${MEMBER}`, 'revealMemberContactAction', [MEMBER]);
    expect(result.body).toContain('"status":"forbidden"');
  });
});
