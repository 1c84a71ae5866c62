import { expect, test, type Page } from '@playwright/test';
import { E2E } from '../../playwright.config';
import { DOCUMENTED_CODES, ENDPOINT_KEYS } from '../../sandbox/result-codes';
import { callServerAction, storageStateOf } from '../fixtures/operators';
import { sandbox, scenariosOf } from '../fixtures/sandbox';
import { expectAccessible, screenshot } from '../fixtures/page-checks';

test.beforeEach(() => sandbox.reset());
test.afterEach(() => sandbox.clearFaults());

/** The workbench filtered to one endpoint and code, as a shared link opens it. */
const scenarioLink = (endpoint: string, code: string) => `/qa?endpoint=${endpoint}&code=${code}`;

async function openScenario(page: Page, endpoint: string, code: string) {
  await page.goto(scenarioLink(endpoint, code));
  await page.getByTestId(`scenario-${endpoint}-${code}`).first().getByRole('link', { name: /^Open:/ }).click();
}

async function confirmForm(page: Page, formName: string) {
  const form = page.getByRole('form', { name: formName });
  await form.getByRole('button', { name: /^Review and/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: /^(Issue the card|Reissue the card)$/ }).click();
  return page.getByTestId('upstream-error');
}

test.describe('[qa] scenario catalogue', () => {
  test.use({ storageState: storageStateOf('qa') });

  test('lists every documented code of every endpoint, read from the sandbox, on a short page', async ({ page }, testInfo) => {
    await page.goto('/qa');
    await expect(page.getByText(/Missing:/)).toHaveCount(0);
    // Short by default: the first rows, the shared instructions once, and a way to see the rest.
    await expect(page.getByTestId(/^scenario-/)).toHaveCount(15);
    await expect(page.getByRole('heading', { name: 'How to use the catalogue' })).toHaveCount(1);
    await expect(page.getByRole('main').getByText('If the console refuses this input itself')).toHaveCount(0);
    await screenshot(page, testInfo, 'workbench');
    const total = Number((await page.getByTestId('catalogue-count').innerText()).match(/\((\d+) in all\)/)![1]);
    await page.getByRole('button', { name: `Show all ${total} matching scenarios` }).click();
    await expect(page.getByTestId(/^scenario-/)).toHaveCount(total);
    for (const endpoint of ENDPOINT_KEYS) {
      for (const code of DOCUMENTED_CODES[endpoint]) await expect(page.getByTestId(`scenario-${endpoint}-${code}`).first(), `${endpoint} ${code}`).toBeAttached();
    }
  });

  test('filters by endpoint, code and text, with the keyboard, and the link shares the filter', async ({ page }, testInfo) => {
    await page.goto('/qa');
    const filters = page.getByRole('search', { name: 'Filter the scenarios' });
    const count = page.getByTestId('catalogue-count');
    await filters.getByRole('combobox', { name: 'Endpoint' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Card suspension and resumption' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/qa\?endpoint=card-status$/);
    const statusRows = scenariosOf('card-status').length;
    await expect(count).toHaveText(`${statusRows} scenarios match (${(await count.innerText()).match(/\((\d+) in all/)![1]} in all).`);
    await expect(page.getByTestId(/^scenario-/)).toHaveCount(statusRows);

    await filters.getByRole('combobox', { name: 'Result code' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: '003_906' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/qa\?endpoint=card-status&code=003_906$/);
    await expect(page.getByTestId('scenario-card-status-003_906')).toHaveCount(3);

    await filters.getByLabel('Text').focus();
    await page.keyboard.type('resume lost');
    await expect(page).toHaveURL(/\/qa\?endpoint=card-status&code=003_906&q=resume\+lost$/);
    const row = page.getByTestId('scenario-card-status-003_906');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Resume a lost card whose reissuance is in progress');
    await expect(row).toContainText('Open the card\'s page, press Resume and confirm.');
    await expectAccessible(page);
    await screenshot(page, testInfo, 'workbench-filtered');

    // The same link opens the same rows; text alone finds a row by its data.
    await page.reload();
    await expect(row).toHaveCount(1);
    await page.goto('/qa?q=AP250601MJ7KQ2TODAY0B2');
    await expect(page.getByTestId(/^scenario-/)).toHaveCount(1);
    await expect(page.getByTestId('scenario-delivery-cancel-003_003')).toContainText('Open the card\'s page, press Cancel application and confirm.');
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await expect(page).toHaveURL(/\/qa$/);

    // Text that breaks the field's rule is refused next to the field, and filters nothing.
    await page.getByRole('search').getByLabel('Text').fill('resume\u202Elost');
    await expect(page.getByText('Remove the hidden control or text-direction characters (they often come with pasted text).')).toBeVisible();
  });

  test('each new endpoint links to the screen it is reached on, with the sandbox data to use', async ({ page }) => {
    for (const [endpoint, code, href] of [
      ['card-status', '000_000', /^\/members\/\d+\/cards\/[A-Z0-9]{27}$/],
      ['delivery-inquiry', '000_000', /^\/members\/\d+\/cards\/[A-Z0-9]{27}$/],
      ['delivery-cancel', '003_002', /^\/members\/\d+\/cards\/[A-Z0-9]{27}$/],
      ['product-list', '000_000', /^\/members\/9999999999999999999\/issue\?tab=prepaid$/],
      ['member-info', '001_006', /^\/members\/9007199254740992$/],
    ] as const) {
      await page.goto(scenarioLink(endpoint, code));
      const link = page.getByTestId(`scenario-${endpoint}-${code}`).first().getByRole('link', { name: /^Open:/ });
      expect(await link.getAttribute('href'), `${endpoint} ${code}`).toMatch(href);
    }
    await page.goto(scenarioLink('card-status', '000_003'));
    await expect(page.getByTestId('scenario-card-status-000_003').first()).toContainText('not sent by the console');
  });

  test('card search: a member that does not exist (001_006)', async ({ page }) => {
    await openScenario(page, 'card-list', '001_006');
    await expect(page.getByTestId('member-not-found')).toContainText('Result code 001_006');
  });

  test('unregistered lookup runs on the server: already registered (003_902)', async ({ page }) => {
    await page.goto(scenarioLink('unregistered-card', '003_902'));
    const row = page.getByTestId('scenario-unregistered-card-003_902').first();
    await row.getByRole('button', { name: 'Run this lookup' }).click();
    await expect(row.getByTestId('upstream-error')).toContainText('Result code 003_902');
    const cardNo = (scenariosOf('unregistered-card').find((s) => s.code === '003_902')!.request as { cardNo: string }).cardNo;
    expect(await page.content()).not.toContain(cardNo);
  });

  test('prepaid issuance: normal-type product without delivery (003_024)', async ({ page }) => {
    await openScenario(page, 'prepaid-issue', '003_024');
    await expect(await confirmForm(page, 'Issue a prepaid card')).toContainText('Result code 003_024');
  });

  test('reissuance: the fee payment fails (003_051)', async ({ page }) => {
    await openScenario(page, 'prepaid-reissue', '003_051');
    const form = page.getByRole('form', { name: 'Reissue the card' });
    await form.getByRole('switch', { name: /Deliver a physical card/ }).click();
    await form.getByLabel('The member accepts a possible reissuance fee').check();
    await expect(await confirmForm(page, 'Reissue the card')).toContainText('Result code 003_051');
  });

  test('debit issuance: identity verification fails (003_063)', async ({ page }) => {
    const scenario = scenariosOf('debit-issue').find((s) => s.code === '003_063')!;
    const request = scenario.request as { bankInfo: { bankCode: string; accountNo: string } };
    await openScenario(page, 'debit-issue', '003_063');
    const form = page.getByRole('form', { name: 'Issue a debit card' });
    await form.getByLabel('Bank code').fill(request.bankInfo.bankCode);
    await form.getByLabel('Account number').fill(request.bankInfo.accountNo);
    await form.getByLabel('Resident registration number').fill('900101-1234567');
    await form.getByRole('switch', { name: /Deliver a physical card/ }).click();
    await expect(await confirmForm(page, 'Issue a debit card')).toContainText('Result code 003_063');
  });
});

test.describe('[qa] faults and the request inspector', () => {
  test.use({ storageState: storageStateOf('qa') });

  test('a fault switched on shows on every page, its error leads to the inspector entry', async ({ page }, testInfo) => {
    await page.goto('/qa');
    const switches = page.getByRole('region', { name: 'Fault switches' });
    await switches.getByRole('button', { name: 'Switch on' }).click(); // card-list → HTTP 503 by default
    await expect(switches.getByTestId('faults-on')).toContainText('Search for card → HTTP 503');

    await page.goto('/members/9999999999999999999');
    await expect(page.getByTestId('fault-banner')).toContainText('Search for card → HTTP 503');
    const error = page.getByTestId('upstream-error');
    await expect(error).toContainText('The cards could not be read');
    const link = error.getByRole('link', { name: /^\d{12}-[0-9a-f]{7}$/ });
    const correlationId = (await link.textContent())!;
    await link.click();

    await expect(page).toHaveURL(`/qa/inspector?correlationId=${correlationId}`);
    const entry = page.getByTestId('exchange');
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(correlationId);
    await expect(entry).toContainText('HTTP 503');
    await expect(entry).toContainText('/api/v1/user/card/list');
    await testInfo.attach('inspector', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

    await page.goto('/qa');
    await page.getByRole('button', { name: 'Reset the sandbox' }).click();
    await expect(page.getByText('The sandbox is back to its fixtures; faults are off.')).toBeVisible();
  });

  test('a new endpoint’s fault switched on from the workbench reaches the sandbox, and off again', async ({ page, request }) => {
    const faultsOfSandbox = async () => ((await (await request.get(`${E2E.sandboxControlUrl}/faults`)).json()) as { faults: Record<string, unknown> }).faults;
    await page.goto('/qa');
    const switches = page.getByRole('region', { name: 'Fault switches' });
    for (const [target, name] of [
      ['member-info', 'Member information'],
      ['card-status', 'Card suspension and resumption'],
    ] as const) {
      await switches.getByRole('combobox', { name: 'Endpoint' }).click();
      await page.getByRole('option', { name, exact: true }).click();
      await switches.getByRole('combobox', { name: 'Fault' }).click();
      await page.getByRole('option', { name: 'Dropped connection' }).click();
      await switches.getByRole('button', { name: 'Switch on' }).click();
      await expect(switches.getByRole('alert')).toHaveText(`Fault on for ${name}.`);
      expect((await faultsOfSandbox())[target]).toEqual({ kind: 'drop' });
    }
    await expect(switches.getByTestId('faults-on')).toHaveText('On: Member information → dropped connection; Card suspension and resumption → dropped connection');
    await expect(page.getByTestId('fault-banner')).toContainText('Member information → dropped connection');
    await switches.getByRole('button', { name: 'Switch off' }).click(); // the endpoint still chosen: card-status
    await expect(switches.getByRole('alert')).toHaveText('Fault off for Card suspension and resumption.');
    expect(Object.keys(await faultsOfSandbox())).toEqual(['member-info']);
  });

  test('the inspector keeps no CVC and no full card number', async ({ page }) => {
    const lookup = scenariosOf('unregistered-card').find((s) => s.code === '000_000')!;
    const request = lookup.request as { cardNo: string; cardCVC: string };
    await page.goto(scenarioLink('unregistered-card', '000_000'));
    await page.getByTestId('scenario-unregistered-card-000_000').first().getByRole('button', { name: 'Run this lookup' }).click();
    await expect(page.getByTestId('lookup-outcome').first()).toBeVisible();
    await page.goto('/qa/inspector');
    const entry = page.getByTestId('exchange').first();
    await entry.locator('summary').click();
    await expect(entry).toContainText('[removed]');
    expect(await page.content()).not.toContain(request.cardNo);
  });
});

for (const role of ['agent', 'manager'] as const) {
  test(`[${role}] cannot see or call any of the QA workbench`, async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateOf(role) })).newPage();
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'QA workbench' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Request inspector' })).toHaveCount(0);
    expect((await page.goto('/qa'))?.status()).toBe(403);
    expect((await page.goto('/qa/inspector'))?.status()).toBe(403);
    const result = await callServerAction(page.request, '/qa', 'switchFaultAction', [
      { target: 'card-list', fault: { kind: 'drop' } },
    ]);
    expect(result.body).toContain('"status":"forbidden"');
    const reset = await callServerAction(page.request, '/qa', 'resetSandboxAction', []);
    expect(reset.body).toContain('"status":"forbidden"');
    await page.goto('/members/9999999999999999999');
    await expect(page.getByTestId('fault-banner')).toHaveCount(0);
  });
}

