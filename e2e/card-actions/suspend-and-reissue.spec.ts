import { expect, test, type Page } from '@playwright/test';
import { callFormAction, formData, storageStateOf } from '../fixtures/operators';
import { expectAccessible, expectNoEnglish, screenshot } from '../fixtures/page-checks';
import { sandbox } from '../fixtures/sandbox';

/**
 * "I lost my card", end to end: a member's active card suspended as lost (reason, what will
 * happen, confirmation), the reissue offered on the same page with its consequences, the new
 * card's delivery, and the member's cards after it: the new card on its way, the old one
 * replaced. In English and in Korean, each step by keyboard where the agent would type.
 */
const MEMBER = '9999999999999999999';
const ACTIVE = 'Q1J4D526JR3WG30EM2U8LDJSE8V';
const LOST = 'Q1J4DLHMNU9VHZ5LLBLRU3M1GSV';
const cardPage = (par: string) => `/members/${MEMBER}/cards/${par}`;

const WORDS = {
  en: {
    works: 'Works',
    suspend: 'Suspend the card',
    suspendTitle: 'Suspend this card?',
    lost: 'Lost',
    whatHappens: 'The card stops working at once',
    suspended: 'Card suspended as lost',
    suspendedVerdict: /^Suspended as lost on .+ — a replacement can be ordered$/,
    reissue: 'Reissue this card',
    reissueForm: 'Reissue the card',
    address: 'Road-name address',
    addressDetail: 'Address detail',
    zipCode: 'Postal code',
    fee: 'The member accepts a possible reissuance fee',
    review: 'Review and reissue',
    confirmReissue: 'Reissue the card',
    oldCard: 'suspended: reissued (3A)',
    newNumber: 'The new card has a new card number.',
    outcome: 'Replacement card issued',
    delivery: 'Delivery',
    ready: 'Now: Ready (READY)',
    back: "Back to the member's cards",
    onItsWay: 'Physical card not received yet',
    replacedList: 'Replaced by a new card',
    replacedBy: /^Replaced by the card ending \d{4}$/,
    delivered: 'Now: Delivered (ARRIVAL)',
  },
  ko: {
    works: '사용 가능',
    suspend: '카드 정지',
    suspendTitle: '이 카드를 정지하시겠습니까?',
    lost: '분실',
    whatHappens: '카드가 즉시 정지됩니다',
    suspended: '카드를 분실 정지했습니다',
    suspendedVerdict: /^.+ 분실 정지 — 재발급 신청 가능$/,
    reissue: '이 카드 재발급',
    reissueForm: '카드 재발급',
    address: '도로명 주소',
    addressDetail: '상세 주소',
    zipCode: '우편번호',
    fee: '회원이 재발급 수수료 부과에 동의함',
    review: '확인 후 재발급',
    confirmReissue: '재발급 신청',
    oldCard: '재발급 정지(3A)',
    newNumber: '새 카드는 카드번호가 바뀝니다.',
    outcome: '대체 카드가 발급되었습니다',
    delivery: '배송 상태',
    ready: '현재: 접수 대기(READY)',
    back: '회원 카드 목록으로',
    onItsWay: '실물카드 미수령',
    replacedList: '새 카드로 재발급됨',
    replacedBy: /^끝자리 \d{4} 카드로 재발급됨$/,
    delivered: '현재: 배송 완료(ARRIVAL)',
  },
};

