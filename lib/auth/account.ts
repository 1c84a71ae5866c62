import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, operators } from '@/lib/db';
import { env } from '@/lib/env';
import { verifySecondFactor, type SecondFactorFailure } from './mfa';
import { findOperatorById } from './operators';
import { hashPassword, verifyPassword } from './password';
import { claimPasswordAttempt } from './sign-in-attempts';
import { revokeOtherSessions } from './sessions';

export type PasswordChange =
  | { ok: true; otherSessionsRevoked: number }
  | { ok: false; reason: 'no password' | 'locked' | 'wrong password' | 'not enrolled' | SecondFactorFailure; lockedNow?: boolean };

/**
 * An operator changes their own password: the current password and a current TOTP code first
 * (a wrong one counts against the same lock-out as sign-in, so a session left open cannot be
 * used to guess the password), then the new password; every other session of theirs ends.
 */
export async function changeOwnPassword(
  operatorId: string,
  sessionId: string,
  input: { currentPassword: string; code: string; newPassword: string },
): Promise<PasswordChange> {
  const operator = await findOperatorById(operatorId);
  if (!operator?.passwordHash) return { ok: false, reason: 'no password' };
  if (!operator.totpSecret) return { ok: false, reason: 'not enrolled' };
  const { SIGN_IN_MAX_FAILURES, SIGN_IN_LOCKOUT_MINUTES } = env();
  const claim = await claimPasswordAttempt(operator.id, { maxFailures: SIGN_IN_MAX_FAILURES, lockoutMinutes: SIGN_IN_LOCKOUT_MINUTES });
  if (!claim.claimed) return { ok: false, reason: 'locked' };
  if (!(await verifyPassword(input.currentPassword, operator.passwordHash))) {
    return { ok: false, reason: 'wrong password', lockedNow: claim.locksOnFailure };
  }
  const factor = await verifySecondFactor(operator, input.code, { recoveryCodes: false });
  if (!factor.ok) return { ok: false, reason: factor.reason, lockedNow: claim.locksOnFailure };

  const db = await getDb();
  await db
    .update(operators)
    .set({ passwordHash: await hashPassword(input.newPassword), failedAttempts: 0, lockedUntil: null })
    .where(eq(operators.id, operator.id));
  return { ok: true, otherSessionsRevoked: await revokeOtherSessions(operator.id, sessionId) };
}
