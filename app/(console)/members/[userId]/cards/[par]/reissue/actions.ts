'use server';
import { getTranslations } from 'next-intl/server';
import { holdForApprovalIfRequired } from '@/lib/approvals/hold';
import { protectedAction } from '@/lib/auth/protected-action';
import { refuseCardActionInput, runCardAction } from '@/lib/cards/card-action';
import { submitOnce, type SubmitOnceResult } from '@/lib/cards/submit-once';
import type { IssuedCard } from '@/lib/domain/cards';
import { konaplate } from '@/lib/upstream/client';
import { boundCardSchema, deliveryRequest, parseCardActionInput, reasonSummary, reissueFormSchema } from '@/lib/schemas/card-requests';

/**
 * Replaces the card of the page's route, bound by it: `reissuePrepaidCardAction.bind(null,
 * userId, par)`; the bound ids are checked again with the form.
 *
 * Konaplate is the authority on whether this card can be replaced now: the page offers
 * the form only for a card suspended as lost, but a stale page (another tab, another
 * operator) is answered by Konaplate's own code (e.g. 003_018 already reissued).
 */
export const reissuePrepaidCardAction = protectedAction(
  'cards.reissue',
  async (operator, userId: string, par: string, _prev: SubmitOnceResult<IssuedCard>, formData: FormData): Promise<SubmitOnceResult<IssuedCard>> => {
    const input = parseCardActionInput(boundCardSchema, { userId, par }, reissueFormSchema, formData, ['feeAcknowledged']);
    if (!input.success) return refuseCardActionInput(operator, 'reissue-prepaid', input);
    const { bound, form } = input;
    const delivery = deliveryRequest(form);
    const nextServiceId = form.nextServiceId || undefined;
    const request = {
      ...reasonSummary(form),
      nextServiceId,
      isDeliveryRequired: delivery.isDeliveryRequired,
      zipCode: delivery.address?.zipCode,
      feeAcknowledged: true,
    };
    const held = await holdForApprovalIfRequired({
      maker: operator,
      operation: { action: 'reissue-prepaid', input: { par: bound.par, nextServiceId, ...delivery } },
      memberId: bound.userId,
      cardRef: bound.par,
      ...reasonSummary(form),
      idempotencyKey: form.idempotencyKey,
    });
    if (held) return held;
    const t = await getTranslations('cardActions.answer');
    return submitOnce({ key: form.idempotencyKey, operatorId: operator.id, action: 'reissue-prepaid' }, () =>
      runCardAction({
        operator,
        action: 'reissue-prepaid',
        memberId: bound.userId,
        cardRef: bound.par,
        request,
        call: () => konaplate().reissuePrepaidCard({ userId: bound.userId, par: bound.par, nextServiceId, ...delivery }),
        message: (card) => t('reissued', { applicationNumber: card.cardApplyNo }),
        // Which card replaced this one: the card page names it ("replaced by the card ending …").
        summarize: (card) => ({ newCardApplyNo: card.cardApplyNo, newCardPar: card.mobileCardPar }),
      }),
    );
  },
);
