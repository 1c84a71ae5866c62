import * as z from 'zod/mini';
import { problem } from './problem';
import { visibleText } from './text';

/**
 * The second factor as operators type it: a 6-digit TOTP code from their authenticator app
 * (RFC 6238), or one of their single-use recovery codes. Browser-safe: the sign-in, enrolment
 * and account forms check with these as the operator types, and the server checks again.
 */

export const TOTP_CODE = /^\d{6}$/;

/** Crockford's base32 alphabet, lowercase: no i, l, o or u to misread. */
export const RECOVERY_CODE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** Three groups of four: 12 characters × 5 bits = 60 random bits a code. */
export const RECOVERY_CODE = /^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/;
/** What an operator may type for one: any case, the dashes optional. */
const RECOVERY_CODE_TYPED = /^[0-9a-hjkmnp-tv-z]{4}-?[0-9a-hjkmnp-tv-z]{4}-?[0-9a-hjkmnp-tv-z]{4}$/;

export const TOTP_CODE_MESSAGE = problem('mfa.totpCode');
export const SECOND_FACTOR_MESSAGE = problem('mfa.secondFactor');

export function isTotpCode(value: string): boolean {
  return TOTP_CODE.test(value);
}

/** A recovery code as typed → its one written form (lowercase, dashed); undefined when it is none. */
export function canonicalRecoveryCode(value: string): string | undefined {
  const lower = value.toLowerCase();
  if (!RECOVERY_CODE_TYPED.test(lower)) return undefined;
  const bare = lower.replace(/-/g, '');
  return `${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}`;
}

/** Exactly six digits. */
export const totpCodeSchema = visibleText(TOTP_CODE_MESSAGE).check(z.regex(TOTP_CODE, TOTP_CODE_MESSAGE));

function secondFactor({ allowEmpty }: { allowEmpty: boolean }) {
  return z.pipe(
    visibleText(SECOND_FACTOR_MESSAGE),
    z.transform((value: string, ctx) => {
      if ((allowEmpty && value === '') || isTotpCode(value)) return value;
      const recovery = canonicalRecoveryCode(value);
      if (recovery) return recovery;
      ctx.issues.push({ code: 'custom', message: SECOND_FACTOR_MESSAGE, input: value });
      return z.NEVER;
    }),
  );
}

/** Six digits, or a recovery code (written the one way: lowercase, dashed). */
export const secondFactorSchema = secondFactor({ allowEmpty: false });
/** The same, or empty: the sign-in form before the operator has enrolled. */
export const optionalSecondFactorSchema = secondFactor({ allowEmpty: true });

/** Confirms the secret shown at enrolment: a code from the app that scanned it. */
export const enrolmentSchema = z.object({ code: totpCodeSchema });
export type EnrolmentInput = z.input<typeof enrolmentSchema>;
