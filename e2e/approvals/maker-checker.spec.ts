import { expect, test, type Browser, type Page } from '@playwright/test';
import { callFormAction, formData, storageStateOf, type Role } from '../fixtures/operators';
import { expectAccessible, expectNoEnglish, screenshot } from '../fixtures/page-checks';
import { sandbox } from '../fixtures/sandbox';

/**
 * Maker–checker: with the policy on, an agent's reissue waits for a manager, who reads it with
 * the member's cards as they are now and approves (it is sent once) or rejects it; the maker
 * follows it, or withdraws it; nobody decides their own request. The policy is switched on by
 * an admin for this file only: every other journey runs with it off, as a programme that does
 * not want dual control would.
 */
const MEMBER = '9999999999999999999';
const LOST = 'Q1J4DLHMNU9VHZ5LLBLRU3M1GSV';

async function as<T>(browser: Browser, role: Role, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: storageStateOf(role), locale: 'en-GB' });
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

async function setPolicy(page: Page, enabled: boolean, ttlMinutes = 30) {
  await page.goto('/admin/approvals');
  const form = page.getByRole('form', { name: 'Approval policy' });
  const toggle = form.getByRole('switch', { name: 'Hold actions for approval' });
  if ((await toggle.isChecked()) !== enabled) await toggle.click();
  await form.getByLabel('Minutes a request waits').fill(String(ttlMinutes));
  await form.getByRole('button', { name: 'Save the policy' }).click();
  await expect(form.getByText('Policy saved.')).toBeVisible();
}

