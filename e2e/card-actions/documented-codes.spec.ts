import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { callFormAction, callServerAction, formData, storageStateOf } from '../fixtures/operators';
import { screenshot } from '../fixtures/page-checks';
import { sandbox, scenariosOf } from '../fixtures/sandbox';
import type { EndpointKey } from '../../sandbox/result-codes';

/**
 * The documented codes of card status, delivery inquiry, delivery cancellation and the product
 * list that no other journey reaches. Most are requests no page builds (an unknown status word,
 * a missing or malformed id, a member or application the page was not shown): the journey is a
 * hand-made request to the server action, refused by the server or answered by Konaplate, with
 * the sandbox's call count saying which; the QA workbench marks the first “not sent by the
 * console” and the second “hand-made request only”.
 */
const HANEUL = '9999999999999999999';
const KIM = '1000000008';
const NOBODY = '1234567890';
const ACTIVE = 'Q1J4D526JR3WG30EM2U8LDJSE8V';
const TODAY = 'Q1J4RT6YF4DBGL1FCWLVZ7YLEE9';
const cardPage = (userId: string, par: string) => `/members/${userId}/cards/${par}`;
const scenarioLink = (endpoint: string, code: string) => `/qa?endpoint=${endpoint}&code=${code}`;

interface ScenarioRequest {
  userId?: string;
  par?: string;
  cardNo?: string;
  status?: string;
  cardApplyNo?: string;
  serviceIdList?: string[];
}

/** The sandbox scenario's request, found by endpoint, code and (where a code has several) description. */
function requestOf(endpoint: EndpointKey, code: string, description?: string): ScenarioRequest {
  const found = scenariosOf(endpoint).find((s) => s.code === code && (description === undefined || s.description === description));
  if (!found) throw new Error(`no sandbox scenario ${endpoint} ${code} ${description ?? ''}`);
  return found.request as ScenarioRequest;
}

/** A suspension or resumption as the card page's dialog posts it, `status` left out when undefined. */
function changeStatus(request: APIRequestContext, userId: string, par: string, status: string | undefined) {
  const fields: Record<string, string> = { idempotencyKey: crypto.randomUUID(), reason: 'lost' };
  if (status !== undefined) fields.status = status;
  return callFormAction(request, cardPage(HANEUL, ACTIVE), 'changeCardStatusAction', [userId, par, { status: 'idle' }, formData(fields)]);
}

/** A cancellation as the card page's dialog posts it (the application number bound by the page). */
function cancelApplication(request: APIRequestContext, userId: string, par: string, cardApplyNo: string | undefined) {
  return callFormAction(request, cardPage(KIM, TODAY), 'cancelCardApplicationAction', [
    userId,
    par,
    cardApplyNo,
    { status: 'idle' },
    formData({ idempotencyKey: crypto.randomUUID(), reason: 'memberRequest' }),
  ]);
}

/** Refused by the console's server: an "invalid" answer, no result code, nothing sent to Konaplate. */
async function expectRefused(answer: { status: number; body: string }, endpoint: EndpointKey, before: number, text: string) {
  expect(answer.status).toBe(200);
  expect(answer.body).toContain('"status":"invalid"');
  expect(answer.body).toContain(text);
  expect(answer.body).not.toMatch(/"code":"\d{3}_\d{3}"/);
  expect(await sandbox.calls(endpoint)).toBe(before);
}

/** Sent to Konaplate once, and its code carried back to the operator. */
async function expectAnswered(answer: { status: number; body: string }, endpoint: EndpointKey, before: number, code: string) {
  expect(answer.body).toContain('"status":"upstream-error"');
  expect(answer.body).toContain(`"code":"${code}"`);
  expect(await sandbox.calls(endpoint)).toBe(before + 1);
}

const BAD_PAGE = 'member or card is not valid: open it again';
const CHECK_FIELDS = 'Check the highlighted fields.';

test.use({ storageState: storageStateOf('agent') });
test.beforeEach(() => sandbox.reset());

