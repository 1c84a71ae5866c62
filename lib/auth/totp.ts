import 'server-only';
import { randomInt } from 'node:crypto';
import { HOTP, Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { RECOVERY_CODE_ALPHABET } from '@/lib/schemas/mfa';

/**
 * TOTP (RFC 6238) as authenticator apps expect it: HMAC-SHA-1, 6 digits, 30-second steps,
 * 160-bit secrets. Pure functions over a clock the caller passes, so tests fix the time.
 */

export const TOTP_ISSUER = 'Konaplate Console';
export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
const ALGORITHM = 'SHA1';
/** Steps either side of now that still count (clock drift, a code typed as it changed). */
export const TOTP_WINDOW = 1;

export const RECOVERY_CODE_COUNT = 10;

/** A new random secret, base32 (20 bytes, as RFC 4226 recommends). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The time step a moment falls in. */
export function totpStep(now: Date): number {
  return TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: now.getTime() });
}

/** The code of one step (for tests and the sandbox's demo tooling). */
export function totpCodeAt(secret: string, step: number): string {
  return HOTP.generate({ secret: Secret.fromBase32(secret), algorithm: ALGORITHM, digits: DIGITS, counter: step });
}

/**
 * The step `code` belongs to, when it is within the window around `now` and later than
 * `lastStep` (the last one this operator used): a code is good once, and once a step is used no
 * earlier code is good either. Undefined otherwise. Comparisons are constant-time (otpauth).
 */
export function matchTotpStep(secret: string, code: string, { now, lastStep }: { now: Date; lastStep: number | null }): number | undefined {
  const key = Secret.fromBase32(secret);
  const current = totpStep(now);
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    if (lastStep !== null && step <= lastStep) continue;
    const delta = HOTP.validate({ token: code, secret: key, algorithm: ALGORITHM, digits: DIGITS, counter: step, window: 0 });
    if (delta === 0) return step;
  }
  return undefined;
}

/** The otpauth:// URI an authenticator app scans. */
export function totpUri(secret: string, account: string): string {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: account,
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  }).toString();
}

/** The URI as a QR code: an SVG data URL, drawn on the server (no network, no script). */
export async function totpQrCode(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Fresh recovery codes, `xxxx-xxxx-xxxx` (lib/schemas/mfa.ts), from the CSPRNG. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    const chars = Array.from({ length: 12 }, () => RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)]).join('');
    codes.add(`${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`);
  }
  return [...codes];
}
