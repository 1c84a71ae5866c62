import { expect, test } from '@playwright/test';
import { storageStateOf } from '../fixtures/operators';

test.use({ storageState: storageStateOf('agent') });

test('[agent] the console home page renders against the sandbox', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Find a member’s cards', level: 1 })).toBeVisible();
  await expect(page.getByText('Sandbox upstream')).toBeVisible();
});
