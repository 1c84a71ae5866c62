import { request as playwrightRequest } from '@playwright/test';
import { E2E } from '../../playwright.config';

/**
 * The sandbox's business clock and applications (its control endpoint, sandbox/README.md):
 * what moves a delivery on, or makes an application "from yesterday".
 */
async function control(method: 'POST' | 'GET', path: string, data?: unknown) {
  const context = await playwrightRequest.newContext();
  try {
    const response = await context.fetch(`${E2E.sandboxControlUrl}${path}`, { method, data });
    if (!response.ok()) throw new Error(`sandbox control ${method} ${path}: HTTP ${response.status()}`);
    return (await response.json()) as Record<string, unknown>;
  } finally {
    await context.dispose();
  }
}

export const sandboxTime = {
  /** Moves the sandbox's clock on by whole days: each day is one delivery step by default. */
  advanceDays: (days: number) => control('POST', '/clock', { advanceMinutes: days * 1440 }),
};
