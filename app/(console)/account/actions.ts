'use server';
import type { ActionState } from '@/lib/domain/action-state';
import { recordAudit } from '@/lib/audit/record';
import { changeOwnPassword, type PasswordChange } from '@/lib/auth/account';
import { invalidState, signedInAction } from '@/lib/auth/protected-action';
import { changePasswordSchema } from '@/lib/schemas/operator';

type Refusal = Extract<PasswordChange, { ok: false }>['reason'];

/** Each refusal next to the field it is about (or above the form). */
const REFUSALS: Record<Refusal, { field?: 'currentPassword' | 'code'; message: string }> = {
  'wrong password': { field: 'currentPassword', message: 'This is not your current password.' },
  'wrong code': { field: 'code', message: 'Wrong code. Type the one your authenticator app shows now.' },
  'code already used': { field: 'code', message: 'This code was used already. Wait for the next one.' },
  'missing code': { field: 'code', message: 'Enter the 6-digit code from your authenticator app.' },
  'recovery code already used': { field: 'code', message: 'Enter the 6-digit code from your authenticator app.' },
  'secret unreadable': { message: 'Your MFA cannot be checked just now. Ask an admin to reset it.' },
  'not enrolled': { message: 'Set up your authenticator app first (sign in again).' },
  'no password': { message: 'You sign in through your company’s identity provider: change your password there.' },
  locked: { message: 'Too many failed attempts: your password cannot be changed for a while. Try again later or ask an admin.' },
};

/** The signed-in operator's own password: current password + a current code + the new one. */
export const changePasswordAction = signedInAction(
  async (operator, _prev: ActionState, formData: FormData): Promise<ActionState> => {
    const parsed = changePasswordSchema.safeParse({
      currentPassword: formData.get('currentPassword'),
      code: formData.get('code'),
      newPassword: formData.get('newPassword'),
      confirmPassword: formData.get('confirmPassword'),
    });
    if (!parsed.success) return invalidState(parsed.error);
    const result = await changeOwnPassword(operator.id, operator.sessionId, parsed.data);
    if (!result.ok) {
      await recordAudit({
        actor: operator,
        action: 'password-changed',
        outcome: 'rejected',
        request: { reason: result.lockedNow ? `${result.reason}; now locked` : result.reason },
      });
      const refusal = REFUSALS[result.reason];
      const message = result.lockedNow ? REFUSALS.locked.message : refusal.message;
      return { status: 'invalid', message, fieldErrors: refusal.field && !result.lockedNow ? { [refusal.field]: [refusal.message] } : {} };
    }
    await recordAudit({
      actor: operator,
      action: 'password-changed',
      outcome: 'ok',
      request: { otherSessionsRevoked: result.otherSessionsRevoked },
    });
    return {
      status: 'ok',
      data: undefined,
      message:
        result.otherSessionsRevoked > 0
          ? `Password changed. You were signed out on ${result.otherSessionsRevoked} other ${result.otherSessionsRevoked === 1 ? 'browser' : 'browsers'}.`
          : 'Password changed.',
    };
  },
);
