'use server';
import { getTranslations } from 'next-intl/server';
import type { ActionState } from '@/lib/domain/action-state';
import { recordAudit } from '@/lib/audit/record';
import { changeOwnPassword, type PasswordChange } from '@/lib/auth/account';
import { invalidState, signedInAction } from '@/lib/auth/protected-action';
import type { Messages } from '@/lib/i18n/messages';
import { changePasswordSchema } from '@/lib/schemas/operator';

type Refusal = Extract<PasswordChange, { ok: false }>['reason'];
type RefusalWords = keyof Messages['account']['password']['refusals'];

/** Each refusal next to the field it is about (or above the form), in words of account.password.refusals. */
const REFUSALS: Record<Refusal, { field?: 'currentPassword' | 'code'; words: RefusalWords }> = {
  'wrong password': { field: 'currentPassword', words: 'wrongPassword' },
  'wrong code': { field: 'code', words: 'wrongCode' },
  'code already used': { field: 'code', words: 'codeAlreadyUsed' },
  'missing code': { field: 'code', words: 'missingCode' },
  'recovery code already used': { field: 'code', words: 'missingCode' },
  'secret unreadable': { words: 'secretUnreadable' },
  'not enrolled': { words: 'notEnrolled' },
  'no password': { words: 'noPassword' },
  locked: { words: 'locked' },
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
    const t = await getTranslations('account.password');
    if (!result.ok) {
      await recordAudit({
        actor: operator,
        action: 'password-changed',
        outcome: 'rejected',
        request: { reason: result.lockedNow ? `${result.reason}; now locked` : result.reason },
      });
      const refusal = REFUSALS[result.reason];
      const words = t(`refusals.${refusal.words}`);
      const message = result.lockedNow ? t('refusals.locked') : words;
      return { status: 'invalid', message, fieldErrors: refusal.field && !result.lockedNow ? { [refusal.field]: [words] } : {} };
    }
    await recordAudit({
      actor: operator,
      action: 'password-changed',
      outcome: 'ok',
      request: { otherSessionsRevoked: result.otherSessionsRevoked },
    });
    return { status: 'ok', data: undefined, message: t('changed', { others: result.otherSessionsRevoked }) };
  },
);
