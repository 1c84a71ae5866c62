import { E2E } from '../playwright.config';
import { forgetSpentSteps } from './fixtures/operators';

/** e2e must never drive a real Konaplate: refuse unless the upstream is on loopback. */
export default function globalSetup() {
  const host = new URL(E2E.upstreamBaseUrl).hostname;
  if (!/^127\.|^localhost$|^\[::1\]$/.test(host)) {
    throw new Error(`e2e refuses to run against a non-loopback upstream: ${E2E.upstreamBaseUrl}`);
  }
  // The console starts on a new database: no TOTP step is spent yet.
  forgetSpentSteps();
}
