'use server';
import { getTranslations } from 'next-intl/server';
import type { ActionState } from '@/lib/domain/action-state';
import { recordAudit } from '@/lib/audit/record';
import { completeEnrolment } from '@/lib/auth/mfa';
import { enrollingAction, invalidState } from '@/lib/auth/protected-action';
import { signOut } from '@/lib/auth/sign-out';
import { enrolmentSchema } from '@/lib/schemas/mfa';

/** Each refusal's words (auth.enrol.failures). */
const FAILURES = {
  'wrong code': 'wrongCode',
  'already enrolled': 'alreadyEnrolled',
  'nothing pending': 'nothingPending',
} as const;

/** Confirms the secret shown with a code from the app; answers the recovery codes, once. */
export const confirmEnrolmentAction = enrollingAction(
  async (operator, _prev: ActionState<{ recoveryCodes: string[] }>, formData: FormData): Promise<ActionState<{ recoveryCodes: string[] }>> => {
    const parsed = enrolmentSchema.safeParse({ code: formData.get('code') });
    if (!parsed.success) return invalidState(parsed.error);
    const result = await completeEnrolment({ operatorId: operator.id, sessionId: operator.sessionId, code: parsed.data.code });
    const t = await getTranslations('auth.enrol');
    if (!result.ok) {
      const message = t(`failures.${FAILURES[result.reason]}`);
      return { status: 'invalid', message, fieldErrors: result.reason === 'wrong code' ? { code: [message] } : {} };
    }
    await recordAudit({ actor: operator, action: 'mfa-enrolled', outcome: 'ok', request: { method: 'totp', recoveryCodes: result.recoveryCodes.length } });
    return { status: 'ok', data: { recoveryCodes: result.recoveryCodes }, message: t('done') };
  },
);

/** "Not now: sign out": the half-open session ends, audited. */
export async function leaveEnrolmentAction(): Promise<{ url: string }> {
  return signOut('enrolment-abandoned');
}
