'use server';
import { getTranslations } from 'next-intl/server';
import { holdForApprovalIfRequired } from '@/lib/approvals/hold';
import { protectedAction } from '@/lib/auth/protected-action';
import { refuseCardActionInput, runCardAction } from '@/lib/cards/card-action';
import { submitOnce, type SubmitOnceResult } from '@/lib/cards/submit-once';
import type { CancelledCardApplication } from '@/lib/domain/cards';
import { konaplate } from '@/lib/upstream/client';
import {
  boundApplicationSchema,
  boundCardSchema,
  cancelApplicationFormSchema,
  cardStatusFormSchema,
  parseCardActionInput,
  reasonSummary,
} from '@/lib/schemas/card-requests';

/**
 * Suspends (a lost report) or resumes the card of the page's route, bound by it:
 * `changeCardStatusAction.bind(null, userId, par)`. The reason is the console's own record,
 * kept with the audit event: Konaplate hears only SUSPEND or RESUME.
 */
export const changeCardStatusAction = protectedAction(
  'cards.changeStatus',
  async (operator, userId: string, par: string, _prev: SubmitOnceResult<null>, formData: FormData): Promise<SubmitOnceResult<null>> => {
    const input = parseCardActionInput(boundCardSchema, { userId, par }, cardStatusFormSchema, formData);
    const action = formData.get('status') === 'RESUME' ? 'resume-card' : 'suspend-card';
    if (!input.success) return refuseCardActionInput(operator, action, input);
    const { bound, form } = input;
    if (form.status === 'SUSPEND') {
      const held = await holdForApprovalIfRequired({
        maker: operator,
        operation: { action: 'suspend-card', input: { par: bound.par } },
        memberId: bound.userId,
        cardRef: bound.par,
        ...reasonSummary(form),
        idempotencyKey: form.idempotencyKey,
      });
      if (held) return held;
    }
    const t = await getTranslations('cardActions.answer');
    return submitOnce({ key: form.idempotencyKey, operatorId: operator.id, action }, () =>
      runCardAction({
        operator,
        action,
        memberId: bound.userId,
        cardRef: bound.par,
        request: reasonSummary(form),
        call: () => konaplate().changeCardStatus({ userId: bound.userId, par: bound.par, status: form.status }),
        message: () => t(form.status === 'SUSPEND' ? 'suspended' : 'resumed'),
      }),
    );
  },
);

/**
 * Cancels the application of the page's card, bound by the page with the application number it
 * read: `cancelCardApplicationAction.bind(null, userId, par, cardApplyNo)`. Konaplate decides
 * whether it still can (the day of application, mobile card unused: 003_002, 003_003).
 */
export const cancelCardApplicationAction = protectedAction(
  'cards.cancelApplication',
  async (
    operator,
    userId: string,
    par: string,
    cardApplyNo: string,
    _prev: SubmitOnceResult<CancelledCardApplication>,
    formData: FormData,
  ): Promise<SubmitOnceResult<CancelledCardApplication>> => {
    const input = parseCardActionInput(boundApplicationSchema, { userId, par, cardApplyNo }, cancelApplicationFormSchema, formData);
    if (!input.success) return refuseCardActionInput(operator, 'cancel-application', input);
    const { bound, form } = input;
    const t = await getTranslations('cardActions.answer');
    return submitOnce({ key: form.idempotencyKey, operatorId: operator.id, action: 'cancel-application' }, () =>
      runCardAction({
        operator,
        action: 'cancel-application',
        memberId: bound.userId,
        cardRef: bound.par,
        request: { ...reasonSummary(form), cardApplyNo: bound.cardApplyNo },
        call: () => konaplate().cancelCardApplication({ userId: bound.userId, cardApplyNo: bound.cardApplyNo }),
        message: (cancelled) => t('applicationCancelled', { applicationNumber: cancelled.cardApplyNo }),
      }),
    );
  },
);
