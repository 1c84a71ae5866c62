import { expect, test } from '@playwright/test';
import { apiSignIn, demoOperator } from './fixtures/operators';
import { sandbox } from './fixtures/sandbox';

/**
 * Runs after every other journey (its own project): for each call the sandbox received, the
 * audit trail holds an event with that call's correlation id. No upstream call goes unaudited.
 */
test('[manager] every upstream call of the run has its audit event', async ({ browser }) => {
  const called = await sandbox.correlationIds();
  expect(called.length).toBeGreaterThan(50);
  const context = await browser.newContext();
  try {
    // A fresh sign-in: journeys may have signed the shared manager session out.
    expect((await apiSignIn(context.request, demoOperator('manager'))).ok()).toBe(true);
    const response = await context.request.get('/api/audit/export');
    expect(response.status()).toBe(200);
    const csv = await response.text();
    const audited = new Set(csv.match(/\d{12}-[0-9a-f]{7}/g) ?? []);
    const unaudited = called.filter((id) => !audited.has(id));
    expect(unaudited, `${unaudited.length} of ${called.length} upstream calls have no audit event`).toEqual([]);
  } finally {
    await context.close();
  }
});
