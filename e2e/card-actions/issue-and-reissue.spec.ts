import { expect, test, type Locator, type Page } from '@playwright/test';
import { debitIssueFormSchema, prepaidIssueFormSchema, reissueFormSchema } from '../../lib/schemas/card-requests';
import { parSchema, userIdSchema } from '../../lib/schemas/fields';
import { callServerAction, storageStateOf } from '../fixtures/operators';
import { E2E } from '../../playwright.config';
import { sandbox, scenariosOf } from '../fixtures/sandbox';

/**
 * Every sandbox scenario of the three card-action endpoints, driven through the real forms
 * as an agent: fill, review, confirm, and read the outcome (or, where the console refuses
 * the input itself, the field error and no call to Konaplate).
 */

interface Request {
  userInfo?: { userId?: string };
  serviceId?: string;
  nextServiceId?: string;
  isDeliveryRequired?: boolean;
  addressInfo?: { address?: string; addressDetail?: string; zipCode?: string };
  bankInfo?: { bankCode?: string; accountNo?: string };
  enableFIC?: boolean;
  identityInfo?: { residentRegistrationNo?: string };
  cardInfo?: { par?: string };
}

const KEY = '00000000-0000-4000-8000-000000000000';

function deliveryValues(request: Request) {
  return {
    delivery: request.isDeliveryRequired === false ? 'mobile-only' : 'delivery',
    address: request.addressInfo?.address ?? '',
    addressDetail: request.addressInfo?.addressDetail ?? '',
    zipCode: request.addressInfo?.zipCode ?? '',
  } as const;
}

const FORMS = {
  prepaid: 'Issue a prepaid card',
  debit: 'Issue a debit card',
  reissue: 'Reissue the card',
} as const;
const formOf = (page: Page, form: keyof typeof FORMS) => page.getByRole('form', { name: FORMS[form] });

async function fillDelivery(form: Locator, request: Request) {
  const values = deliveryValues(request);
  const toggle = form.getByRole('switch', { name: /Deliver a physical card|Mobile card only/ });
  if ((values.delivery === 'delivery') !== (await toggle.isChecked())) await toggle.click();
  if (values.delivery === 'delivery') {
    await form.getByLabel('Road-name address').fill(values.address);
    await form.getByLabel('Address detail').fill(values.addressDetail);
    await form.getByLabel('Postal code').fill(values.zipCode);
  }
}

/** Review, confirm, and return once an answer is on the page. */
async function confirm(page: Page, form: Locator, confirmLabel: string) {
  await form.getByRole('button', { name: /^Review and/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: confirmLabel }).click();
  await expect(page.getByTestId('action-outcome').or(page.getByTestId('upstream-error'))).toBeVisible({ timeout: 15_000 });
}

async function expectCode(page: Page, code: string) {
  if (code === '000_000') {
    await expect(page.getByTestId('action-outcome')).toBeVisible();
    await expect(page.getByTestId('card-apply-no')).toHaveText(/^.{22}$/);
  } else {
    await expect(page.getByTestId('upstream-error')).toContainText(`Result code ${code}`);
    await expect(page.getByTestId('upstream-error')).toContainText(/Correlation id \d{12}-[0-9a-f]{7}/);
  }
}

/** The console refused the input: an error next to a field, and Konaplate was not called. */
async function expectRefusedLocally(page: Page, form: Locator, endpoint: Parameters<typeof sandbox.calls>[0], before: number) {
  await form.getByRole('button', { name: /^Review and/ }).click();
  await expect(form.locator('.Mui-error').first()).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await sandbox.calls(endpoint)).toBe(before);
}

test.use({ storageState: storageStateOf('agent') });
test.beforeEach(() => sandbox.reset());

test.describe('[agent] prepaid issuance', () => {
  for (const scenario of scenariosOf('prepaid-issue')) {
    test(`${scenario.code}: ${scenario.description}`, async ({ page }) => {
      const request = scenario.request as Request;
      const userId = request.userInfo?.userId ?? '';
      test.skip(!userIdSchema.safeParse(userId).success, 'not a member id the console accepts (covered by the contract tests)');
      const refusedLocally = !prepaidIssueFormSchema.safeParse({
        idempotencyKey: KEY,
        serviceId: request.serviceId ?? '',
        ...deliveryValues(request),
      }).success;
      const before = await sandbox.calls('prepaid-issue');

      await page.goto(`/members/${userId}/issue?tab=prepaid&serviceId=${request.serviceId ?? ''}`);
      const form = formOf(page, 'prepaid');
      await fillDelivery(form, request);
      if (refusedLocally) return expectRefusedLocally(page, form, 'prepaid-issue', before);
      await confirm(page, form, 'Issue the card');
      await expectCode(page, scenario.code);
      expect(await sandbox.calls('prepaid-issue')).toBe(before + 1);
    });
  }

  test('003_024 is explained next to the delivery switch', async ({ page }) => {
    await page.goto('/members/9999999999999999999/issue?tab=prepaid&serviceId=SVCPP0000000101&delivery=mobile-only');
    await confirm(page, formOf(page, 'prepaid'), 'Issue the card');
    await expect(page.getByRole('alert').filter({ hasText: 'cannot be issued as a mobile card only' }).first()).toBeVisible();
  });
});