test.describe('[agent] card status', () => {
  test('000_002 unknown status value: a hand-made STOP is refused by the server, Konaplate not called', async ({ page }) => {
    const request = requestOf('card-status', '000_002', 'Unknown status value');
    expect(request.status).toBe('STOP');
    const before = await sandbox.calls('card-status');
    const answer = await changeStatus(page.request, request.userId!, request.par!, request.status);
    await expectRefused(answer, 'card-status', before, CHECK_FIELDS);
    expect(answer.body).toMatch(/"fieldErrors":\{"status":\[/);
  });

  test('000_002 a card number of 15 digits: the member search refuses it next to the field, nothing sent', async ({ page }) => {
    const request = requestOf('card-status', '000_002', 'Card number of 15 digits');
    const statuses = await sandbox.calls('card-status');
    await page.goto(`/members/${request.userId}`);
    await expect(page.getByTestId('card-row').first()).toBeVisible();
    const listsAfterPage = await sandbox.calls('card-list');
    const search = page.getByRole('search', { name: "Find a member's cards" });
    await search.getByLabel('Card number (optional)').fill(request.cardNo!);
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(search.getByText('A card number has 16 digits.')).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/members/${request.userId}$`));
    expect(await sandbox.calls('card-list')).toBe(listsAfterPage);
    expect(await sandbox.calls('card-status')).toBe(statuses);
  });

  test('000_003 neither PAR nor card number: a hand-made request with an empty PAR is refused, Konaplate not called', async ({ page }) => {
    const request = requestOf('card-status', '000_003', 'Neither par nor cardNo');
    expect(request.par).toBeUndefined();
    expect(request.cardNo).toBeUndefined();
    const before = await sandbox.calls('card-status');
    await expectRefused(await changeStatus(page.request, request.userId!, '', request.status), 'card-status', before, BAD_PAGE);
  });

  test('000_003 status missing: a hand-made request without a status is refused, Konaplate not called', async ({ page }) => {
    const request = requestOf('card-status', '000_003', 'status missing');
    expect(request.status).toBeUndefined();
    const before = await sandbox.calls('card-status');
    const answer = await changeStatus(page.request, request.userId!, request.par!, undefined);
    await expectRefused(answer, 'card-status', before, CHECK_FIELDS);
    expect(answer.body).toMatch(/"fieldErrors":\{"status":\[/);
  });

  test('001_006 not a member: the member’s pages say so, and a hand-made suspension is answered 001_006 by Konaplate', async ({ page }) => {
    const request = requestOf('card-status', '001_006');
    expect(request.userId).toBe(NOBODY);
    await page.goto(`/members/${NOBODY}`);
    await expect(page.getByTestId('member-not-found')).toContainText(`No member with id ${NOBODY}`);
    await expect(page.getByTestId('member-not-found')).toContainText('Result code 001_006');
    // The card page has no card, so nothing to suspend (the workbench says so): only a hand-made request gets further.
    await page.goto(cardPage(NOBODY, request.par!));
    await expect(page.getByTestId('member-not-found').first()).toContainText('Result code 001_006');
    await expect(page.getByRole('button', { name: 'Suspend the card' })).toHaveCount(0);

    const before = await sandbox.calls('card-status');
    const answer = await changeStatus(page.request, NOBODY, request.par!, request.status);
    await expectAnswered(answer, 'card-status', before, '001_006');
    expect(answer.body).toContain('No wallet member has this id');
  });

  test('003_001 another member’s card number: the console finds cards by number only among the member’s own, and sends status changes by PAR', async ({ page }) => {
    // changeCardStatusAction takes a PAR only (bound by the card page); the Konaplate client
    // could send a cardNo, but no caller does (its two callers, the action and the approval's
    // execution, pass `par`). So 003_001 of card status cannot come from the console: the
    // sandbox's answer is covered by the contract test (test/contract/scenarios.test.ts).
    // What the console does with such a number: the search looks for it among the member's cards.
    const request = requestOf('card-status', '003_001');
    const statuses = await sandbox.calls('card-status');
    await page.goto(`/members/${request.userId}`);
    await expect(page.getByTestId('card-row').first()).toBeVisible();
    const listsAfterPage = await sandbox.calls('card-list');
    const search = page.getByRole('search', { name: "Find a member's cards" });
    await search.getByLabel('Card number (optional)').fill(request.cardNo!);
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(search.getByText('No card of this member has that number.')).toBeVisible({ timeout: 15_000 });
    expect(await sandbox.calls('card-list')).toBe(listsAfterPage + 1);

    // And a card number put where the PAR goes is refused by the server.
    const answer = await changeStatus(page.request, request.userId!, request.cardNo!, request.status);
    await expectRefused(answer, 'card-status', statuses, BAD_PAGE);
  });

  test('003_022 a terminated card, 003_906 one replaced by its reissue: the card page offers neither action, a hand-made suspension is answered by Konaplate', async ({ page }) => {
    for (const [code, description] of [
      ['003_022', 'Card already terminated (cardLifeStatus 90)'],
      ['003_906', 'Suspend a card suspended by its reissuance (3A)'],
    ] as const) {
      const request = requestOf('card-status', code, description);
      await page.goto(cardPage(request.userId!, request.par!));
      await expect(page.getByTestId('card-detail')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Suspend the card' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Resume the card' })).toHaveCount(0);
      const before = await sandbox.calls('card-status');
      await expectAnswered(await changeStatus(page.request, request.userId!, request.par!, 'SUSPEND'), 'card-status', before, code);
    }
  });

  test('003_906 resume a card that is not suspended: a stale page’s Resume, after another tab resumed it', async ({ browser, page }) => {
    const request = requestOf('card-status', '003_906', 'Resume a card that is not suspended');
    expect([request.userId, request.par, request.status]).toEqual([HANEUL, ACTIVE, 'RESUME']);
    await page.goto(cardPage(HANEUL, ACTIVE));
    await page.getByRole('button', { name: 'Suspend the card' }).click();
    const suspend = page.getByRole('dialog', { name: 'Suspend this card?' });
    await suspend.getByRole('radio', { name: 'Lost', exact: true }).check();
    await suspend.getByRole('button', { name: 'Suspend the card' }).click();
    await expect(page.getByTestId('state-change-done')).toContainText('Card suspended as lost', { timeout: 15_000 });

    // A second tab opened now offers Resume, and keeps offering it.
    const stale = await (await browser.newContext({ storageState: storageStateOf('agent') })).newPage();
    await stale.goto(cardPage(HANEUL, ACTIVE));
    // Reads of the same card within two seconds may share one answer: read again until the suspension shows.
    await expect(async () => {
      await stale.reload();
      await expect(stale.getByRole('button', { name: 'Resume the card' })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });

    await resume(page);
    await expect(page.getByTestId('state-change-done')).toContainText('Card resumed', { timeout: 15_000 });

    const before = await sandbox.calls('card-status');
    const dialog = await resume(stale);
    const error = dialog.getByTestId('upstream-error');
    await expect(error).toContainText("The card's current state does not allow this change", { timeout: 15_000 });
    await expect(error).toContainText('Result code 003_906');
    await expect(error).toContainText(/Correlation id \d{12}-[0-9a-f]{7}/);
    expect(await sandbox.calls('card-status')).toBe(before + 1);
  });
});

/** Opens the resumption, gives a reason of one's own, confirms; returns the dialog. */
async function resume(page: Page) {
  await page.getByRole('button', { name: 'Resume the card' }).click();
  const dialog = page.getByRole('dialog', { name: 'Resume this card?' });
  await dialog.getByRole('radio', { name: 'Other' }).check();
  await dialog.getByLabel('Reason, in your words').fill('Found by the member');
  await dialog.getByRole('button', { name: 'Resume the card' }).click();
  return dialog;
}

test.describe('[agent] delivery inquiry', () => {
  test('000_002 an application number of 21 characters is refused by the server, Konaplate not called', async ({ page }) => {
    const request = requestOf('delivery-inquiry', '000_002');
    expect(request.cardApplyNo).toHaveLength(21);
    const before = await sandbox.calls('delivery-inquiry');
    const answer = await callServerAction(page.request, cardPage(HANEUL, ACTIVE), 'readCardDeliveryAction', [request.userId, request.cardApplyNo]);
    await expectRefused(answer, 'delivery-inquiry', before, BAD_PAGE);
  });

  test('000_003 no application number: refused by the server, Konaplate not called', async ({ page }) => {
    const request = requestOf('delivery-inquiry', '000_003');
    expect(request.cardApplyNo).toBeUndefined();
    const before = await sandbox.calls('delivery-inquiry');
    const answer = await callServerAction(page.request, cardPage(HANEUL, ACTIVE), 'readCardDeliveryAction', [request.userId]);
    await expectRefused(answer, 'delivery-inquiry', before, BAD_PAGE);
  });

  test('001_006 not a member: a hand-made inquiry is answered 001_006 by Konaplate', async ({ page }) => {
    const request = requestOf('delivery-inquiry', '001_006');
    const before = await sandbox.calls('delivery-inquiry');
    const answer = await callServerAction(page.request, cardPage(HANEUL, ACTIVE), 'readCardDeliveryAction', [request.userId, request.cardApplyNo]);
    await expectAnswered(answer, 'delivery-inquiry', before, '001_006');
    await page.goto(`/members/${request.userId}`);
    await expect(page.getByTestId('member-not-found')).toContainText('Result code 001_006');
  });
});

test.describe('[agent] delivery cancellation', () => {
  test('000_002 an application that does not exist: well-formed, so a hand-made request reaches Konaplate, answered 000_002', async ({ page }) => {
    // The page binds the application it read; the console checks only the number's form
    // (22 letters and digits), so whether it exists is Konaplate's to say.
    const request = requestOf('delivery-cancel', '000_002');
    const before = await sandbox.calls('delivery-cancel');
    const answer = await cancelApplication(page.request, request.userId!, TODAY, request.cardApplyNo);
    await expectAnswered(answer, 'delivery-cancel', before, '000_002');
    // The member's real application is untouched.
    await page.goto(cardPage(KIM, TODAY));
    await expect(page.getByTestId('card-detail').getByTestId('card-verdict')).toHaveText('New card on its way (READY)');
  });

  test('000_003 no application number: refused by the server, Konaplate not called', async ({ page }) => {
    const request = requestOf('delivery-cancel', '000_003');
    expect(request.cardApplyNo).toBeUndefined();
    const before = await sandbox.calls('delivery-cancel');
    await expectRefused(await cancelApplication(page.request, request.userId!, TODAY, undefined), 'delivery-cancel', before, BAD_PAGE);
  });

  test('001_006 not a member: a hand-made cancellation is answered 001_006 by Konaplate', async ({ page }) => {
    const request = requestOf('delivery-cancel', '001_006');
    const before = await sandbox.calls('delivery-cancel');
    const answer = await cancelApplication(page.request, request.userId!, TODAY, request.cardApplyNo);
    await expectAnswered(answer, 'delivery-cancel', before, '001_006');
    await page.goto(`/members/${request.userId}`);
    await expect(page.getByTestId('member-not-found')).toContainText('Result code 001_006');
  });
});

test('[agent] product list 000_002 / 000_003: the console asks for its own product ids, and the picker names them', async ({ page }) => {
  // The ids are the console's constants (lib/cards/product-catalogue.ts CONSOLE_PRODUCTS): a
  // short id, an empty or a missing list is never built. (The names are cached for five
  // minutes across pages, so this page may cost no call: no count to assert here.)
  for (const [code, description] of [['000_002', 'serviceId of 7 characters'], ['000_002', 'Empty list'], ['000_003', 'serviceIdList missing']] as const) {
    const request = requestOf('product-list', code, description);
    expect(request.serviceIdList === undefined || request.serviceIdList.length === 0 || request.serviceIdList.some((id) => id.length !== 15)).toBe(true);
  }
  await page.goto(`/members/${HANEUL}/issue?tab=prepaid`);
  const form = page.getByRole('form', { name: 'Issue a prepaid card' });
  await expect(form.getByTestId('products-unavailable')).toHaveCount(0);
  await form.getByLabel('Card product id').click();
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options).toHaveText([
    'SVCPP0000000101 — 코나 에브리데이 선불카드',
    'SVCPP0000000102 — 코나 모바일 기프트카드',
    'SVCPP0000000103 — 코나 트래블 선불카드',
    'SVCPP0000000104 — 코나 캠퍼스 선불카드 (판매 종료)',
  ]);
});

test.describe('[qa] the workbench rows of these codes', () => {
  test.use({ storageState: storageStateOf('qa') });

  /** The workbench's one row of this scenario (its description shown as `shown`, in the reader's language), as a shared link opens it. */
  async function workbenchRow(page: Page, endpoint: EndpointKey, code: string, description: string, shown = description) {
    requestOf(endpoint, code, description);
    await page.goto(scenarioLink(endpoint, code));
    const row = page.getByTestId(`scenario-${endpoint}-${code}`).filter({ hasText: shown });
    await expect(row, `${endpoint} ${code} ${description}`).toHaveCount(1);
    return row;
  }

  test('the requests the server refuses or cannot say are marked “not sent by the console”, with nothing to open', async ({ page }) => {
    for (const [endpoint, code, description] of [
      ['card-status', '000_002', 'Unknown status value'],
      ['card-status', '000_003', 'Neither par nor cardNo'],
      ['card-status', '000_003', 'status missing'],
      // Status changes go by PAR: a card number is never sent, so neither is its 003_001.
      ['card-status', '003_001', "Card number of another member's card"],
      ['delivery-inquiry', '000_002', 'cardApplyNo of 21 characters'],
      ['delivery-inquiry', '000_003', 'cardApplyNo missing'],
      ['delivery-cancel', '000_003', 'cardApplyNo missing'],
      ['product-list', '000_002', 'serviceId of 7 characters'],
      ['product-list', '000_002', 'Empty list'],
      ['product-list', '000_003', 'serviceIdList missing'],
    ] as const) {
      const row = await workbenchRow(page, endpoint, code, description);
      await expect(row, `${endpoint} ${code} ${description}`).toContainText('not sent by the console');
      await expect(row).toContainText('Nothing to do in the console: it never sends this request.');
      await expect(row).not.toContainText('hand-made request only');
      await expect(row.getByRole('link', { name: /^Open:/ })).toHaveCount(0);
    }
  });

  test('the requests no page offers but the server sends by hand are marked “hand-made request only”, with nothing to open', async ({ page }) => {
    // The journeys above (and card-state-codes.spec.ts for 003_021 and 003_001) post these to the server action: Konaplate answers each.
    for (const [endpoint, code, description] of [
      ['card-status', '001_006', 'Not a member'],
      ['card-status', '003_021', "par of another member's card"],
      ['card-status', '003_022', 'Card already terminated (cardLifeStatus 90)'],
      ['card-status', '003_906', 'Suspend a card suspended by its reissuance (3A)'],
      ['delivery-inquiry', '001_006', 'Not a member'],
      ['delivery-inquiry', '003_001', 'Application of another member'],
      ['delivery-inquiry', '003_001', 'Mobile-only application: nothing is delivered'],
      ['delivery-cancel', '000_002', 'Application that does not exist'],
      ['delivery-cancel', '001_006', 'Not a member'],
    ] as const) {
      const row = await workbenchRow(page, endpoint, code, description);
      await expect(row, `${endpoint} ${code} ${description}`).toContainText('hand-made request only');
      await expect(row).toContainText('No console screen offers this request for this member, card or application.');
      await expect(row).toContainText("posted to the console's server (as the e2e journeys do) or sent to the sandbox directly");
      await expect(row).not.toContainText('not sent by the console');
      await expect(row.getByRole('link', { name: /^Open:/ })).toHaveCount(0);
    }
  });

  test('the others say where the console reaches them', async ({ page }) => {
    for (const [code, description, href] of [
      ['000_002', 'Card number of 15 digits', `/members/${HANEUL}`],
      ['003_906', 'Resume a card that is not suspended', cardPage(HANEUL, ACTIVE)],
      ['003_906', 'Resume a lost card whose reissuance is in progress', /^\/members\/\d+\/cards\/[A-Z0-9]{27}$/],
    ] as const) {
      const row = await workbenchRow(page, 'card-status', code, description);
      if (description === 'Resume a card that is not suspended') await expect(row).toContainText('then press Resume in the first tab');
      await expect(row).not.toContainText('not sent by the console');
      await expect(row).not.toContainText('hand-made request only');
      const link = await row.getByRole('link', { name: /^Open:/ }).getAttribute('href');
      if (typeof href === 'string') expect(link, `${code} ${description}`).toBe(href);
      else expect(link, `${code} ${description}`).toMatch(href);
    }
  });

  test.describe('in Korean', () => {
    test.use({ locale: 'ko-KR', extraHTTPHeaders: { 'Accept-Language': 'ko-KR' } });

    test('a hand-made-only row and a never-sent row say so in Korean', async ({ page }, testInfo) => {
      const handMade = await workbenchRow(page, 'card-status', '001_006', 'Not a member', '회원 아님');
      await expect(handMade).toContainText('직접 작성한 요청만');
      await expect(handMade).toContainText('이 회원, 카드 또는 발급 신청에 대해서는 콘솔 화면에서 이 요청을 보낼 수 없습니다.');
      await expect(handMade.getByRole('link')).toHaveCount(0);
      await screenshot(page, testInfo, 'workbench-hand-made-ko');
      const never = await workbenchRow(page, 'card-status', '003_001', "Card number of another member's card", '다른 회원 카드의 카드번호');
      await expect(never).toContainText('콘솔에서 보내지 않음');
      await expect(never).toContainText('콘솔에서 할 일이 없습니다. 콘솔은 이 요청을 보내지 않습니다.');
      await expect(never.getByRole('link')).toHaveCount(0);
    });
  });
});
