import { z } from 'zod';
import type { JsonValue } from '../json-body';
import { ApiFailure, RESULTS } from '../result-codes';
import { cardApplyNoSchema, parseRequest, requireMember, userIdSchema, type EndpointContext, type SuccessData } from './common';

/**
 * POST /api/v1/card/delivery/inquiry: where the physical card of an application is. The
 * request is not in the vendor's stored page; `userId` + `cardApplyNo` is adopted. An
 * application that is not the member's, or delivers no physical card, is 003_001.
 */

const requestSchema = z.object({
  userId: userIdSchema,
  cardApplyNo: cardApplyNoSchema,
});

export function handleDeliveryInquiry(body: JsonValue, context: EndpointContext): SuccessData {
  const request = parseRequest(requestSchema, body);
  const member = requireMember(context, request.userId);
  const application = context.state.application(request.cardApplyNo);
  const status = application?.owner === member.userId ? context.state.deliveryStatus(application, context.now) : undefined;
  if (status === undefined) throw new ApiFailure(RESULTS.invalidCardInfo);
  return { status };
}
