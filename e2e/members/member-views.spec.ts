import { expect, test, type Page, type TestInfo } from '@playwright/test';
import resultCodes from '../../lib/i18n/messages/en/resultCodes.json' with { type: 'json' };
import { storageStateOf } from '../fixtures/operators';
import { sandbox, scenariosOf } from '../fixtures/sandbox';
import { expectAccessible } from '../fixtures/page-checks';
import { loadFixture } from '../../sandbox/fixture';

const MEMBER = '9999999999999999999';
/** Every full card number the sandbox holds (mobile and physical). */
const CARD_NUMBERS = loadFixture().cards.flatMap((card) => [card.mobileCardNo, card.physicalCardNo].filter((n): n is string => !!n));

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name.replace(/\W+/g, '-')}.png`);
  await page.screenshot({ fullPage: true, path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test.use({ storageState: storageStateOf('agent') });
test.beforeEach(() => sandbox.reset());
test.afterEach(() => sandbox.clearFaults());

test.describe('[agent] member search', () => {
  test('finds a member’s cards with the keyboard alone, and the list says what each card is', async ({ page }, testInfo) => {
    await page.goto('/');
    await expect(page.getByLabel('Member id')).toBeFocused();
    await page.keyboard.type(MEMBER);
    const started = Date.now();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/members/${MEMBER}`);
    await expect(page.getByTestId('card-row').first()).toBeVisible();
    const elapsed = Date.now() - started;
    testInfo.annotations.push({ type: 'search-to-list-ms', description: String(elapsed) });
    console.log(`search → rendered list: ${elapsed} ms`);

    const rows = page.getByTestId('card-row');
    expect(await rows.count()).toBeGreaterThan(3);
    // Decoded states, with the raw code for those who need it.
    await expect(page.getByLabel(/Suspended: lost \(cardBizStatus 31\)/).first()).toBeVisible();
    await expect(page.getByLabel(/Stopped \(cardLifeStatus 30\)/).first()).toBeVisible();
    await expect(page.getByText(/^₩[\d,]+$/).first()).toBeVisible();
    await expect(page.getByText(/expires in \d+ days|expired \d+ days? ago/).first()).toBeVisible();
    // PANs masked: never more than first 6 / last 4 on the page, and no card number of the sandbox in full.
    const content = await page.content();
    expect(content).not.toMatch(/\d{4} \d{4} \d{4} \d{4}/);
    for (const number of CARD_NUMBERS) expect(content).not.toContain(number);
    await attachScreenshot(page, testInfo, 'card list');
    await expectAccessible(page);

    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Your recent searches' }).getByRole('link', { name: `Member ${MEMBER}` })).toBeVisible();
  });

  test('refuses an id that is not a member id, next to the field, without searching', async ({ page }) => {
    const before = await sandbox.calls('card-list');
    await page.goto('/');
    await page.getByLabel('Member id').fill('12a');
    await expect(page.getByText('The member id has digits only.')).toBeVisible();
    await page.getByLabel('Member id').fill('0123');
    await expect(page.getByText('The member id does not start with 0.')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/');
    expect(await sandbox.calls('card-list')).toBe(before);
  });

  /**
   * The search's rules reach the card list after it is interactive (components/forms/deferred-schema.ts).
   * Held back here, a search submitted before them waits for them: never sent unchecked, never lost.
   */
  async function holdSearchRules(page: Page) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const requested = new Promise<void>((resolve) => (asked = resolve));
    await page.route('**/_next/static/chunks/**', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes('search.parOrCardNo')) {
        asked();
        await released;
      }
      await route.fulfill({ response, body });
    });
    return { requested, release };
  }

  test('a search sent before its rules have arrived is checked once they have', async ({ page }) => {
    const rules = await holdSearchRules(page);
    await page.goto(`/members/${MEMBER}`);
    await rules.requested;
    await expect(page.getByTestId('card-row').first()).toBeVisible();
    const before = await sandbox.calls('card-list');
    await page.getByLabel('Member id').fill('0123');
    await page.keyboard.press('Enter');
    rules.release();
    await expect(page.getByText('The member id does not start with 0.')).toBeVisible();
    await expect(page).toHaveURL(`/members/${MEMBER}`);
    expect(await sandbox.calls('card-list')).toBe(before);
  });

  test('a valid search sent before its rules have arrived goes through once they have', async ({ page }) => {
    const rules = await holdSearchRules(page);
    await page.goto(`/members/${MEMBER}`);
    await rules.requested;
    await page.getByLabel('Member id').fill('1000000001');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/members/${MEMBER}`);
    rules.release();
    await expect(page).toHaveURL('/members/1000000001');
    await expect(page.getByTestId('no-cards')).toBeVisible();
  });

  test('says plainly when there is no such member (001_006)', async ({ page }) => {
    await page.goto('/members/9007199254740992');
    await expect(page.getByTestId('member-not-found')).toContainText('No member with id 9007199254740992');
    await expect(page.getByTestId('member-not-found')).toContainText('Result code 001_006');
  });

  test('says plainly when the member has no cards', async ({ page }) => {
    await page.goto('/members/1000000001');
    await expect(page.getByTestId('no-cards')).toHaveText('This member has no cards.');
  });

  test('shows an upstream fault with the correlation id to quote', async ({ page }) => {
    await sandbox.setFault('card-list', { kind: 'http-5xx', status: 503 });
    await page.goto(`/members/${MEMBER}`);
    const error = page.getByTestId('upstream-error');
    await expect(error).toContainText('The cards could not be read');
    await expect(error).toContainText(/Correlation id \d{12}-[0-9a-f]{7}/);
  });

  test('narrows to one card by card number without putting the number in the URL', async ({ page }) => {
    const byNumber = scenariosOf('card-list').find((s) => s.description.includes('physicalCardNo'))!;
    const cardNo = (byNumber.request as { physicalCardNo: string }).physicalCardNo;
    await page.goto('/');
    await page.getByLabel('Member id').fill(MEMBER);
    await page.getByLabel('Card number (optional)').fill(cardNo);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('card-detail')).toBeVisible();
    expect(page.url()).not.toContain(cardNo);
    expect(page.url()).toContain(`/cards/${byNumber.par}`);
  });
});

test.describe('[agent] card detail', () => {
  test('groups everything about a card and refreshes on demand', async ({ page }, testInfo) => {
    await page.goto(`/members/${MEMBER}`);
    await page.getByTestId('card-row').first().getByRole('link').click();
    const detail = page.getByTestId('card-detail');
    await expect(detail).toBeVisible();
    for (const section of ['Balances', 'Card', 'What the card can do', 'Points']) {
      await expect(page.getByRole('region', { name: section, exact: true })).toBeVisible();
    }
    await expect(page.getByText(/(named|unnamed) maximum ₩[\d,]+ − balance ₩[\d,]+/)).toBeVisible();
    const fetched = await page.getByTestId('fetched-at').textContent();
    await page.waitForTimeout(2_100); // past the server's shared-read window
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('fetched-at')).not.toHaveText(fetched!);
    await attachScreenshot(page, testInfo, 'card detail');
    await expectAccessible(page);
  });

  test('shows a debit card’s limits and masked linked account', async ({ page }) => {
    await page.goto(`/members/${MEMBER}`);
    const debitRow = page.getByTestId('card-row').filter({ hasText: 'Debit' }).first();
    await debitRow.getByRole('link').click();
    await expect(page.getByRole('region', { name: 'Payment limits' })).toContainText('Per day');
    await expect(page.getByRole('region', { name: 'Linked bank account' })).toContainText(/•+\d{4}/);
  });

  test('offers reissue only for a card suspended as lost, and says why not otherwise', async ({ page }) => {
    const lost = scenariosOf('prepaid-reissue').find((s) => s.code === '000_000')!;
    await page.goto(`/members/${MEMBER}/cards/${lost.par}`);
    await expect(page.getByRole('link', { name: 'Reissue this card' })).toBeVisible();
    const notLost = scenariosOf('prepaid-reissue').find((s) => s.code === '003_904')!;
    await page.goto(`/members/${MEMBER}/cards/${notLost.par}`);
    await expect(page.getByTestId('reissue-not-offered')).toContainText('report it lost first');
  });
});

test.describe('[agent] unregistered card', () => {
  const lookups = scenariosOf('unregistered-card');
  type Lookup = { cardNo: string; expiryDate: string; cardCVC: string };

  async function lookUp(page: Page, request: Lookup) {
    await page.goto('/cards/unregistered');
    await page.getByLabel('Card number').fill(request.cardNo);
    await page.getByLabel('Expiry (MM/YY)').fill(`${request.expiryDate.slice(0, 2)}/${request.expiryDate.slice(2)}`);
    await page.getByLabel('CVC').fill(request.cardCVC);
    await page.getByRole('button', { name: 'Look up' }).click();
  }

  test('shows the product, balance, statuses and flags, then clears the form', async ({ page }, testInfo) => {
    const found = lookups.find((s) => s.code === '000_000')!.request as Lookup;
    await lookUp(page, found);
    await expect(page.getByTestId('lookup-result')).toContainText('Balance ₩');
    await expect(page.getByLabel('CVC')).toHaveValue('');
    await expect(page.getByLabel('Card number')).toHaveValue('');
    expect(page.url()).not.toContain(found.cardCVC);
    expect(await page.content()).not.toContain(found.cardNo);
    await attachScreenshot(page, testInfo, 'unregistered card');
    await expectAccessible(page);
  });

  test('"card not found" and "already registered" are plain answers', async ({ page }) => {
    for (const code of ['003_901', '003_902'] as const) {
      await lookUp(page, lookups.find((s) => s.code === code)!.request as Lookup);
      await expect(page.getByTestId('lookup-answer')).toContainText(resultCodes[code].meaning);
    }
  });

  test('checks the card number, expiry and CVC before asking Konaplate', async ({ page }) => {
    const before = await sandbox.calls('unregistered-card');
    await lookUp(page, { cardNo: '9490803142935200', expiryDate: '1330', cardCVC: '12' });
    await expect(page.getByText('This card number fails the check digit: look at it again.')).toBeVisible();
    await expect(page.getByText('Expiry is MM/YY, e.g. 08/29.')).toBeVisible();
    await expect(page.getByText('The CVC is the 3 digits on the back of the card.')).toBeVisible();
    expect(await sandbox.calls('unregistered-card')).toBe(before);
  });
});
