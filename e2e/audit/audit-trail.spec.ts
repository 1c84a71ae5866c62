import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { callServerAction, demoEmail, demoOperator, storageStateOf, submitSignIn } from '../fixtures/operators';
import { expectAccessible } from '../fixtures/page-checks';

/** Splits RFC 4180 CSV text (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

test('[agent] acts, [manager] sees it, filters it and exports it', async ({ browser }) => {
  // The agent signs in through the UI (audited sign-in), then tries what the role does not allow:
  // the audit page, and a hand-made server-action call (both audited as forbidden attempts).
  const agentContext = await browser.newContext({ storageState: undefined });
  const agent = await agentContext.newPage();
  await agent.goto('/sign-in');
  await submitSignIn(agent, demoOperator('agent'));
  await expect(agent).not.toHaveURL(/sign-in/);
  await expect(agent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' })).toHaveCount(0);
  const refused = await agent.goto('/audit');
  expect(refused?.status()).toBe(403);
  const call = await callServerAction(agent.request, '/admin/operators', 'setOperatorRolesAction', [
    { id: '00000000-0000-4000-8000-000000000000', roles: ['admin'] },
  ]);
  expect(call.body).toContain('"status":"forbidden"');
  await agentContext.close();

  // The manager finds it through the navigation and the filters.
  const managerContext = await browser.newContext({ storageState: storageStateOf('manager'), acceptDownloads: true });
  const manager = await managerContext.newPage();
  await manager.goto('/');
  await manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
  await expect(manager.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
  await expect(manager.getByTestId('audit-row').first()).toBeVisible();

  const filters = manager.getByRole('form', { name: 'Audit filters' });
  await filters.getByLabel('Operator (email or id)').fill(demoEmail('agent'));
  await filters.getByRole('combobox', { name: 'Action' }).click();
  await manager.getByRole('option', { name: 'Forbidden attempt' }).click();
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(manager).toHaveURL(/\/audit\?operator=agent%40konaplate\.test&action=forbidden$/);

  const rows = manager.getByTestId('audit-row');
  await expect(rows.filter({ hasText: 'page: /audit' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'permission: operators.manage' }).first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(2);
  for (const row of await rows.all()) {
    await expect(row).toContainText(demoEmail('agent'));
    await expect(row).toContainText('Forbidden attempt');
    await expect(row).toContainText('Forbidden');
  }
  await manager.screenshot({ path: 'test-results/audit/audit-page-filtered.png', fullPage: true });
  // The agent's sign-in is there too, under its own action.
  await manager.goto(`/audit?operator=${encodeURIComponent(demoEmail('agent'))}&action=sign-in`);
  await expect(rows.first()).toContainText('Sign-in');

  // Export of the filtered set: the same rows, as CSV.
  await manager.goto(`/audit?operator=${encodeURIComponent(demoEmail('agent'))}&action=forbidden`);
  const downloadPromise = manager.waitForEvent('download');
  await manager.getByRole('link', { name: 'Export CSV' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
  const csv = parseCsv(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''));
  const [header, ...lines] = csv;
  expect(header).toEqual(expect.arrayContaining(['id', 'at', 'operator_email', 'action', 'outcome', 'correlation_id', 'request_summary', 'hash']));
  const col = (name: string) => header!.indexOf(name);
  expect(lines).toHaveLength(count);
  for (const line of lines) {
    expect(line[col('operator_email')]).toBe(demoEmail('agent'));
    expect(line[col('action')]).toBe('forbidden');
    expect(line[col('outcome')]).toBe('forbidden');
    // `<key id>:<hmac>` since the chain is keyed (README, "The audit chain's key").
    expect(line[col('hash')]).toMatch(/^k[0-9a-f]+:[0-9a-f]{64}$/);
  }
  expect(lines.some((line) => JSON.parse(line[col('request_summary')]!).page === '/audit')).toBe(true);

  // The export itself is on the record.
  await manager.goto(`/audit?operator=${encodeURIComponent(demoEmail('manager'))}&action=audit-export`);
  await expect(rows.first()).toContainText('Audit export');
  await expect(rows.first()).toContainText('"operator":"agent@konaplate.test"');
  await managerContext.close();
});

test.describe('[manager] audit page', () => {
  test.use({ storageState: storageStateOf('manager') });

  test('a bad filter value gives a message, not a crash', async ({ page }) => {
    const response = await page.goto('/audit?member=12ab&action=drop-table&cursor=forged');
    expect(response?.status()).toBe(200);
    const alert = page.getByRole('alert').filter({ hasText: 'These filters cannot be applied' });
    await expect(alert).toContainText('Member: expected a member id: 1 to 19 digits');
    await expect(alert).toContainText('Action: unknown action');
    await expect(alert).toContainText('Page: this page link is not valid');
    await expect(page.getByLabel('Member id')).toHaveValue('12ab');
  });

  test('pages through the trail with a keyset cursor', async ({ page }) => {
    // More than a page of events: each (empty) export is itself audited.
    for (let i = 0; i < 55; i++) expect((await page.request.get('/api/audit/export?member=1')).status()).toBe(200);
    await page.goto('/audit');
    const rows = page.getByTestId('audit-row');
    await expect(rows).toHaveCount(50);
    const idsOf = async () => (await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-event-id')))));
    const pageOne = await idsOf();
    await page.getByRole('link', { name: 'Older events' }).click();
    await expect(page).toHaveURL(/\/audit\?cursor=[A-Za-z0-9_-]+$/);
    await expect(page.getByRole('link', { name: 'First page' })).toBeVisible();
    const pageTwo = await idsOf();
    expect(pageTwo.length).toBeGreaterThan(0);
    // Strictly older, no overlap: the keyset continues where page one stopped.
    expect(Math.max(...pageTwo)).toBeLessThan(Math.min(...pageOne));
    await page.getByRole('link', { name: 'First page' }).click();
    await expect(page).toHaveURL(/\/audit$/);
    expect((await idsOf())[0]).toBeGreaterThanOrEqual(pageOne[0]!);
  });

  test('reading the trail, a member timeline or a card timeline is itself on the record (PCI DSS 10.2.1.3)', async ({ page }) => {
    const member = `7${Date.now()}`;
    const par = 'Q1J4D526JR3WG30EM2U8LDJSE8V';
    await page.goto(`/audit?member=${member}&outcome=ok`);
    await page.goto(`/members/${member}/timeline`);
    // The read of a timeline is not part of the member's story.
    await expect(page.getByText('No operator action or card state recorded for this member.')).toBeVisible();
    await page.goto(`/members/9999999999999999999/cards/${par}`);
    await expect(page.getByTestId('card-detail')).toBeVisible();

    const rows = page.getByTestId('audit-row');
    // Hidden by default, like sign-ins: each page a manager opens writes one.
    await page.goto(`/audit?operator=${encodeURIComponent(demoEmail('manager'))}`);
    await expect(rows.first()).toBeVisible();
    await expect(rows.filter({ hasText: 'Audit trail read' })).toHaveCount(0);

    await page.goto(`/audit?operator=${encodeURIComponent(demoEmail('manager'))}&action=audit-read`);
    await expect(rows.filter({ hasText: `"member":"${member}"` }).filter({ hasText: 'target: audit-trail' })).toHaveCount(1);
    await expect(rows.filter({ hasText: member }).filter({ hasText: 'target: member-timeline' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'target: card-timeline' }).first()).toContainText('Audit trail read');
    // This very page's read is recorded before the trail is read: it is the newest row.
    await expect(rows.first()).toContainText('"action":"audit-read"');
  });

  test('opens a member timeline', async ({ page }) => {
    await page.goto('/members/9007199254740993123/timeline');
    await expect(page.getByRole('heading', { name: 'Timeline of member 9007199254740993123', level: 1 })).toBeVisible();
    await expect(page.getByText('No operator action or card state recorded for this member.')).toBeVisible();
  });
});

test('[qa] reads the audit trail but may not export it', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf('qa') });
  const page = await context.newPage();
  await page.goto('/audit');
  await expect(page.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveCount(0);
  const response = await page.request.get('/api/audit/export?action=sign-in');
  expect(response.status()).toBe(403);
  await context.close();
});

test('[agent] may not read a member timeline', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf('agent') });
  const page = await context.newPage();
  const response = await page.goto('/members/1234/timeline');
  expect(response?.status()).toBe(403);
  expect((await page.request.get('/api/audit/export')).status()).toBe(403);
  await context.close();
});

test.describe('[manager] audit trail in Korean', () => {
  test.use({ locale: 'ko-KR', extraHTTPHeaders: { 'Accept-Language': 'ko-KR' }, storageState: storageStateOf('manager') });

  test('filters the trail in Korean words, and the page is accessible', async ({ page }) => {
    await page.goto('/audit');
    await expect(page.getByRole('heading', { name: '감사 로그', level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/^감사 로그/);
    const filters = page.getByRole('form', { name: '감사 로그 필터' });
    await filters.getByRole('combobox', { name: '작업' }).click();
    await page.getByRole('option', { name: '로그인', exact: true }).click();
    await filters.getByRole('combobox', { name: '처리 결과' }).click();
    await page.getByRole('option', { name: '성공' }).click();
    await filters.getByRole('button', { name: '필터 적용' }).click();
    await expect(page).toHaveURL(/\/audit\?action=sign-in&outcome=ok$/);

    const table = page.getByRole('table', { name: '감사 이벤트' });
    for (const header of ['일시(한국 시간)', '운영자', '작업', '회원 / 카드', '처리 결과', '결과 코드', '거래 추적 번호']) {
      await expect(table.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
    }
    const row = page.getByTestId('audit-row').first();
    await expect(row).toContainText('로그인');
    await expect(row).toContainText('성공');
    // Korean dates: 2026. 11. 25. 21:11
    await expect(row.locator('time')).toHaveText(/^\d{4}\. \d{2}\. \d{2}\. \d{2}:\d{2}$/);
    await expect(page.getByRole('link', { name: 'CSV 내보내기' })).toBeVisible();
    for (const english of ['Audit trail', 'Apply filters', 'Export CSV', 'Sign-in', 'Outcome', 'Correlation id']) {
      await expect(page.getByRole('main').getByText(english, { exact: true })).toHaveCount(0);
    }
    await expectAccessible(page);
  });

  test('says in Korean why a filter cannot be applied', async ({ page }) => {
    await page.goto('/audit?member=12ab&cursor=forged');
    const alert = page.getByRole('alert').filter({ hasText: '다음 필터를 적용할 수 없습니다' });
    await expect(alert).toContainText('회원 ID: 0으로 시작하지 않는 1~19자리 숫자로 입력하세요.');
    await expect(alert).toContainText('페이지: 페이지 링크가 올바르지 않습니다.');
    await expect(page.getByLabel('회원 ID')).toHaveValue('12ab');
  });

  test('exports CSV with Korean headers; the values stay as stored', async ({ page }) => {
    const response = await page.request.get('/api/audit/export?action=sign-in');
    expect(response.status()).toBe(200);
    const [header, ...lines] = parseCsv((await response.text()).replace(/^\uFEFF/, ''));
    expect(header).toEqual([
      '이벤트 ID',
      '일시(UTC)',
      '운영자 이메일',
      '운영자 ID',
      '운영자 역할',
      '작업',
      '회원 ID',
      '카드',
      '처리 결과',
      '결과 코드',
      '거래 추적 번호',
      '소요 시간(ms)',
      '접속 IP',
      '브라우저(User-Agent)',
      '요청 요약',
      '해시',
    ]);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line[header!.indexOf('작업')]).toBe('sign-in');
      expect(line[header!.indexOf('일시(UTC)')]).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    }
  });
});
