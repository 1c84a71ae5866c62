import { expect, test } from '@playwright/test';
import { storageStateOf } from '../fixtures/operators';
import { sandbox, scenariosOf } from '../fixtures/sandbox';
import { expectAccessible, expectNoEnglish, screenshot } from '../fixtures/page-checks';

/**
 * The agent's day in Korean: the browser asks for Korean (Accept-Language ko-KR) and the
 * agent has not chosen a language, so every page of the member views answers in Korean,
 * with Konaplate's codes and the raw status codes kept as they are.
 */
const MEMBER = '9999999999999999999';

test.describe('[agent] member views in Korean', () => {
  test.use({ locale: 'ko-KR', storageState: storageStateOf('agent') });
  test.beforeEach(() => sandbox.reset());
  test.afterEach(() => sandbox.clearFaults());

  test('searches a member and reads the card list in Korean', async ({ page }, testInfo) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/회원 조회/);
    await expect(page.getByRole('heading', { name: '회원 카드 조회', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: '최근 조회한 회원' })).toBeVisible();
    await expect(page.getByLabel('회원 ID')).toBeFocused();
    await page.keyboard.type(MEMBER);
    await page.getByRole('button', { name: '조회' }).click();
    await expect(page).toHaveURL(`/members/${MEMBER}`);
    await expect(page.getByTestId('card-row').first()).toBeVisible();

    await expect(page.getByRole('heading', { name: `회원 ${MEMBER}`, level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^카드 \d+장$/ })).toBeVisible();
    const table = page.getByRole('table', { name: `회원 ${MEMBER}의 카드` });
    for (const column of ['카드', '카드번호', '잔액', '충전 대기 금액', '유효기간', '상태']) {
      await expect(table.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
    }
    // The vendor's status words, the raw code beside them for those who need it.
    await expect(page.getByLabel('분실로 인한 정지(cardBizStatus 31)').first()).toBeVisible();
    await expect(page.getByLabel('원장 정지(cardLifeStatus 30)').first()).toBeVisible();
    await expect(page.getByText(/^(선불카드|체크카드) · (기명|무기명)$/).first()).toBeVisible();
    await expect(page.getByText(/^\d+일 후 만료$|^\d+일 전 만료$|^오늘 만료$/).first()).toBeVisible();
    await expect(page.getByText(/^₩[\d,]+$/).first()).toBeVisible();
    await expect(page.getByRole('button', { name: '새로 고침' })).toBeVisible();
    await expect(page.getByTestId('fetched-at')).toHaveText(/^\d{4}\. \d{2}\. \d{2}\. \d{2}:\d{2}:\d{2} 조회$/);
    await expectNoEnglish(page, ['Balance', 'Expiry', 'Suspended', 'Stopped', 'Prepaid', 'expires in', 'Fetched', 'Refresh', 'Search']);
    await screenshot(page, testInfo, 'ko-card-list');
    await expectAccessible(page);

    await page.goto('/');
    await expect(page.getByRole('region', { name: '최근 조회한 회원' }).getByRole('link', { name: `회원 ${MEMBER}` })).toBeVisible();
    await screenshot(page, testInfo, 'ko-search');
  });

  test('reads a card’s detail in Korean', async ({ page }, testInfo) => {
    await page.goto(`/members/${MEMBER}`);
    await page.getByTestId('card-row').first().getByRole('link').click();
    await expect(page.getByTestId('card-detail')).toBeVisible();
    await expect(page).toHaveTitle(/카드/);
    for (const section of ['잔액 및 충전', '카드 정보', '카드 기능', '포인트']) {
      await expect(page.getByRole('region', { name: section, exact: true })).toBeVisible();
    }
    await expect(page.getByText(/(기명|무기명) 한도 ₩[\d,]+ − 잔액 ₩[\d,]+/)).toBeVisible();
    await expect(page.getByRole('rowheader', { name: '충전 가능 금액' })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: '유효기간' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '이동 경로' })).toContainText(`회원 ${MEMBER}`);
    await expectNoEnglish(page, ['Balances', 'What the card can do', 'Rechargeable', 'Application number', 'Points', 'Actions']);
    await screenshot(page, testInfo, 'ko-card-detail');
    await expectAccessible(page);
  });

  test('says why a card cannot be reissued, in Korean', async ({ page }) => {
    const lost = scenariosOf('prepaid-reissue').find((s) => s.code === '000_000')!;
    await page.goto(`/members/${MEMBER}/cards/${lost.par}`);
    await expect(page.getByRole('link', { name: '이 카드 재발급' })).toBeVisible();
    await expect(page.getByText('재발급할 수 있습니다: 분실 정지된 카드입니다.')).toBeVisible();
    const notLost = scenariosOf('prepaid-reissue').find((s) => s.code === '003_904')!;
    await page.goto(`/members/${MEMBER}/cards/${notLost.par}`);
    await expect(page.getByTestId('reissue-not-offered')).toHaveText('재발급할 수 없습니다: 분실 신고된 카드만 재발급할 수 있습니다. 먼저 분실 신고를 하세요.');
  });

  test('explains Konaplate’s answers in Korean: no such member, and a fault to quote', async ({ page }) => {
    // 19 digits: the card list's check for unmasked card numbers must not mistake it for one on the recent searches.
    await page.goto('/members/8000000000000000001');
    const notFound = page.getByTestId('member-not-found');
    await expect(notFound).toContainText('회원 ID 8000000000000000001에 해당하는 회원이 없습니다');
    await expect(notFound).toContainText('회원이 아니거나 탈퇴한 회원입니다.');
    await expect(notFound).toContainText('결과 코드 001_006');
    await expect(notFound).not.toContainText('No wallet member');

    await sandbox.setFault('card-list', { kind: 'http-5xx', status: 503 });
    await page.goto(`/members/${MEMBER}`);
    const error = page.getByTestId('upstream-error');
    await expect(error).toContainText('카드 정보를 불러오지 못했습니다');
    await expect(error).toContainText('Konaplate 내부 오류가 발생했습니다.');
    await expect(error).toContainText('결과 코드 900_500');
    await expect(error).toContainText(/거래 추적 번호 \d{12}-[0-9a-f]{7}/);
  });

  test('looks up an unregistered card in Korean', async ({ page }, testInfo) => {
    const found = scenariosOf('unregistered-card').find((s) => s.code === '000_000')!.request as { cardNo: string; expiryDate: string; cardCVC: string };
    await page.goto('/cards/unregistered');
    await expect(page.getByRole('heading', { name: '미등록 카드 조회', level: 1 })).toBeVisible();
    await page.getByLabel('카드번호').fill(found.cardNo);
    await page.getByLabel('유효기간(MM/YY)').fill(`${found.expiryDate.slice(0, 2)}/${found.expiryDate.slice(2)}`);
    await page.getByLabel('CVC 번호').fill(found.cardCVC);
    await page.getByRole('button', { name: '조회' }).click();
    const result = page.getByTestId('lookup-result');
    await expect(result).toContainText('잔액 ₩');
    await expect(result).toContainText('회원 미등록 카드');
    await expectNoEnglish(page, ['Balance', 'Rechargeable', 'Look up', 'Not registered']);
    await screenshot(page, testInfo, 'ko-unregistered');
    await expectAccessible(page);
  });
});
