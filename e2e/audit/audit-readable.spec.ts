import { expect, test } from '@playwright/test';
import { storageStateOf } from '../fixtures/operators';
import { expectAccessible } from '../fixtures/page-checks';

test.describe('[manager] a readable audit trail', () => {
  test.use({ storageState: storageStateOf('manager'), viewport: { width: 1366, height: 768 } });

  test('fits 1366 px, details on demand, sign-ins only when asked for', async ({ page }) => {
    await page.goto('/audit');
    const rows = page.getByTestId('audit-row');
    await expect(rows.first()).toBeVisible();
    // Sign-ins and sign-outs are hidden by default (the suite has signed every role in).
    await expect(rows.filter({ hasText: /^Sign-in$/ })).toHaveCount(0);
    for (const row of await rows.all()) await expect(row.locator('td').nth(3).locator('p').first()).not.toHaveText(/^Sign-(in|out)$/);

    // No horizontal scrollbar, in the page or in the table.
    const overflow = await page.evaluate(() => {
      const container = document.querySelector('table')!.parentElement!;
      return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, table: container.scrollWidth - container.clientWidth };
    });
    expect(overflow).toEqual({ page: 0, table: 0 });
    // Correlation ids on one line.
    for (const link of await page.locator('[data-testid="audit-row"] td:last-child a').all()) {
      const box = (await link.boundingBox())!;
      expect(box.height).toBeLessThan(24);
    }

    // The rest of an event on demand.
    const first = rows.first();
    await first.getByRole('button', { name: 'Show details' }).click();
    await expect(first.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByText('Event id and hash')).toBeVisible();
    await expectAccessible(page);

    // Asked for: the sign-ins are back, in the URL (saved views keep it).
    await page.getByRole('form', { name: 'Audit filters' }).getByLabel('Show sign-ins, sign-outs and reads of the audit trail').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/\/audit\?signIns=show$/);
    await expect(page.getByRole('form', { name: 'Audit filters' }).getByLabel('Show sign-ins, sign-outs and reads of the audit trail')).toBeChecked();
    await page.goto('/audit?signIns=show&action=sign-in');
    await expect(rows.first()).toContainText('Sign-in');
  });

  test('saves a filter under a name, opens it again, deletes it', async ({ page }) => {
    await page.goto('/audit?outcome=forbidden&signIns=show');
    const views = page.getByRole('region', { name: 'Saved views' });
    const name = views.getByLabel('Name of this view');

    // A name with a hidden direction character is refused next to the field.
    await name.fill('Forbidden\u202E attempts');
    await views.getByRole('button', { name: 'Save view' }).click();
    await expect(views.getByText('Remove the hidden control or direction characters.')).toBeVisible();

    await name.fill('Forbidden attempts');
    await views.getByRole('button', { name: 'Save view' }).click();
    await expect(views.getByText('Saved view “Forbidden attempts”.')).toBeVisible();
    await expect(name).toHaveValue('');

    // The same name again is refused.
    await name.fill('forbidden ATTEMPTS');
    await views.getByRole('button', { name: 'Save view' }).click();
    await expect(views.getByText('You already have a view with this name.')).toBeVisible();

    await page.goto('/audit');
    await views.getByRole('link', { name: 'Forbidden attempts' }).click();
    await expect(page).toHaveURL(/\/audit\?outcome=forbidden&signIns=show$/);
    await expect(page.getByRole('form', { name: 'Audit filters' }).getByLabel('Show sign-ins, sign-outs and reads of the audit trail')).toBeChecked();
    await expectAccessible(page);

    await views.getByRole('button', { name: 'Delete Forbidden attempts' }).click();
    await expect(views.getByText('View deleted.')).toBeVisible();
    await expect(views.getByTestId('saved-view')).toHaveCount(0);
  });
});
