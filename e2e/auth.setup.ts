import { expect, test as setup } from '@playwright/test';
import { apiSignIn, DEMO_PASSWORD, demoEmail, ROLES, storageStateOf } from './fixtures/operators';

for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ request }) => {
    const response = await apiSignIn(request, demoEmail(role), DEMO_PASSWORD);
    expect(response.ok()).toBe(true);
    const session = await (await request.get('/api/auth/session')).json();
    expect(session.sid).toBeTruthy();
    await request.storageState({ path: storageStateOf(role) });
  });
}