/** The agent asks to replace the lost card; the answer is "sent for approval", and nothing reaches Konaplate. */
async function requestReissue(page: Page): Promise<string> {
  const before = await sandbox.calls('prepaid-reissue');
  await page.goto(`/members/${MEMBER}/cards/${LOST}/reissue`);
  const form = page.getByRole('form', { name: 'Reissue the card' });
  await form.getByRole('radio', { name: 'Lost', exact: true }).check();
  await form.getByLabel('Road-name address').fill('서울특별시 중구 세종대로 110');
  await form.getByLabel('Address detail').fill('3층');
  await form.getByLabel('Postal code').fill('04524');
  await form.getByLabel('The member accepts a possible reissuance fee').check();
  await form.getByRole('button', { name: 'Review and reissue' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reissue the card' }).click();
  const held = page.getByTestId('held-for-approval');
  await expect(held).toContainText('Sent for approval');
  await expect(held).toContainText('Nothing has been sent to the platform yet');
  expect(await sandbox.calls('prepaid-reissue')).toBe(before);
  const href = await held.getByRole('link', { name: 'Follow it on Approvals' }).getAttribute('href');
  const id = /^\/approvals\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1];
  expect(id).toBeDefined();
  return id!;
}

test.describe('maker–checker', () => {
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(({ browser }) => as(browser, 'admin', (page) => setPolicy(page, true)));
  test.afterAll(({ browser }) => as(browser, 'admin', (page) => setPolicy(page, false)));
  test.beforeEach(() => sandbox.reset());

  test('maker → checker → sent once; the maker sees the outcome', async ({ browser }, testInfo) => {
    // The maker's screen stays open: it follows the request while the checker decides.
    const makerContext = await browser.newContext({ storageState: storageStateOf('agent'), locale: 'en-GB' });
    const maker = await makerContext.newPage();
    const id = await requestReissue(maker);
    const before = await sandbox.calls('prepaid-reissue');

    await as(browser, 'manager', async (page) => {
      await page.goto('/approvals');
      await expect(page.getByTestId('approvals-count')).toHaveText('1 request waits for approval');
      await expect(page.getByTestId('approvals-badge')).toContainText('1');
      await page.getByRole('link', { name: `Review request ${id.slice(0, 8)}` }).click();
      await expect(page.getByRole('heading', { name: 'Request for approval' })).toBeVisible();
      await expect(page.getByText('agent@konaplate.test', { exact: false }).first()).toBeVisible();
      await expect(page.getByRole('heading', { name: "The member's cards now" })).toBeVisible();
      // The same consequences the maker was shown.
      await expect(page.getByTestId('consequence-preview')).toContainText('The new card has a new card number.');
      await expectAccessible(page);
      await screenshot(page, testInfo, 'checker-reads-request');
      await page.getByRole('button', { name: 'Approve and send' }).click();
      const confirm = page.getByRole('dialog', { name: 'Approve and send this request?' });
      await confirm.getByRole('button', { name: 'Approve and send' }).click();
      await expect(page.getByTestId('decision-outcome')).toContainText(/^Sent: application .{22}\.$/, { timeout: 15_000 });
    });
    expect(await sandbox.calls('prepaid-reissue')).toBe(before + 1);

    await expect(maker.getByTestId('held-for-approval')).toHaveAttribute('data-status', 'executed', { timeout: 15_000 });
    await expect(maker.getByTestId('held-for-approval')).toContainText('Approved and sent');
    await expect(maker.getByTestId('held-for-approval')).toContainText('Sent: application');
    await makerContext.close();
    await as(browser, 'agent', async (page) => {
      await page.goto('/approvals');
      const mine = page.getByTestId('approval-row').first();
      await expect(mine).toContainText('Approved and sent');
      await expect(mine).toContainText('Sent: application');
    });
    await as(browser, 'manager', async (page) => {
      // Decided: it no longer waits, and it cannot be approved again.
      await page.goto(`/approvals/${id}`);
      await expect(page.getByText('This request is no longer waiting: Approved and sent.')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Approve and send' })).toHaveCount(0);
      const again = await callFormAction(page.request, `/approvals/${id}`, 'decideRequestAction', [id, { status: 'idle' }, formData({ decision: 'approve' })]);
      expect(again.body).toContain('Another operator has already decided this request.');
      await page.goto(`/audit?member=${MEMBER}`);
      await expect(page.getByRole('row', { name: /Approved/ }).first()).toBeVisible();
    });
    expect(await sandbox.calls('prepaid-reissue')).toBe(before + 1);
  });

  test('maker → rejected with a reason: nothing is sent', async ({ browser }) => {
    const id = await as(browser, 'agent', requestReissue);
    const before = await sandbox.calls('prepaid-reissue');
    await as(browser, 'manager', async (page) => {
      await page.goto(`/approvals/${id}`);
      await page.getByRole('button', { name: 'Reject' }).click();
      await expect(page.getByText('Say why the request is rejected.')).toBeVisible();
      await page.getByLabel('Comment').fill('The member found the card');
      await page.getByRole('button', { name: 'Reject' }).click();
      await expect(page.getByTestId('decision-outcome')).toHaveText('Request rejected: nothing was sent.');
    });
    await as(browser, 'agent', async (page) => {
      await page.goto(`/approvals/${id}`);
      await expect(page.getByText('This request is no longer waiting: Rejected.')).toBeVisible();
      await expect(page.getByText('Comment: The member found the card')).toBeVisible();
    });
    expect(await sandbox.calls('prepaid-reissue')).toBe(before);
  });

  test('the maker withdraws a pending request; the checker’s queue no longer has it', async ({ browser }) => {
    const id = await as(browser, 'agent', async (page) => {
      const requested = await requestReissue(page);
      await page.goto('/approvals');
      await page.getByRole('button', { name: `Withdraw request ${requested.slice(0, 8)}` }).click();
      await expect(page.getByText('Request withdrawn: nothing was sent.')).toBeVisible();
      await expect(page.getByTestId('approval-row').first()).toContainText('Withdrawn');
      return requested;
    });
    await as(browser, 'manager', async (page) => {
      await page.goto('/approvals');
      await expect(page.getByTestId('approvals-count')).toHaveText('Nothing waits for approval');
      const late = await callFormAction(page.request, `/approvals/${id}`, 'decideRequestAction', [id, { status: 'idle' }, formData({ decision: 'approve' })]);
      expect(late.body).toContain('Another operator has already decided this request.');
    });
  });

  test('nobody approves their own request: refused on the server', async ({ browser }) => {
    const id = await as(browser, 'agent', requestReissue);
    await as(browser, 'admin', async (page) => {
      await page.goto('/admin/operators');
      await page.getByTestId('operator-agent@konaplate.test').getByRole('checkbox', { name: 'Manager' }).check();
      await expect(page.getByText('Roles of agent@konaplate.test saved.')).toBeVisible();
    });
    try {
      await as(browser, 'agent', async (page) => {
        await page.goto(`/approvals/${id}`);
        await expect(page.getByText('You made this request: another operator must decide it.').first()).toBeVisible();
        await expect(page.getByRole('button', { name: 'Approve and send' })).toHaveCount(0);
        const own = await callFormAction(page.request, `/approvals/${id}`, 'decideRequestAction', [id, { status: 'idle' }, formData({ decision: 'approve' })]);
        expect(own.body).toContain('You made this request: another operator must decide it.');
      });
    } finally {
      await as(browser, 'admin', async (page) => {
        await page.goto('/admin/operators');
        await page.getByTestId('operator-agent@konaplate.test').getByRole('checkbox', { name: 'Manager' }).uncheck();
        await expect(page.getByText('Roles of agent@konaplate.test saved.')).toBeVisible();
      });
    }
    // Leaves no request waiting for the journeys after this one.
    await as(browser, 'agent', async (page) => {
      const withdrawn = await callFormAction(page.request, '/approvals', 'withdrawRequestAction', [id]);
      expect(withdrawn.body).toContain('Request withdrawn');
    });
  });

  test('a request nobody decides in time expires, and can no longer be sent', async ({ browser }) => {
    test.setTimeout(150_000);
    await as(browser, 'admin', (page) => setPolicy(page, true, 1));
    try {
      const makerContext = await browser.newContext({ storageState: storageStateOf('agent'), locale: 'en-GB' });
      const maker = await makerContext.newPage();
      const id = await requestReissue(maker);
      const before = await sandbox.calls('prepaid-reissue');
      // The maker's screen follows it: after its minute, it says the request expired.
      await expect(maker.getByTestId('held-for-approval')).toHaveAttribute('data-status', 'expired', { timeout: 90_000 });
      await expect(maker.getByTestId('held-for-approval')).toContainText('Expired');
      await makerContext.close();
      await as(browser, 'manager', async (page) => {
        await page.goto('/approvals');
        await expect(page.getByTestId('approvals-count')).toHaveText('Nothing waits for approval');
        const late = await callFormAction(page.request, `/approvals/${id}`, 'decideRequestAction', [id, { status: 'idle' }, formData({ decision: 'approve' })]);
        expect(late.body).toContain('This request has expired: nothing was sent.');
      });
      expect(await sandbox.calls('prepaid-reissue')).toBe(before);
    } finally {
      await as(browser, 'admin', (page) => setPolicy(page, true));
    }
  });

  test('in Korean: the queue and a request read without English', async ({ browser }, testInfo) => {
    const id = await as(browser, 'agent', requestReissue);
    const context = await browser.newContext({ storageState: storageStateOf('manager'), locale: 'ko-KR' });
    try {
      const page = await context.newPage();
      await page.goto('/approvals');
      await expect(page.getByRole('heading', { name: '승인 대기 목록' })).toBeVisible();
      await expectNoEnglish(page, ['Approvals', 'Waiting for a checker', 'My requests', 'Review', 'Requested by', 'Reissue prepaid card']);
      await screenshot(page, testInfo, 'ko-queue');
      await page.goto(`/approvals/${id}`);
      await expect(page.getByRole('button', { name: '승인 후 전송' })).toBeVisible();
      await expectNoEnglish(page, ['Request for approval', "The member's cards now", 'What will be sent', 'Comment', 'Approve and send', 'Reject', 'Delivery address', 'Lost']);
      await expectAccessible(page);
      await screenshot(page, testInfo, 'ko-request');
      await page.getByLabel('의견').fill('회원이 카드를 찾음');
      await page.getByRole('button', { name: '반려' }).click();
      await expect(page.getByTestId('decision-outcome')).toHaveText('요청을 반려했습니다. 전송된 내용은 없습니다.');
    } finally {
      await context.close();
    }
  });
});
