'use server';
import { getTranslations } from 'next-intl/server';
import type { CurrentOperator } from '@/lib/auth/access';
import { protectedAction } from '@/lib/auth/protected-action';
import { refuseCardActionInput, runCardAction } from '@/lib/cards/card-action';
import { submitOnce, type SubmitOnceResult } from '@/lib/cards/submit-once';
import type { IssuedCard, IssuedDebitCard } from '@/lib/domain/cards';
import { konaplate } from '@/lib/upstream/client';
import {
  boundMemberSchema,
  debitIssueFormSchema,
  deliveryRequest,
  parseCardActionInput,
  prepaidIssueFormSchema,
  type CardActionInput,
} from '@/lib/schemas/card-requests';

type Issuance = 'issue-prepaid' | 'issue-debit';

/**
 * One issuance: its input refused (and audited), or sent once per idempotency key. The
 * member id is the page's, bound into the action and checked with the form.
 */
async function issueOnce<T, Form extends { idempotencyKey: string }>(
  operator: CurrentOperator,
  action: Issuance,
  input: CardActionInput<{ userId: string }, Form>,
  issue: (userId: string, form: Form) => Pick<Parameters<typeof runCardAction<T>>[0], 'request' | 'call' | 'message'>,
): Promise<SubmitOnceResult<T>> {
  if (!input.success) return refuseCardActionInput(operator, action, input);
  const { bound, form } = input;
  return submitOnce({ key: form.idempotencyKey, operatorId: operator.id, action }, () =>
    runCardAction({ operator, action, memberId: bound.userId, ...issue(bound.userId, form) }),
  );
}

/** Bound by the page: `issuePrepaidCardAction.bind(null, userId)`. */
export const issuePrepaidCardAction = protectedAction(
  'cards.issue',
  async (operator, userId: string, _prev: SubmitOnceResult<IssuedCard>, formData: FormData): Promise<SubmitOnceResult<IssuedCard>> => {
    const input = parseCardActionInput(boundMemberSchema, { userId }, prepaidIssueFormSchema, formData);
    const t = await getTranslations('cardActions.answer');
    return issueOnce(operator, 'issue-prepaid', input, (memberId, form) => {
      const delivery = deliveryRequest(form);
      return {
        request: { serviceId: form.serviceId, isDeliveryRequired: delivery.isDeliveryRequired, purpose: form.purpose, zipCode: delivery.address?.zipCode },
        call: () =>
          konaplate().issuePrepaidCard({
            userId: memberId,
            serviceId: form.serviceId,
            ...delivery,
            purpose: form.purpose === 'GIFTABLE' ? 'GIFTABLE' : undefined,
          }),
        message: (card) => t('prepaidIssued', { applicationNumber: card.cardApplyNo }),
      };
    });
  },
);

/** Bound by the page: `issueDebitCardAction.bind(null, userId)`. */
export const issueDebitCardAction = protectedAction(
  'cards.issue',
  async (operator, userId: string, _prev: SubmitOnceResult<IssuedDebitCard>, formData: FormData): Promise<SubmitOnceResult<IssuedDebitCard>> => {
    const input = parseCardActionInput(boundMemberSchema, { userId }, debitIssueFormSchema, formData, ['enableFIC']);
    const t = await getTranslations('cardActions.answer');
    return issueOnce(operator, 'issue-debit', input, (memberId, form) => {
      const delivery = deliveryRequest(form);
      return {
        // The identity number is sent once and kept nowhere: not in the audit trail either.
        request: { serviceId: form.serviceId, bankCode: form.bankCode, enableFIC: form.enableFIC, isDeliveryRequired: delivery.isDeliveryRequired },
        call: () =>
          konaplate().issueDebitCard({
            userId: memberId,
            serviceId: form.serviceId,
            bankCode: form.bankCode,
            accountNo: form.accountNo,
            enableFIC: form.enableFIC,
            residentRegistrationNo: form.residentRegistrationNo,
            ...delivery,
          }),
        message: (card) => t('debitIssued', { applicationNumber: card.cardApplyNo }),
      };
    });
  },
);