test.describe('[agent] debit issuance', () => {
  for (const scenario of scenariosOf('debit-issue')) {
    test(`${scenario.code}: ${scenario.description}`, async ({ page }) => {
      const request = scenario.request as Request;
      const userId = request.userInfo?.userId ?? '';
      test.skip(!userIdSchema.safeParse(userId).success, 'not a member id the console accepts (covered by the contract tests)');
      const values = {
        bankCode: request.bankInfo?.bankCode ?? '',
        accountNo: request.bankInfo?.accountNo ?? '',
        residentRegistrationNo: request.identityInfo?.residentRegistrationNo ?? '',
      };
      const refusedLocally = !debitIssueFormSchema.safeParse({
        idempotencyKey: KEY,
        serviceId: request.serviceId ?? '',
        ...values,
        enableFIC: !!request.enableFIC,
        ...deliveryValues(request),
      }).success;
      const before = await sandbox.calls('debit-issue');

      await page.goto(`/members/${userId}/issue?tab=debit&serviceId=${request.serviceId ?? ''}`);
      const form = formOf(page, 'debit');
      await form.getByLabel('Bank code').fill(values.bankCode);
      await form.getByLabel('Account number').fill(values.accountNo);
      await form.getByLabel('Resident registration number').fill(values.residentRegistrationNo);
      if (request.enableFIC) await form.getByLabel('Include cash IC').check();
      await fillDelivery(form, request);
      if (refusedLocally) return expectRefusedLocally(page, form, 'debit-issue', before);
      await confirm(page, form, 'Issue the card');
      await expectCode(page, scenario.code);
      // Sent once, kept nowhere: not even in the form after the answer.
      if (scenario.code !== '000_000') await expect(form.getByLabel('Resident registration number')).toHaveValue('');
    });
  }
});

test.describe('[agent] prepaid reissuance', () => {
  for (const scenario of scenariosOf('prepaid-reissue')) {
    test(`${scenario.code}: ${scenario.description}`, async ({ page }) => {
      const request = scenario.request as Request;
      const userId = request.userInfo?.userId ?? '';
      const par = request.cardInfo?.par ?? '';
      // The member id and PAR are the page's, bound into the action: the skip below covers them.
      const valid = reissueFormSchema.safeParse({
        idempotencyKey: KEY,
        reason: 'lost',
        nextServiceId: request.nextServiceId ?? '',
        feeAcknowledged: true,
        ...deliveryValues(request),
      }).success;
      test.skip(
        !userIdSchema.safeParse(userId).success || !parSchema.safeParse(par).success,
        'no member id or PAR the console can address (covered by the contract tests)',
      );
      const before = await sandbox.calls('prepaid-reissue');

      await page.goto(`/members/${userId}/cards/${par}/reissue?nextServiceId=${request.nextServiceId ?? ''}`);
      const notOffered = page.getByTestId('reissue-not-offered');
      const form = formOf(page, 'reissue');
      await expect(notOffered.or(form).or(page.getByTestId('upstream-error')).or(page.getByTestId('member-not-found'))).toBeVisible();
      if (!(await form.isVisible())) {
        // The console does not offer it (not lost, already reissued, not this member's, not a member):
        // it says why, and nothing is sent.
        expect(await sandbox.calls('prepaid-reissue')).toBe(before);
        return;
      }
      await fillDelivery(form, request);
      await form.getByLabel('The member accepts a possible reissuance fee').check();
      if (!valid) return expectRefusedLocally(page, form, 'prepaid-reissue', before);
      await confirm(page, form, 'Reissue the card');
      await expectCode(page, scenario.code);
    });
  }

  test('a second reissue from a stale page is refused by Konaplate as already reissued (003_018)', async ({ browser, page }) => {
    const url = '/members/9999999999999999999/cards/Q1J4DLHMNU9VHZ5LLBLRU3M1GSV/reissue';
    const other = await (await browser.newContext({ storageState: storageStateOf('agent') })).newPage();
    await page.goto(url);
    await other.goto(url);
    for (const tab of [page, other]) {
      await fillDelivery(formOf(tab, 'reissue'), { isDeliveryRequired: false });
      await formOf(tab, 'reissue').getByLabel('The member accepts a possible reissuance fee').check();
    }
    await confirm(page, formOf(page, 'reissue'), 'Reissue the card');
    await expectCode(page, '000_000');
    // Read at once, well inside the window in which identical reads share one upstream call:
    // the write cleared it, so the card page shows the card as reissued, not as lost.
    await page.goto(url.replace(/\/reissue$/, ''));
    await expect(page.getByTestId('reissue-not-offered')).toContainText('already been reissued');
    await confirm(other, formOf(other, 'reissue'), 'Reissue the card');
    await expectCode(other, '003_018');
    await other.goto(url);
    await expect(other.getByTestId('reissue-not-offered')).toContainText('already been reissued');
  });
});

