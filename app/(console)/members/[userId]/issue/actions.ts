'use server';
import { getTranslations } from 'next-intl/server';
import { holdForApprovalIfRequired } from '@/lib/approvals/hold';
import type { HeldOperation } from '@/lib/approvals/operations';
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
  type DebitIssueForm,
  type PrepaidIssueForm,
} from '@/lib/schemas/card-requests';

type Issuance = 'issue-prepaid' | 'issue-debit';

/**
 * One issuance: its input refused (and audited), held for approval when the policy says so
 * (`kept`: what the request may store), or sent once per idempotency key. The member id is
 * the page's, bound into the action and checked with the form.
 */
async function issueOnce<T, Form extends { idempotencyKey: string }>(
  operator: CurrentOperator,
  action: Issuance,
  input: CardActionInput<{ userId: string }, Form>,
  kept: (form: Form) => HeldOperation & { action: Issuance },
  issue: (userId: string, form: Form) => Pick<Parameters<typeof runCardAction<T>>[0], 'request' | 'call' | 'message'>,
): Promise<SubmitOnceResult<T>> {
  if (!input.success) return refuseCardActionInput(operator, action, input);
  const { bound, form } = input;
  const held = await holdForApprovalIfRequired({ maker: operator, operation: kept(form), memberId: bound.userId, idempotencyKey: form.idempotencyKey });
  if (held) return held;
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
    const purposeOf = (form: PrepaidIssueForm) => (form.purpose === 'GIFTABLE' ? ('GIFTABLE' as const) : undefined);
    const kept = (form: PrepaidIssueForm) => ({
      action: 'issue-prepaid' as const,
      input: { serviceId: form.serviceId, purpose: purposeOf(form), ...deliveryRequest(form) },
    });
    return issueOnce(operator, 'issue-prepaid', input, kept, (memberId, form) => {
      const delivery = deliveryRequest(form);
      return {
        request: { serviceId: form.serviceId, isDeliveryRequired: delivery.isDeliveryRequired, purpose: form.purpose, zipCode: delivery.address?.zipCode },
        call: () =>
          konaplate().issuePrepaidCard({
            userId: memberId,
            serviceId: form.serviceId,
            ...delivery,
            purpose: purposeOf(form),
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
    // The identity number is not kept: a checker types it again.
    const kept = (form: DebitIssueForm) => ({
      action: 'issue-debit' as const,
      input: { serviceId: form.serviceId, bankCode: form.bankCode, accountNo: form.accountNo, enableFIC: form.enableFIC, ...deliveryRequest(form) },
    });
    return issueOnce(operator, 'issue-debit', input, kept, (memberId, form) => {
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
