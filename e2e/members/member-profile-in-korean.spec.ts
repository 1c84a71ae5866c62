import { expect, test } from '@playwright/test';
import { storageStateOf } from '../fixtures/operators';
import { sandbox } from '../fixtures/sandbox';
import { expectAccessible, expectNoEnglish, screenshot } from '../fixtures/page-checks';

/** The member header and notes as a Korean agent reads them (Accept-Language ko-KR, no language chosen). */
const MEMBER = '1000000004'; // 강도윤 (sandbox fixture)

test.describe('[agent] member profile and notes in Korean', () => {
  test.use({ locale: 'ko-KR', storageState: storageStateOf('agent') });
  test.beforeEach(() => sandbox.reset());
  test.afterEach(() => sandbox.clearFaults());

  test('reads the profile, reveals the contact and leaves a note, all in Korean', async ({ page }, testInfo) => {
    await page.goto(`/members/${MEMBER}`);
    const header = page.getByRole('region', { name: '회원 정보' });
    await expect(header.getByRole('heading', { name: '강도윤', level: 2 })).toBeVisible();
    for (const label of ['휴대폰 번호', '이메일', '가입 경로', '주소']) await expect(header.getByText(label, { exact: true })).toBeVisible();
    await expect(header.getByTestId('member-mobile')).toHaveText('010-••••-2267');
    await expect(header.getByTestId('member-join-channel')).toHaveText('웹');

    await header.getByRole('button', { name: '전체 보기' }).click();
    await expect(header.getByTestId('member-mobile')).toHaveText('010-9143-2267');
    await expect(header.getByTestId('member-birth-date')).toHaveText('1985년 7월 23일');

    const notes = page.getByRole('region', { name: '상담 메모' });
    await notes.getByRole('textbox', { name: '메모' }).fill('사무실로 카드 배송 요청');
    await notes.getByRole('button', { name: '메모 등록' }).click();
    await expect(notes.getByText('메모를 등록했습니다.')).toBeVisible();
    await expect(notes.getByTestId('member-note').first()).toContainText('작성자 agent@konaplate.test');

    await notes.getByRole('textbox', { name: '메모' }).fill('가'.repeat(501));
    await expect(notes.getByText('500자 이하로 입력하세요.')).toBeVisible();

    await expectNoEnglish(page, ['Member profile', 'Mobile', 'E-mail', 'Joined through', 'Address', 'Reveal', 'Notes', 'Add note', 'Note added', 'by agent']);
    await screenshot(page, testInfo, 'ko-member-profile-and-notes');
    await expectAccessible(page);
  });

  test('says in Korean why the profile could not be read', async ({ page }) => {
    await sandbox.setFault('member-info', { kind: 'http-5xx', status: 502 });
    await page.goto('/members/1000000006');
    const error = page.getByTestId('member-profile-error');
    await expect(error).toContainText('회원 정보를 불러오지 못했습니다');
    await expect(error).toContainText('거래 추적 번호');
    await expectNoEnglish(page, ['profile could not be read', 'Correlation id']);
  });
});
