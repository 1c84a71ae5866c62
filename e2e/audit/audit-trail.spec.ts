import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { callServerAction, demoEmail, demoOperator, storageStateOf, submitSignIn } from '../fixtures/operators';

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
