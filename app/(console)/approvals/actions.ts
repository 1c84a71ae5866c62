'use server';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { invalidState, protectedAction } from '@/lib/auth/protected-action';
import { executeApproval } from '@/lib/approvals/execute';
import { needsIdentityNumber } from '@/lib/approvals/operations';
import { approveRequest, getApprovalRequest, rejectRequest, withdrawRequest, type DecisionResult } from '@/lib/approvals/requests';
import { forgetMemberReads } from '@/lib/cards/member-cards';
import type { ActionState } from '@/lib/domain/action-state';
import type { ApprovalOutcome } from '@/lib/domain/approvals';
import { problem } from '@/lib/schemas/problem';
import { decisionFormSchema, identityDecisionFormSchema } from '@/lib/schemas/approvals';

const requestIdSchema = z.uuid(problem('invalid'));

async function refused(result: Extract<DecisionResult, { ok: false }>): Promise<ActionState<never>> {
  return { status: 'invalid', message: (await getTranslations('approvals.decision.refusals'))(result.reason), fieldErrors: {} };
}

/**
 * A checker's decision, bound by the page: `decideRequestAction.bind(null, requestId)`. The
 * approval claims the request in one conditional update (not the maker's, still pending, not
 * expired), then sends it once; a rejection needs a comment. Both are audited.
 */
export const decideRequestAction = protectedAction(
  'requests.approve',
  async (checker, requestId: string, _prev: ActionState<ApprovalOutcome>, formData: FormData): Promise<ActionState<ApprovalOutcome>> => {
    const id = requestIdSchema.safeParse(requestId);
    if (!id.success) return invalidState(id.error);
    const request = await getApprovalRequest(id.data);
    const schema = request && needsIdentityNumber(request.action) ? identityDecisionFormSchema : decisionFormSchema;
    const form = schema.safeParse({
      decision: formData.get('decision'),
      comment: formData.get('comment') ?? '',
      residentRegistrationNo: formData.get('residentRegistrationNo') ?? '',
    });
    if (!form.success) return invalidState(form.error);
    const { decision, comment, residentRegistrationNo } = form.data;
    const t = await getTranslations('approvals.decision');

    if (decision === 'reject') {
      const result = await rejectRequest(id.data, checker, comment);
      if (!result.ok) return refused(result);
      return { status: 'ok', data: { status: 'rejected', message: t('rejected') }, message: t('rejected') };
    }

    const claimed = await approveRequest(id.data, checker, comment || null);
    if (!claimed.ok) return refused(claimed);
    try {
      const outcome = await executeApproval(claimed.row, checker, { residentRegistrationNo: residentRegistrationNo || undefined });
      if (outcome.status === 'ok') return { status: 'ok', data: outcome, message: outcome.message };
      if (outcome.status === 'upstream-error') {
        return { status: 'upstream-error', message: outcome.message, code: outcome.code, correlationId: outcome.correlationId ?? '', outcomeUnknown: outcome.outcomeUnknown ?? false };
      }
      return { status: 'invalid', message: outcome.message, fieldErrors: {} };
    } finally {
      forgetMemberReads(claimed.row.memberId);
    }
  },
);

/** The maker takes back a pending request of their own (any operator who may act on cards makes requests). */
export const withdrawRequestAction = protectedAction(
  'cards.view',
  async (maker, requestId: string): Promise<ActionState<undefined>> => {
    const id = requestIdSchema.safeParse(requestId);
    if (!id.success) return invalidState(id.error);
    const result = await withdrawRequest(id.data, maker);
    if (!result.ok) return refused(result);
    const message = (await getTranslations('approvals.mine'))('withdrawn');
    return { status: 'ok', data: undefined, message };
  },
);
