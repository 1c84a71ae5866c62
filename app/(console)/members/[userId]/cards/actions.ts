'use server';
import { protectedAction } from '@/lib/auth/protected-action';
import { loadCardDelivery } from '@/lib/cards/card-delivery';
import { refuseCardActionInput } from '@/lib/cards/card-action';
import type { ActionState } from '@/lib/domain/action-state';
import type { CardDelivery } from '@/lib/domain/cards';
import { boundMemberApplicationSchema } from '@/lib/schemas/card-requests';

/**
 * Where an application's physical card is, asked again from the browser (the card page's
 * refresh, the outcome of an issuance or reissuance). Bound by the page:
 * `readCardDeliveryAction.bind(null, userId)`; the application number is the one Konaplate
 * answered, checked here like any input.
 */
export const readCardDeliveryAction = protectedAction(
  'cards.view',
  async (operator, userId: string, cardApplyNo: string): Promise<ActionState<CardDelivery>> => {
    const bound = boundMemberApplicationSchema.safeParse({ userId, cardApplyNo });
    if (!bound.success) {
      return refuseCardActionInput(operator, 'delivery-inquiry', { error: bound.error, memberId: undefined });
    }
    return loadCardDelivery(operator, bound.data);
  },
);