test.describe('[agent] no duplicates, no secrets, no blind retries', () => {
  test('a double submission reaches Konaplate once and shows the first outcome', async ({ page }) => {
    const before = await sandbox.calls('prepaid-issue');
    await page.goto('/members/9999999999999999999/issue?tab=prepaid&serviceId=SVCPP0000000102&delivery=mobile-only');
    await formOf(page, 'prepaid').getByRole('button', { name: 'Review and issue' }).click();
    // Two submissions of the same form, as a double click that beat the lock would send.
    await page.evaluate(() => {
      const dialogButton = [...document.querySelectorAll('[role="dialog"] button')].find((b) => b.textContent === 'Issue the card');
      const form = document.querySelector('form[aria-label="Issue a prepaid card"]') as HTMLFormElement;
      (dialogButton as HTMLButtonElement).click();
      form.requestSubmit();
      form.requestSubmit();
    });
    await expect(page.getByTestId('action-outcome')).toBeVisible({ timeout: 15_000 });
    await page.waitForTimeout(1_000);
    expect(await sandbox.calls('prepaid-issue')).toBe(before + 1);
  });

  test('the new card’s CVC never reaches the browser', async ({ page }) => {
    const bodies: string[] = [];
    page.on('response', async (response) => {
      if (response.url().startsWith(E2E.consoleUrl)) bodies.push(await response.text().catch(() => ''));
    });
    await page.goto('/members/9999999999999999999/issue?tab=prepaid&serviceId=SVCPP0000000102&delivery=mobile-only');
    await confirm(page, formOf(page, 'prepaid'), 'Issue the card');
    await expectCode(page, '000_000');
    const everything = bodies.join('\n') + (await page.content());
    expect(everything).not.toMatch(/mobileCardCVC|cardCVC/i);
    // A card number stands alone: 16 digits inside a longer token (an action id, a member id) are not one.
    expect(everything).not.toMatch(/(?<![\w-])\d{16}(?![\w-])/);
  });

  test('a timeout is "outcome unknown", locks the form and is not retried', async ({ page }) => {
    await sandbox.setFault('prepaid-issue', { kind: 'latency', ms: 5_000 });
    try {
      const before = await sandbox.calls('prepaid-issue');
      await page.goto('/members/9999999999999999999/issue?tab=prepaid&serviceId=SVCPP0000000102&delivery=mobile-only');
      await confirm(page, formOf(page, 'prepaid'), 'Issue the card');
      const alert = page.getByTestId('upstream-error');
      await expect(alert).toContainText('Outcome unknown');
      await expect(alert).toContainText('Check the card list before retrying');
      // …and the card list is read again, right there.
      await expect(page.getByTestId('cards-after-unknown').getByTestId('card-row').first()).toBeVisible();
      await expect(formOf(page, 'prepaid').getByRole('button', { name: 'Review and issue' })).toBeDisabled();
      expect(await sandbox.calls('prepaid-issue')).toBe(before + 1);
    } finally {
      await sandbox.clearFaults();
    }
  });
});

test('[manager] is not offered issuance, and a direct call is refused on the server', async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: storageStateOf('manager') })).newPage();
  const response = await page.goto('/members/9999999999999999999/issue');
  expect(response?.status()).toBe(403);
  const before = await sandbox.calls('prepaid-issue');
  for (const action of ['issuePrepaidCardAction', 'issueDebitCardAction', 'reissuePrepaidCardAction']) {
    const result = await callServerAction(page.request, '/members/9999999999999999999/issue', action, [{ status: 'idle' }, {}]);
    expect(result.body).toContain('"status":"forbidden"');
  }
  expect(await sandbox.calls('prepaid-issue')).toBe(before);
});
