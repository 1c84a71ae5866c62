import { z } from 'zod';
import type { JsonValue } from '../json-body';
import { ApiFailure, RESULTS } from '../result-codes';
import type { IssuedCard } from '../state';
import { beginIssuance, issuanceRequest, serviceIdSchema, type EndpointContext, type SuccessData } from './common';

/** POST /api/v1/prepay-card/issue/delivery: a new prepaid card; a mobile card always, a physical one when delivered. */

const requestSchema = issuanceRequest({
  serviceId: serviceIdSchema,
  purpose: z.string().min(1).max(10).optional(),
});

export function prepaidIssueAnswer({ card, mobileCardCVC }: IssuedCard): SuccessData {
  return {
    cardApplyNo: card.cardApplyNo,
    mobileCardNo: card.mobileCardNo,
    mobileCardCVC,
    mobileCardPar: card.par,
  };
}

export function handlePrepaidIssue(body: JsonValue, context: EndpointContext): SuccessData {
  const { request, delivered, member } = beginIssuance(requestSchema, body, context);
  const product = context.state.product(request.serviceId);
  if (!product || product.type !== 'prepaid') throw new ApiFailure(RESULTS.invalidInput('serviceId'));
  if (product.issueType === 'normal' && !delivered) throw new ApiFailure(RESULTS.deliveryRequired);

  const issued = context.state.issue({
    owner: member.userId,
    product,
    withMobileCard: true,
    withPhysicalCard: delivered,
    isNamed: false,
    now: context.now,
  });
  return prepaidIssueAnswer(issued);
}