async function suspendAsLost(page: Page, w: (typeof WORDS)['en']) {
  await page.getByRole('button', { name: w.suspend }).click();
  const dialog = page.getByRole('dialog', { name: w.suspendTitle });
  // The dialog opens on the first reason ("lost"): Space chooses it, Tab reaches the buttons.
  await expect(dialog.getByRole('radio', { name: w.lost, exact: true })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(dialog.getByTestId('consequence-preview')).toContainText(w.whatHappens);
  return dialog;
}

for (const language of ['en', 'ko'] as const) {
  const w = WORDS[language];
  test.describe(`[agent] a lost card, suspended and replaced (${language})`, () => {
    test.use({ storageState: storageStateOf('agent'), locale: language === 'ko' ? 'ko-KR' : 'en-GB' });
    test.beforeEach(() => sandbox.reset());

    test('suspend as lost → consequences → reissue → delivery → the new card in the list, the old one replaced', async ({ page }, testInfo) => {
      await page.goto(cardPage(ACTIVE));
      await expect(page.getByTestId('card-detail').getByTestId('card-verdict')).toHaveText(w.works);
      await expect(page.getByTestId('card-delivery')).toHaveAttribute('data-status', 'ARRIVAL');
      await expectAccessible(page);

      const dialog = await suspendAsLost(page, w);
      if (language === 'ko') await expectNoEnglish(page, ['What happens', 'Suspend the card', 'Why?']);
      await screenshot(page, testInfo, `${language}-suspend-dialog`);
      await expectAccessible(page);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(dialog.getByRole('button', { name: w.suspend })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('state-change-done')).toContainText(w.suspended, { timeout: 15_000 });
      await expect(page.getByTestId('card-detail').getByTestId('card-verdict')).toHaveText(w.suspendedVerdict);
      await expect(page.getByRole('button', { name: w.suspend })).toHaveCount(0);
      await screenshot(page, testInfo, `${language}-suspended`);
      await expectAccessible(page);

      // The same page now offers the reissue.
      await page.getByRole('link', { name: w.reissue }).click();
      const form = page.getByRole('form', { name: w.reissueForm });
      await expect(form.getByRole('radio', { name: w.lost, exact: true })).toBeChecked();
      await form.getByLabel(w.address).fill('서울특별시 중구 세종대로 110');
      await form.getByLabel(w.addressDetail).fill('3층');
      await form.getByLabel(w.zipCode).fill('04524');
      await form.getByLabel(w.fee).check();
      await form.getByRole('button', { name: w.review }).click();
      const confirm = page.getByRole('dialog');
      const preview = confirm.getByTestId('consequence-preview');
      await expect(preview).toContainText(w.oldCard);
      await expect(preview).toContainText(w.newNumber);
      await expect(preview).toContainText('SVCPP0000000101');
      await expect(preview).toContainText('04524');
      await screenshot(page, testInfo, `${language}-reissue-preview`);
      await expectAccessible(page);
      await confirm.getByRole('button', { name: w.confirmReissue }).click();

      const outcome = page.getByTestId('action-outcome');
      await expect(outcome).toContainText(w.outcome, { timeout: 15_000 });
      await expect(outcome.getByTestId('card-delivery')).toHaveAttribute('data-status', 'READY');
      await expect(outcome.getByTestId('delivery-status')).toHaveText(w.ready);
      if (language === 'ko') await expectNoEnglish(page, ['Replacement card issued', 'Delivery', 'Ask again']);
      await screenshot(page, testInfo, `${language}-reissued`);
      await expectAccessible(page);

      const newMobileCard = (await outcome.textContent())?.match(/\d{4} \d{2}[•\s]+\d{4}/)?.[0] ?? 'no new card number';

      await outcome.getByRole('link', { name: w.back }).click();
      const rows = page.getByTestId('card-row');
      const newRow = rows.filter({ hasText: newMobileCard });
      await expect(newRow.getByTestId('card-verdict')).toHaveText(w.onItsWay);
      const oldRow = rows.filter({ has: page.locator(`a[href$="/cards/${ACTIVE}"]`) });
      await expect(oldRow.getByTestId('card-verdict')).toHaveText(w.replacedList);
      await screenshot(page, testInfo, `${language}-member-cards`);
      await expectAccessible(page);

      // The old card names its replacement by the new card's last four digits.
      const newCardNumbers = (await newRow.textContent()) ?? '';
      await page.goto(cardPage(ACTIVE));
      const verdict = page.getByTestId('card-detail').getByTestId('card-verdict');
      await expect(verdict).toHaveText(w.replacedBy);
      expect(newCardNumbers).toContain((await verdict.textContent())?.match(/\d{4}/)?.[0] ?? 'no digits');

      // Sandbox time moves the delivery on: four steps later the new card has arrived and works.
      await page.goto(`/members/${MEMBER}`);
      await newRow.getByRole('link').click();
      await expect(page.getByTestId('delivery-status')).toHaveText(w.ready);
      await sandbox.advanceDays(4);
      // Reads of the same card within two seconds share one answer: read again until a fresh one comes.
      await expect(async () => {
        await page.reload();
        await expect(page.getByTestId('delivery-status')).toHaveText(w.delivered, { timeout: 1_000 });
        await expect(page.getByTestId('card-detail').getByTestId('card-verdict')).toHaveText(w.works, { timeout: 1_000 });
      }).toPass({ timeout: 15_000 });
      await screenshot(page, testInfo, `${language}-new-card-delivered`);
    });
  });
}

test.describe('[agent] resume and duplicates', () => {
  test.use({ storageState: storageStateOf('agent') });
  test.beforeEach(() => sandbox.reset());

  test('resumes a card suspended as lost: the lost report is released (61)', async ({ page }) => {
    await page.goto(cardPage(LOST));
    await page.getByRole('button', { name: 'Resume the card' }).click();
    const dialog = page.getByRole('dialog', { name: 'Resume this card?' });
    // No reason is chosen for the agent: confirming without one says so and sends nothing.
    const before = await sandbox.calls('card-status');
    await dialog.getByRole('button', { name: 'Resume the card' }).click();
    await expect(dialog.getByText('Choose a reason.')).toBeVisible();
    await dialog.getByRole('radio', { name: 'Other' }).check();
    await dialog.getByLabel('Reason, in your words').fill('Found it in a coat pocket');
    await dialog.getByLabel('Reason, in your words').press('Enter');
    await expect(page.getByTestId('state-change-done')).toContainText('Card resumed', { timeout: 15_000 });
    expect(await sandbox.calls('card-status')).toBe(before + 1);
    await expect(page.getByTestId('card-detail').getByText('Lost report released')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Suspend the card' })).toBeVisible();
  });

  test('a double submission of a suspension reaches Konaplate once', async ({ page }) => {
    await page.goto(cardPage(ACTIVE));
    await suspendAsLost(page, WORDS.en);
    const before = await sandbox.calls('card-status');
    await page.evaluate(() => {
      const form = document.querySelector('form[aria-label="Suspend this card?"]') as HTMLFormElement;
      form.requestSubmit();
      form.requestSubmit();
    });
    await expect(page.getByTestId('state-change-done')).toBeVisible({ timeout: 15_000 });
    await page.waitForTimeout(1_000);
    expect(await sandbox.calls('card-status')).toBe(before + 1);
  });
});

test('[manager] is offered no suspension, and a direct call is refused on the server', async ({ browser }) => {
  await sandbox.reset();
  const page = await (await browser.newContext({ storageState: storageStateOf('manager') })).newPage();
  await page.goto(cardPage(ACTIVE));
  await expect(page.getByTestId('card-detail')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Suspend the card' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel the application' })).toHaveCount(0);
  const before = (await sandbox.calls('card-status')) + (await sandbox.calls('delivery-cancel'));
  const form = formData({ idempotencyKey: crypto.randomUUID(), status: 'SUSPEND', reason: 'lost' });
  const suspend = await callFormAction(page.request, cardPage(ACTIVE), 'changeCardStatusAction', [MEMBER, ACTIVE, { status: 'idle' }, form]);
  expect(suspend.body).toContain('"status":"forbidden"');
  const cancel = await callFormAction(page.request, cardPage(ACTIVE), 'cancelCardApplicationAction', [
    MEMBER,
    ACTIVE,
    'AP240315UEZSB2P5B6SVGF',
    { status: 'idle' },
    formData({ idempotencyKey: crypto.randomUUID(), reason: 'memberRequest' }),
  ]);
  expect(cancel.body).toContain('"status":"forbidden"');
  expect((await sandbox.calls('card-status')) + (await sandbox.calls('delivery-cancel'))).toBe(before);
});
