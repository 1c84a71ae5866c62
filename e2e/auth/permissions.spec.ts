import { expect, test } from '@playwright/test';
import { callServerAction, ROLES, storageStateOf, type Role } from '../fixtures/operators';

/**
 * The permission table, role by role, both ways: what the navigation shows, what a
 * direct URL gives, and what the server answers to a hand-made server-action call.
 * (Rows for features still to come are proven by their own journeys.)
 */
const MANAGES_OPERATORS: Record<Role, boolean> = { agent: false, manager: false, qa: false, admin: true };

for (const role of ROLES) {
  test.describe(`[${role}] access`, () => {
    test.use({ storageState: storageStateOf(role) });

    test('sees member cards in the navigation', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' })).toBeVisible();
    });

    test(`${MANAGES_OPERATORS[role] ? 'may' : 'may not'} manage operators`, async ({ page }) => {
      await page.goto('/');
      const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Operators' });
      const response = await page.goto('/admin/operators');
      if (MANAGES_OPERATORS[role]) {
        await expect(page.getByRole('heading', { name: 'Operators', level: 1 })).toBeVisible();
      } else {
        expect(response?.status()).toBe(403);
        await expect(page.getByRole('heading', { name: 'Your role does not open this page' })).toBeVisible();
        await page.goto('/');
        await expect(link).toHaveCount(0);
      }
    });

    if (!MANAGES_OPERATORS[role]) {
      test('a direct server-action call to change roles is refused on the server', async ({ page }) => {
        await page.goto('/');
        // The target: this very operator, asking to become admin.
        const result = await callServerAction(page.request, '/admin/operators', 'setOperatorRolesAction', [
          { id: '00000000-0000-4000-8000-000000000000', roles: ['admin'] },
        ]);
        expect(result.body).toContain('"status":"forbidden"');
      });
    }
  });
}

test('[anonymous] a direct server-action call is refused as unauthenticated', async ({ request }) => {
  const result = await callServerAction(request, '/admin/operators', 'setOperatorRolesAction', [
    { id: '00000000-0000-4000-8000-000000000000', roles: ['admin'] },
  ]);
  expect(result.body).not.toContain('"status":"ok"');
});
