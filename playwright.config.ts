import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_PORT_OFFSET, IDENTITY_PROVIDER } from './e2e/fixtures/company-accounts';

/** e2e runs the console exactly as `npm start` does, on its own ports and database. */
const consolePort = 3110 + E2E_PORT_OFFSET;
const sandboxPort = 4110 + E2E_PORT_OFFSET;
export const E2E = {
  consoleUrl: `http://127.0.0.1:${consolePort}`,
  sandboxControlUrl: `http://127.0.0.1:${sandboxPort}/__sandbox`,
  sandboxPort,
  upstreamBaseUrl: `http://127.0.0.1:${sandboxPort}/open-api`,
} as const;

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  // A sign-in may wait for the next TOTP step (a used code is refused): up to 30 s on top of the journey.
  timeout: 75_000,
  reporter: [['list'], ['html', { outputFolder: 'e2e/report', open: 'never' }]],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: E2E.consoleUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: systemChromium,
      // The machine has no network beyond loopback: keep Chromium from reaching out.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    { name: 'chromium', dependencies: ['setup'], testIgnore: [/auth\.setup\.ts/, /audit-coverage\.ts/] },
    // After every journey: each call that reached the sandbox has its audit event.
    { name: 'audit-coverage', dependencies: ['chromium'], testMatch: /audit-coverage\.ts/ },
  ],
  webServer: [
    {
      // The company's OpenID Provider, on loopback (e2e/company-sign-in).
      command: 'npx tsx e2e/company-sign-in/identity-provider.ts',
      url: `${IDENTITY_PROVIDER.issuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { CONSOLE_URL: E2E.consoleUrl },
    },
    {
      command: 'node scripts/start.mjs --reset-data',
      url: `${E2E.consoleUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
      env: {
        PORT: String(consolePort),
        KONAPLATE_SANDBOX_PORT: String(E2E.sandboxPort),
        KONAPLATE_BASE_URL: E2E.upstreamBaseUrl,
        KONAPLATE_SANDBOX_CONTROL: '1',
        NEXTAUTH_URL: E2E.consoleUrl,
        PGLITE_DIR: `.data/e2e-pglite${E2E_PORT_OFFSET || ''}`,
        // Short, so that the "outcome unknown" journey does not wait 30 s for a timeout.
        KONAPLATE_WRITE_TIMEOUT_MS: '3000',
        // The journeys' own output stays readable; warnings and errors still show.
        LOG_LEVEL: 'warn',
        // The journeys sign the same demo operators in many times; the throttle has its own tests.
        SIGN_IN_THROTTLE_PER_EMAIL: '10000',
        OIDC_ISSUER: IDENTITY_PROVIDER.issuer,
        OIDC_CLIENT_ID: IDENTITY_PROVIDER.clientId,
        OIDC_CLIENT_SECRET: IDENTITY_PROVIDER.clientSecret,
        OIDC_SCOPE: IDENTITY_PROVIDER.scope,
        OIDC_ROLE_MAP: IDENTITY_PROVIDER.roleMap,
      },
    },
  ],
});
