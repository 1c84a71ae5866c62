'use server';
import type { ActionState } from '@/lib/domain/action-state';
import { recordAudit } from '@/lib/audit/record';
import { completeEnrolment } from '@/lib/auth/mfa';
import { enrollingAction, invalidState } from '@/lib/auth/protected-action';
import { signOut } from '@/lib/auth/sign-out';
import { enrolmentSchema } from '@/lib/schemas/mfa';

const FAILURES = {
  'wrong code': 'That code does not match. Check the app shows Konaplate Console and type its current code.',
  'already enrolled': 'An authenticator is already set up for you. Sign in again with its code.',
  'nothing pending': 'This set-up has expired. Sign in again to start over.',
} as const;

/** Confirms the secret shown with a code from the app; answers the recovery codes, once. */
export const confirmEnrolmentAction = enrollingAction(
  async (operator, _prev: ActionState<{ recoveryCodes: string[] }>, formData: FormData): Promise<ActionState<{ recoveryCodes: string[] }>> => {
    const parsed = enrolmentSchema.safeParse({ code: formData.get('code') });
    if (!parsed.success) return invalidState(parsed.error);
    const result = await completeEnrolment({ operatorId: operator.id, sessionId: operator.sessionId, code: parsed.data.code });
    if (!result.ok) {
      return { status: 'invalid', message: FAILURES[result.reason], fieldErrors: result.reason === 'wrong code' ? { code: [FAILURES['wrong code']] } : {} };
    }
    await recordAudit({ actor: operator, action: 'mfa-enrolled', outcome: 'ok', request: { method: 'totp', recoveryCodes: result.recoveryCodes.length } });
    return { status: 'ok', data: { recoveryCodes: result.recoveryCodes }, message: 'Your authenticator app is set up.' };
  },
);

/** "Not now: sign out": the half-open session ends, audited. */
export async function leaveEnrolmentAction(): Promise<{ url: string }> {
  return signOut('enrolment-abandoned');
}
