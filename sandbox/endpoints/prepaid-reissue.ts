import { z } from 'zod';
import type { JsonValue } from '../json-body';
import { ApiFailure, RESULTS } from '../result-codes';
import { beginIssuance, issuanceRequest, parSchema, serviceIdSchema, type EndpointContext, type SuccessData } from './common';
import { prepaidIssueAnswer } from './prepaid-issue';

/**
 * POST /api/v1/prepay-card/reissue/delivery: replaces a member's card suspended as lost.
 * The card being replaced is named by cardInfo.par (not documented by the vendor; adopted).
 */

const requestSchema = issuanceRequest({
  cardInfo: z.object({ par: parSchema }),
  nextServiceId: serviceIdSchema.optional(),
});

export function handlePrepaidReissue(body: JsonValue, context: EndpointContext): SuccessData {
  const { request, delivered, member } = beginIssuance(requestSchema, body, context);

  const old = context.state.cardByPar(request.cardInfo.par);
  if (!old || old.owner !== member.userId) throw new ApiFailure(RESULTS.notMembersCard);
  if (old.cardBizStatus === '3A') throw new ApiFailure(RESULTS.alreadyReissued);
  if (old.reissueInProgress) throw new ApiFailure(RESULTS.reissueInProgress);
  if (old.cardBizStatus !== '31') throw new ApiFailure(RESULTS.notLost);

  const product = context.state.product(request.nextServiceId ?? old.serviceId);
  if (!product || product.type !== 'prepaid' || !product.reissuable) throw new ApiFailure(RESULTS.invalidNextService);
  if (product.requiresAuthentication && !member.authenticated) throw new ApiFailure(RESULTS.notAuthenticated);
  if (product.reissueFee > 0) {
    if (member.bankAccount === 'none') throw new ApiFailure(RESULTS.bankAccountNotFound);
    if (member.bankAccount === 'invalid') throw new ApiFailure(RESULTS.bankAccountInvalid);
    if (member.feePaymentFails) throw new ApiFailure(RESULTS.feePaymentFailed);
  }

  old.cardBizStatus = '3A';
  old.cardLifeStatus = '30';
  const issued = context.state.issue({
    owner: member.userId,
    product,
    withMobileCard: true,
    withPhysicalCard: delivered,
    // Naming belongs to the holder's verified identity, so the replacement keeps it.
    isNamed: old.isNamed,
    replacesPar: old.par,
    now: context.now,
  });
  return prepaidIssueAnswer(issued);
}
