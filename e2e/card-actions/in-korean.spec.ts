import { expect, test } from '@playwright/test';
import { storageStateOf } from '../fixtures/operators';
import { sandbox } from '../fixtures/sandbox';
import { expectAccessible, expectNoEnglish, screenshot } from '../fixtures/page-checks';

/**
 * Issuing and reissuing in Korean (the browser asks for ko-KR): the forms, the confirmation,
 * the outcome, and Konaplate's refusal explained in Korean with its code kept as it is.
 */
const MEMBER = '9999999999999999999';
const LOST_CARD = `/members/${MEMBER}/cards/Q1J4DLHMNU9VHZ5LLBLRU3M1GSV/reissue`;

test.describe('[agent] card actions in Korean', () => {
  test.use({ locale: 'ko-KR', storageState: storageStateOf('agent') });
  test.beforeEach(() => sandbox.reset());

  test('the issue form, its two tabs and its confirmation speak Korean', async ({ page }, testInfo) => {
    await page.goto(`/members/${MEMBER}/issue`);
    await expect(page).toHaveTitle(/카드 발급/);
    await expect(page.getByRole('heading', { name: `회원 ${MEMBER} 카드 발급`, level: 1 })).toBeVisible();
    await expect(page.getByRole('tab', { name: '선불카드' })).toHaveAttribute('aria-selected', 'true');
    const prepaid = page.getByRole('form', { name: '선불카드 발급' });
    await expect(prepaid.getByLabel('카드 상품 ID')).toBeVisible();
    await expect(prepaid.getByText('회원 본인용')).toBeVisible();
    await expectNoEnglish(page, ['Review and issue', 'Purpose', 'Card product id', 'Issuance creates']);
    await screenshot(page, testInfo, 'ko-issue-form');
    await expectAccessible(page);

    await page.getByRole('tab', { name: '체크카드' }).click();
    const debit = page.getByRole('form', { name: '체크카드 발급' });
    for (const label of ['체크카드 상품 ID', '은행 코드', '계좌번호', '주민등록번호', '현금IC 포함']) await expect(debit.getByLabel(label)).toBeVisible();
    await screenshot(page, testInfo, 'ko-issue-form-debit');
    await expectAccessible(page);
  });

  test('issues a card and says so in Korean', async ({ page }) => {
    await page.goto(`/members/${MEMBER}/issue?tab=prepaid&serviceId=SVCPP0000000102&delivery=mobile-only`);
    const form = page.getByRole('form', { name: '선불카드 발급' });
    await form.getByRole('button', { name: '확인 후 발급' }).click();
    const dialog = page.getByRole('dialog', { name: '이 선불카드를 발급하시겠습니까?' });
    await expect(dialog).toContainText('회원');
    await expect(dialog).toContainText('카드 상품');
    await dialog.getByRole('button', { name: '카드 발급' }).click();
    const outcome = page.getByTestId('action-outcome');
    await expect(outcome).toContainText('선불카드가 발급되었습니다', { timeout: 15_000 });
    await expect(outcome).toContainText('발급 신청 번호');
    await expect(page.getByTestId('card-apply-no')).toHaveText(/^.{22}$/);
    await expect(outcome.getByRole('link', { name: '회원 카드 목록으로' })).toBeVisible();
  });

  test('explains Konaplate’s refusal in Korean, with its code and correlation id', async ({ page }) => {
    await page.goto(`/members/${MEMBER}/issue?tab=prepaid&serviceId=SVCPP0000000101&delivery=mobile-only`);
    await page.getByRole('form', { name: '선불카드 발급' }).getByRole('button', { name: '확인 후 발급' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '카드 발급' }).click();
    const error = page.getByTestId('upstream-error');
    await expect(error).toContainText('Konaplate가 요청을 거절했습니다', { timeout: 15_000 });
    await expect(error).toContainText('일반형 상품이라 모바일카드만 발급할 수 없습니다. 실물카드를 배송해야 하는 카드입니다. 회원에게 배송지를 받으세요.');
    await expect(error).toContainText('결과 코드 003_024');
    await expect(error).toContainText(/거래 추적 번호 \d{12}-[0-9a-f]{7}/);
    await expect(error).not.toContainText('cannot be issued as a mobile card only');
    // …and next to the delivery switch.
    await expect(page.getByRole('alert').filter({ hasText: '모바일카드만 발급할 수 없습니다' }).first()).toBeVisible();
  });

  test('the reissue form warns of the fee in Korean and confirms before sending', async ({ page }, testInfo) => {
    await page.goto(LOST_CARD);
    await expect(page.getByRole('heading', { name: '선불카드 재발급(대체 발급)', level: 1 })).toBeVisible();
    const form = page.getByRole('form', { name: '카드 재발급' });
    await expect(form.getByRole('radiogroup', { name: '재발급 사유' })).toBeVisible();
    for (const reason of ['분실', '도난', '훼손', '기타']) await expect(form.getByRole('radio', { name: reason, exact: true })).toBeVisible();
    await expect(form.getByText('재발급 수수료를 출금할 수 있습니다')).toBeVisible();
    await expect(form.getByLabel('새 카드 상품')).toBeVisible();
    await expectNoEnglish(page, ['Why is the card replaced', 'reissuance fee', 'Review and reissue']);
    await screenshot(page, testInfo, 'ko-reissue-form');
    await expectAccessible(page);

    await form.getByRole('button', { name: '확인 후 재발급' }).click();
    // The fee must be accepted first: nothing opens, the checkbox says why.
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await form.getByLabel('회원이 재발급 수수료 부과에 동의함').check();
    await form.getByRole('switch').click();
    await form.getByRole('button', { name: '확인 후 재발급' }).click();
    const dialog = page.getByRole('dialog', { name: '이 카드를 재발급하시겠습니까?' });
    await expect(dialog).toContainText('재발급 사유');
    await expect(dialog).toContainText('분실');
    await expect(dialog).toContainText('기존 카드와 같은 상품');
    await expect(dialog.getByTestId('consequence-preview')).toContainText('기존 카드는 재발급 정지(3A) 상태가 되어 다시 사용할 수 없습니다.');
    await dialog.getByRole('button', { name: '재발급 신청' }).click();
    await expect(page.getByTestId('action-outcome')).toContainText('대체 카드가 발급되었습니다', { timeout: 15_000 });
  });
});
