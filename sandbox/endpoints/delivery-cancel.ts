import { z } from 'zod';
import { CANCELABLE_DELIVERY_STATUSES, kstDate } from '../delivery';
import type { JsonValue } from '../json-body';
import { ApiFailure, RESULTS } from '../result-codes';
import { cardApplyNoSchema, parseRequest, requireMember, userIdSchema, type EndpointContext, type SuccessData } from './common';

/**
 * POST /api/v1/card/delivery/cancel: cancels an application on the day it was made (in
 * Korea) while its mobile card is unused. Checks, in order: validation → 001_006 → the
 * application is the member's (else 000_002 cardApplyNo) → already cancelled or card
 * terminated (003_003) → not the day of application (003_002) → mobile card used, card no
 * longer active, or the delivery past RECEIPT (003_003). The card is then terminated.
 */

const requestSchema = z.object({
  cardApplyNo: cardApplyNoSchema,
  userId: userIdSchema,
});

export function handleDeliveryCancel(body: JsonValue, context: EndpointContext): SuccessData {
  const request = parseRequest(requestSchema, body);
  const member = requireMember(context, request.userId);
  const { state, now } = context;
  const application = state.application(request.cardApplyNo);
  const card = application && state.cardByPar(application.par);
  if (!application || !card || application.owner !== member.userId) {
    throw new ApiFailure(RESULTS.invalidInput('cardApplyNo'));
  }
  if (application.pinnedStatus === 'CANCEL' || card.cardLifeStatus === '90') throw new ApiFailure(RESULTS.notCancelableStatus);
  if (kstDate(application.appliedAt) !== kstDate(now)) throw new ApiFailure(RESULTS.notCancelableDay);

  const delivery = state.deliveryStatus(application, now);
  const shipped = delivery !== undefined && !CANCELABLE_DELIVERY_STATUSES.includes(delivery);
  const active = card.cardLifeStatus === '60' && (card.cardBizStatus === '60' || card.cardBizStatus === '36');
  if (card.mobileCardUsed || shipped || !active) throw new ApiFailure(RESULTS.notCancelableStatus);

  state.cancel(application);
  return { mobileCardNo: card.mobileCardNo, par: card.par };
}
