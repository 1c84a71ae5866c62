import 'server-only';
import { failureState } from '@/lib/auth/protected-action';
import type { CurrentOperator } from '@/lib/auth/access';
import type { ActionState } from '@/lib/domain/action-state';
import type { CardDelivery } from '@/lib/domain/cards';
import { auditedCall } from '@/lib/upstream/audited-call';
import { konaplate } from '@/lib/upstream/client';

/**
 * Where the physical card of an application is: one audited "delivery inquiry". A read, so
 * an answer is never reused and a failure is the operator's to see (with its code and
 * correlation id), not a reason to hide the card.
 */
export async function loadCardDelivery(
  operator: CurrentOperator,
  query: { userId: string; cardApplyNo: string; par?: string },
): Promise<ActionState<CardDelivery>> {
  try {
    const outcome = await auditedCall(
      { actor: operator, action: 'delivery-inquiry', memberId: query.userId, cardRef: query.par, request: { cardApplyNo: query.cardApplyNo } },
      () => konaplate().getDeliveryStatus({ userId: query.userId, cardApplyNo: query.cardApplyNo }),
      (delivery) => ({ deliveryStatus: delivery.status }),
    );
    if (!outcome.ok) return failureState(outcome.error);
    return { status: 'ok', data: outcome.data };
  } catch (error) {
    return failureState(error);
  }
}
