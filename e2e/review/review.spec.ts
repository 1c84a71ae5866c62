import { expect, test, type Browser } from '@playwright/test';
import { apiSignIn, callServerAction, demoEmail, storageStateOf } from '../fixtures/operators';
import { expectAccessible, expectNoEnglish, screenshot } from '../fixtures/page-checks';
import { sandbox } from '../fixtures/sandbox';

/** Today in Korea time, `YYYY-MM-DD` (the overview's days and the English dates). */
const kstDay = (at: Date) => new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

/** `months` after `at`, Korea-time calendar, the day clamped to the month's last (lib/review/time.ts). */
function kstDayAfterMonths(at: Date, months: number): string {
  const local = new Date(at.getTime() + 9 * 3_600_000);
  const month = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(local.getUTCFullYear(), month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(local.getUTCFullYear(), month, Math.min(local.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/** Failed sign-ins naming `email` (no such operator): the sign-in-failures rule counts them. */
async function failSignIns(browser: Browser, email: string, times: number) {
  const context = await browser.newContext({ storageState: undefined });
  for (let i = 0; i < times; i++) {
    const response = await apiSignIn(context.request, { email, password: 'not-the-password', name: 'nobody' }, { otp: '000000' });
    expect(response.status()).toBeLessThan(500);
  }
  await context.close();
}

test.describe('[manager] the managers’ review', () => {
  test.use({ storageState: storageStateOf('manager') });

  test('runs the rules over seeded failed sign-ins, acknowledges then resolves the finding', async ({ page, browser }, testInfo) => {
    const email = `guesser-${Date.now()}@example.test`;
    // Nine: whatever the clock, one rule window (an hour) holds five or more of them.
    await failSignIns(browser, email, 9);

    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Findings' }).click();
    await expect(page.getByRole('heading', { name: 'Findings', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Run the rules now' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /^Rules run over/ })).toBeVisible();
    await expect(page.getByTestId('last-run')).toContainText('completed');
    await expect(page.getByText(/Audit chain verified/)).toBeVisible();

    await page.getByRole('form', { name: 'Findings filters' }).getByRole('combobox', { name: 'Rule' }).click();
    await page.getByRole('option', { name: 'Repeated failed sign-ins' }).click();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/\/review\?rule=sign-in-failures$/);
    const finding = page.getByTestId('finding').filter({ hasText: email }).first();
    await expect(finding).toContainText('Repeated failed sign-ins');
    await expect(finding).toContainText('Open');
    // Why it fired, in words: the figures against the rule's threshold.
    await expect(finding.getByTestId('finding-why')).toHaveText(/^\d+ failed sign-ins within \d+ minutes \(the rule fires at \d+\)\. Reasons: .+ \(\d+\)/);
    await expectAccessible(page);

    // The evidence: the audit trail filtered to the failed sign-ins of the window.
    const evidence = finding.getByTestId('finding-evidence');
    const count = Number((await evidence.innerText()).match(/^(\d+) events?/)![1]);
    expect(count).toBeGreaterThanOrEqual(5);
    await evidence.click();
    await expect(page).toHaveURL(/\/audit\?from=.*&action=sign-in-failure/);
    await expect(page.getByTestId('audit-row')).toHaveCount(count);
    for (const row of await page.getByTestId('audit-row').all()) await expect(row).toContainText(email);
    await page.goBack();

    // Acknowledge: a comment is required, said next to the field.
    await finding.getByRole('button', { name: 'Acknowledge' }).click();
    await finding.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(finding.getByText('Enter a comment.')).toBeVisible();
    await finding.getByLabel('Comment').fill('Looking into who tried this address.');
    await finding.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(finding.getByText(/^Finding \d+: Acknowledged\.$/)).toBeVisible();
    await expect(finding).toContainText(`Acknowledged by ${demoEmail('manager')}`);

    await finding.getByRole('button', { name: 'Resolve' }).click();
    await finding.getByLabel('Comment').fill('A scripted guess from the test network; the address is blocked.');
    await finding.getByRole('button', { name: 'Resolve' }).click();
    await expect(finding.getByText(/^Finding \d+: Resolved\.$/)).toBeVisible();
    await expect(finding.getByRole('button', { name: 'Reopen' })).toBeVisible();
    // The comments stay with the finding, oldest first.
    const history = finding.getByTestId('finding-history');
    await history.getByText('Status changes (2)').click();
    await expect(history.getByRole('listitem')).toHaveText([
      new RegExp(`${demoEmail('manager')}: Open → Acknowledged.*Looking into who tried this address\\.`),
      new RegExp(`${demoEmail('manager')}: Acknowledged → Resolved.*the address is blocked\\.`),
    ]);
    // The runs of the rules are on the record too, this one on demand.
    await page.getByTestId('findings-runs').getByText('Recent runs').click();
    // The schedule may have run since (every 15 min): the on-demand run is the row that says so.
    const onDemand = page.getByTestId('findings-run-row').filter({ hasText: `On demand by ${demoEmail('manager')}` }).first();
    await expect(onDemand).toContainText('completed');
    await screenshot(page, testInfo, 'findings');

    // Both changes are on the record, with their comments.
    await page.goto('/audit?action=finding-status-change');
    const rows = page.getByTestId('audit-row');
    await expect(rows.filter({ hasText: 'Looking into who tried this address.' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'the address is blocked' })).toHaveCount(1);
    // So is the reading of the findings.
    await page.goto(`/audit?action=review-read&operator=${encodeURIComponent(demoEmail('manager'))}`);
    await expect(rows.filter({ hasText: 'target: findings' }).first()).toBeVisible();
  });

  test('signs the access review off and sees when the next one is due', async ({ page }) => {
    await page.goto('/review/access');
    await expect(page.getByRole('heading', { name: 'Access review', level: 1 })).toBeVisible();
    const table = page.getByRole('table', { name: 'Operators' });
    for (const role of ['agent', 'manager', 'qa', 'admin'] as const) await expect(table.getByText(demoEmail(role))).toBeVisible();
    await expect(table.getByTestId('access-review-row').filter({ hasText: demoEmail('admin') })).toContainText('Administrator');
    await expectAccessible(page);

    const form = page.getByRole('region', { name: 'Sign the review off' });
    await form.getByRole('button', { name: 'Sign off' }).click();
    await expect(form.getByText('Enter a comment.')).toBeVisible();
    await form.getByLabel('Comment').fill('Roles checked against the staff list; no change needed.');
    await form.getByRole('button', { name: 'Sign off' }).click();
    const due = kstDayAfterMonths(new Date(), 6);
    await expect(form.getByText(`Signed off. Next review due by ${due}.`)).toBeVisible();
    const schedule = page.getByTestId('access-review-schedule');
    await expect(schedule).toContainText(`by ${demoEmail('manager')}`);
    await expect(schedule).toContainText(`Next review due by ${due}.`);
    await expect(schedule).not.toContainText('overdue');
    await expect(page.getByTestId('sign-off-row').first()).toContainText('Roles checked against the staff list');

    // The sign-off keeps the list as it was signed.
    await page.getByTestId('sign-off-row').first().getByRole('link').click();
    await expect(page).toHaveURL(/\/review\/access\/sign-offs\/\d+$/);
    const signOffId = page.url().split('/').at(-1);
    await expect(page.getByRole('heading', { name: /^Access review signed off on / })).toBeVisible();
    await expect(page.getByTestId('sign-off-comment')).toHaveText('Roles checked against the staff list; no change needed.');
    const signed = page.getByRole('table', { name: 'Operators' });
    for (const role of ['agent', 'manager', 'qa', 'admin'] as const) await expect(signed.getByText(demoEmail(role))).toBeVisible();
    await expectAccessible(page);
    expect((await page.goto('/review/access/sign-offs/99999999'))?.status()).toBe(404);
    expect((await page.goto('/review/access/sign-offs/1e3'))?.status()).toBe(404);

    await page.goto('/audit?action=access-review-sign-off');
    await expect(page.getByTestId('audit-row').first()).toContainText('Roles checked against the staff list');
    // Opening the signed list is recorded, with its id.
    await page.goto(`/audit?action=review-read&operator=${encodeURIComponent(demoEmail('manager'))}`);
    await expect(page.getByTestId('audit-row').filter({ hasText: 'target: access-review-sign-off' }).filter({ hasText: `signOffId: ${signOffId}` })).toHaveCount(1);
  });

  test('the overview’s charts render, and their figures are the audit trail’s', async ({ page, browser }) => {
    // Something to count for sure today: an agent's forbidden attempt, a failed upstream call, a card seen.
    const agent = await browser.newContext({ storageState: storageStateOf('agent') });
    const agentPage = await agent.newPage();
    expect((await agentPage.goto('/review/overview'))?.status()).toBe(403);
    await sandbox.setFault('card-list', { kind: 'http-5xx', status: 503 });
    try {
      await agentPage.goto('/members/1000000001');
      await expect(agentPage.getByTestId('upstream-error').first()).toBeVisible({ timeout: 15_000 });
    } finally {
      await sandbox.clearFaults();
    }
    await agentPage.goto('/members/9999999999999999999'); // a member with cards: their states are seen
    await expect(agentPage.getByTestId('card-row').first()).toBeVisible();
    await agent.close();

    await page.goto('/review/overview');
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
    for (const id of ['chart-actions', 'chart-codes', 'chart-card-states', 'chart-errors']) await expect(page.getByTestId(id)).toBeVisible();
    await expect(page.getByTestId('chart-actions').locator('svg').first()).toBeVisible();
    await expectAccessible(page);

    // Whether the review keeps up: the open findings (as many as the queue lists) and the access review's due date.
    const reviewStatus = page.getByTestId('review-status');
    await expect(reviewStatus.getByRole('link', { name: 'Open the access review' })).toHaveAttribute('href', '/review/access');
    const openLink = reviewStatus.getByRole('link', { name: /open finding/ });
    const open = Number((await openLink.innerText()).match(/^(\d+) open finding/)?.[1] ?? 0);
    await openLink.click();
    await expect(page).toHaveURL(/\/review\?status=open$/);
    await expect(page.getByTestId('finding')).toHaveCount(Math.min(open, 50));
    await page.goto('/review/overview');

    const today = page.getByTestId('actions-table').locator(`tr[data-day="${kstDay(new Date())}"]`);
    const forbidden = today.locator('[data-outcome="forbidden"]');
    const shown = Number((await forbidden.innerText()).replace(/,/g, ''));
    expect(shown).toBeGreaterThanOrEqual(1);
    expect(shown).toBeLessThan(50);
    await forbidden.getByRole('link').click();
    await expect(page).toHaveURL(/\/audit\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&outcome=forbidden&signIns=show$/);
    await expect(page.getByTestId('audit-row')).toHaveCount(shown);

    // Each error row's figure is the number of events its link shows (a page holds 50).
    await page.goto('/review/overview');
    const errorRows = page.getByTestId('errors-table').locator('tbody tr');
    await expect(errorRows.first()).toBeVisible();
    for (let i = 0; i < Math.min(await errorRows.count(), 3); i++) {
      await page.goto('/review/overview');
      const figure = errorRows.nth(i).getByRole('link');
      const events = Number((await figure.innerText()).replace(/,/g, ''));
      const code = await errorRows.nth(i).getAttribute('data-code');
      await figure.click();
      await expect(page).toHaveURL(new RegExp(`[?&]code=${code || 'none'}(&|$)`));
      await expect(page.getByTestId('audit-row')).toHaveCount(Math.min(events, 50));
    }

    // A card state's link shows the events that saw cards in it.
    await page.goto('/review/overview');
    const stateRow = page.getByTestId('card-states-table').locator('tbody tr').first();
    const status = await stateRow.getAttribute('data-status');
    await stateRow.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`[?&]cardState=${status}(&|$)`));
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
  });
});

test('[agent] may not open the review pages nor run the rules', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf('agent') });
  const page = await context.newPage();
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Members' })).toBeVisible();
  for (const name of ['Findings', 'Access review', 'Overview']) await expect(nav.getByRole('link', { name })).toHaveCount(0);
  for (const path of ['/review', '/review/access', '/review/overview']) expect((await page.goto(path))?.status(), path).toBe(403);
  const call = await callServerAction(page.request, '/review', 'runFindingsAction', []);
  expect(call.body).toContain('"status":"forbidden"');
  await context.close();
});

test.describe('[manager] the review in Korean', () => {
  test.use({ locale: 'ko-KR', extraHTTPHeaders: { 'Accept-Language': 'ko-KR' }, storageState: storageStateOf('manager') });

  test('findings, access review and overview in Korean words, accessible', async ({ page }, testInfo) => {
    await page.goto('/review');
    await expect(page.getByRole('heading', { name: '점검 결과', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: '지금 점검 실행' })).toBeVisible();
    await expectNoEnglish(page, ['Findings', 'Run the rules now', 'Rule', 'Severity', 'Apply filters', 'Open', 'Acknowledge', 'events in the audit trail', 'Recent runs', 'Status changes', 'the rule fires at']);
    await expectAccessible(page);
    await screenshot(page, testInfo, 'findings-ko');

    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '접근 권한 검토' }).click();
    await expect(page.getByRole('heading', { name: '접근 권한 검토', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: '승인' })).toBeVisible();
    await expectNoEnglish(page, ['Access review', 'Sign off', 'Last sign-in', 'Authenticator app', 'Never', 'Administrator']);
    await expectAccessible(page);
    await screenshot(page, testInfo, 'access-review-ko');

    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '현황' }).click();
    await expect(page.getByRole('heading', { name: '현황', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: '일별 작업 수(처리 결과별)', level: 2 })).toBeVisible();
    await expectNoEnglish(page, ['Overview', 'Actions per day by outcome', 'Most frequent errors', 'Card states seen', 'Total', 'Forbidden', 'open finding', 'access review']);
    await expectAccessible(page);
    await screenshot(page, testInfo, 'overview-ko');
  });
});
