'use server';
import { invalidState, protectedAction } from '@/lib/auth/protected-action';
import { auditRefusedInput, runCardAction } from '@/lib/cards/card-action';
import { submitOnce, type SubmitOnceResult } from '@/lib/cards/submit-once';
import type { IssuedCard } from '@/lib/domain/cards';
import { konaplate } from '@/lib/upstream/client';
import { formDataToObject, reissueFormSchema } from '@/lib/schemas/card-requests';

/**
 * Konaplate is the authority on whether this card can be replaced now: the page offers
 * the form only for a card suspended as lost, but a stale page (another tab, another
 * operator) is answered by Konaplate's own code (e.g. 003_018 already reissued).
 */
export const reissuePrepaidCardAction = protectedAction(
  'cards.reissue',
  async (operator, _prev: SubmitOnceResult<IssuedCard>, formData: FormData): Promise<SubmitOnceResult<IssuedCard>> => {
    const parsed = reissueFormSchema.safeParse(formDataToObject(formData, ['feeAcknowledged']));
    if (!parsed.success) {
      await auditRefusedInput(operator, 'reissue-prepaid', String(formData.get('userId')), parsed.error);
      return invalidState(parsed.error);
    }
    const form = parsed.data;
    const delivering = form.delivery === 'delivery';
    return submitOnce({ key: form.idempotencyKey, operatorId: operator.id, action: 'reissue-prepaid' }, () =>
      runCardAction({
        operator,
        action: 'reissue-prepaid',
        memberId: form.userId,
        cardRef: form.par,
        request: {
          reason: form.reason,
          reasonText: form.reasonText || undefined,
          nextServiceId: form.nextServiceId || undefined,
          isDeliveryRequired: delivering,
          zipCode: delivering ? form.zipCode : undefined,
          feeAcknowledged: true,
        },
        call: () =>
          konaplate().reissuePrepaidCard({
            userId: form.userId,
            par: form.par,
            nextServiceId: form.nextServiceId || undefined,
            isDeliveryRequired: delivering,
            address: delivering ? { address: form.address, addressDetail: form.addressDetail, zipCode: form.zipCode } : undefined,
          }),
        message: (card) => `Replacement issued: application ${card.cardApplyNo}.`,
      }),
    );
  },
);