test.describe('[qa] workbench in Korean', () => {
  test.use({ locale: 'ko-KR', extraHTTPHeaders: { 'Accept-Language': 'ko-KR' }, storageState: storageStateOf('qa') });

  test('the catalogue and the fault switches speak Korean, and the page is accessible', async ({ page }, testInfo) => {
    await page.goto(scenarioLink('prepaid-issue', '003_024'));
    await expect(page.getByRole('heading', { name: 'QA 도구', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: '시나리오 목록 사용법' })).toBeVisible();
    await expect(page.getByRole('region', { name: '시나리오' }).getByRole('columnheader', { name: '진행 방법' })).toBeVisible();
    await expect(page.getByRole('search', { name: '시나리오 검색' }).getByRole('combobox', { name: '엔드포인트' })).toHaveText('선불카드 발급');
    const mobileOnly = page.getByTestId('scenario-prepaid-issue-003_024').first();
    await expect(mobileOnly).toContainText('일반형 상품을 모바일카드만 발급');
    await expect(mobileOnly).toContainText('선불카드 발급 화면을 열고(상품 입력됨, 모바일카드만 발급)');
    await expect(mobileOnly.getByRole('link', { name: /^열기: 선불카드 발급 003_024/ })).toHaveText('바로 진행하기');
    for (const english of ['QA workbench', 'Fault switches', 'Switch on', 'What to do', 'Open ready for the action', 'How to use the catalogue', 'All codes']) {
      await expect(page.getByRole('main').getByText(english, { exact: true })).toHaveCount(0);
    }
    await expect(page.getByText(/Missing:|누락:/)).toHaveCount(0);
    await expectAccessible(page);
    await page.goto('/qa?endpoint=card-status');
    await expect(page.getByTestId('scenario-card-status-000_000').first()).toContainText('카드 화면을 열고 정지를 누른 뒤 확인하세요.');
    await screenshot(page, testInfo, 'workbench-ko');

    const switches = page.getByRole('region', { name: '장애 주입' });
    await expect(switches.getByTestId('faults-on')).toHaveText('켜진 장애 주입이 없습니다.');
    await switches.getByRole('button', { name: '켜기' }).click(); // card-list → HTTP 503 by default
    await expect(switches.getByRole('alert')).toHaveText('카드 조회 장애 주입을 켰습니다.');
    await expect(switches.getByTestId('faults-on')).toHaveText('적용 중: 카드 조회 → HTTP 503 오류');
    const banner = page.getByTestId('fault-banner');
    await expect(banner).toContainText('샌드박스에 장애 주입이 켜져 있습니다: 카드 조회 → HTTP 503 오류.');
    await expect(banner.getByRole('link', { name: '장애 주입 설정' })).toBeVisible();
    await expectAccessible(page);

    await switches.getByRole('button', { name: '샌드박스 초기화' }).click();
    await expect(switches.getByRole('alert')).toHaveText('샌드박스를 픽스처 상태로 되돌리고 장애 주입을 모두 껐습니다.');
    await expect(page.getByTestId('fault-banner')).toHaveCount(0);
  });

  test('the request inspector speaks Korean, and is accessible', async ({ page }) => {
    await page.goto(scenarioLink('unregistered-card', '000_000'));
    await page.getByTestId('scenario-unregistered-card-000_000').first().getByRole('button', { name: '이 조회 실행' }).click();
    await expect(page.getByTestId('lookup-outcome').first()).toContainText('거래 추적 번호');
    await page.goto('/qa/inspector');
    await expect(page.getByRole('heading', { name: '요청 내역', level: 1 })).toBeVisible();
    const search = page.getByRole('search', { name: '거래 추적 번호로 검색' });
    await expect(search.getByRole('button', { name: '검색' })).toBeVisible();
    const entry = page.getByTestId('exchange').first();
    await expect(entry).toContainText('HTTP 상태 200');
    await expect(entry.locator('summary')).toHaveText('요청과 응답');
    for (const english of ['Request inspector', 'Filter', 'Request and response', 'no operator']) {
      await expect(page.getByRole('main').getByText(english, { exact: true })).toHaveCount(0);
    }
    await expectAccessible(page);
    await search.getByLabel('거래 추적 번호').fill('no-such-call');
    await search.getByRole('button', { name: '검색' }).click();
    await expect(page.getByTestId('no-exchanges')).toHaveText('거래 추적 번호가 no-such-call인 요청이 아직 없습니다.');
  });
});
