import { expect, test as setup } from '@playwright/test';
import { apiSignIn, createEnrolledOperator, demoOperator, ROLES, savePool, storageStateOf, type OperatorLogin } from './fixtures/operators';

for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ request }) => {
    const response = await apiSignIn(request, demoOperator(role));
    expect(response.ok()).toBe(true);
    const session = await (await request.get('/api/auth/session')).json();
    expect(session.sid).toBeTruthy();
    await request.storageState({ path: storageStateOf(role) });
  });
}

/**
 * Operators for journeys that sign in many times and do not care who (see anyPoolOperator):
 * each takes two sign-ins at once and one more every 30 seconds.
 */
const POOL_SIZE = 12;

setup('create and enrol the pool of sign-in operators', async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL, storageState: storageStateOf('admin') });
  const pool: OperatorLogin[] = [];
  const run = Date.now();
  for (let i = 0; i < POOL_SIZE; i++) {
    const theirs = await playwright.request.newContext({ baseURL });
    const { recoveryCodes, ...operator } = await createEnrolledOperator(admin, theirs, `pool-${i}-${run}@konaplate.test`);
    expect(recoveryCodes).toHaveLength(10);
    pool.push(operator);
    await theirs.dispose();
  }
  await admin.dispose();
  savePool(pool);
});
