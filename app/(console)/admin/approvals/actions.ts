'use server';
import { getTranslations } from 'next-intl/server';
import { invalidState, protectedAction } from '@/lib/auth/protected-action';
import { setApprovalPolicy } from '@/lib/approvals/policy';
import type { ActionState } from '@/lib/domain/action-state';
import { approvalPolicyFormSchema } from '@/lib/schemas/approvals';

/** An admin sets which actions wait for a second operator; audited with the policy before and after. */
export const setApprovalPolicyAction = protectedAction(
  'operators.manage',
  async (admin, _prev: ActionState, formData: FormData): Promise<ActionState> => {
    const parsed = approvalPolicyFormSchema.safeParse({
      enabled: formData.get('enabled') === 'on',
      rules: formData.getAll('rules'),
      balanceThresholdKrw: formData.get('balanceThresholdKrw') ?? '',
      ttlMinutes: formData.get('ttlMinutes') ?? '',
    });
    if (!parsed.success) return invalidState(parsed.error);
    const { enabled, rules, balanceThresholdKrw, ttlMinutes } = parsed.data;
    await setApprovalPolicy({ actor: admin, policy: { enabled, rules, balanceThresholdKrw: balanceThresholdKrw || null, ttlMinutes } });
    return { status: 'ok', data: undefined, message: (await getTranslations('approvals.policy'))('saved') };
  },
);
