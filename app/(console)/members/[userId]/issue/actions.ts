'use server';
import { invalidState, protectedAction } from '@/lib/auth/protected-action';
import { auditRefusedInput, runCardAction } from '@/lib/cards/card-action';
import { submitOnce, type SubmitOnceResult } from '@/lib/cards/submit-once';
import type { IssuedCard, IssuedDebitCard } from '@/lib/domain/cards';
import { konaplate } from '@/lib/upstream/client';
import { debitIssueFormSchema, formDataToObject, prepaidIssueFormSchema } from '@/lib/schemas/card-requests';

export const issuePrepaidCardAction = protectedAction(
  'cards.issue',
  async (operator, _prev: SubmitOnceResult<IssuedCard>, formData: FormData): Promise<SubmitOnceResult<IssuedCard>> => {
    const parsed = prepaidIssueFormSchema.safeParse(formDataToObject(formData));
    if (!parsed.success) {
      await auditRefusedInput(operator, 'issue-prepaid', String(formData.get('userId')), parsed.error);
      return invalidState(parsed.error);
    }
    const form = parsed.data;
    const delivering = form.delivery === 'delivery';
    return submitOnce({ key: form.idempotencyKey, operatorId: operator.id, action: 'issue-prepaid' }, () =>
      runCardAction({
        operator,
        action: 'issue-prepaid',
        memberId: form.userId,
        request: { serviceId: form.serviceId, isDeliveryRequired: delivering, purpose: form.purpose, zipCode: delivering ? form.zipCode : undefined },
        call: () =>
          konaplate().issuePrepaidCard({
            userId: form.userId,
            serviceId: form.serviceId,
            isDeliveryRequired: delivering,
            address: delivering ? { address: form.address, addressDetail: form.addressDetail, zipCode: form.zipCode } : undefined,
            purpose: form.purpose === 'GIFTABLE' ? 'GIFTABLE' : undefined,
          }),
        message: (card) => `Prepaid card issued: application ${card.cardApplyNo}.`,
      }),
    );
  },
);

export const issueDebitCardAction = protectedAction(
  'cards.issue',
  async (operator, _prev: SubmitOnceResult<IssuedDebitCard>, formData: FormData): Promise<SubmitOnceResult<IssuedDebitCard>> => {
    const parsed = debitIssueFormSchema.safeParse(formDataToObject(formData, ['enableFIC']));
    if (!parsed.success) {
      await auditRefusedInput(operator, 'issue-debit', String(formData.get('userId')), parsed.error);
      return invalidState(parsed.error);
    }
    const form = parsed.data;
    const delivering = form.delivery === 'delivery';
    return submitOnce({ key: form.idempotencyKey, operatorId: operator.id, action: 'issue-debit' }, () =>
      runCardAction({
        operator,
        action: 'issue-debit',
        memberId: form.userId,
        // The identity number is sent once and kept nowhere: not in the audit trail either.
        request: { serviceId: form.serviceId, bankCode: form.bankCode, enableFIC: form.enableFIC, isDeliveryRequired: delivering },
        call: () =>
          konaplate().issueDebitCard({
            userId: form.userId,
            serviceId: form.serviceId,
            bankCode: form.bankCode,
            accountNo: form.accountNo,
            enableFIC: form.enableFIC,
            residentRegistrationNo: form.residentRegistrationNo,
            isDeliveryRequired: delivering,
            address: delivering ? { address: form.address, addressDetail: form.addressDetail, zipCode: form.zipCode } : undefined,
          }),
        message: (card) => `Debit card issued: application ${card.cardApplyNo}.`,
      }),
    );
  },
);
