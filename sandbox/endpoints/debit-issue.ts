import { z } from 'zod';
import type { JsonValue } from '../json-body';
import { ApiFailure, RESULTS } from '../result-codes';
import { beginIssuance, issuanceRequest, serviceIdSchema, type EndpointContext, type SuccessData } from './common';

/**
 * POST /api/v1/direct-card/issue/delivery: a debit card linked to the member's bank account.
 * The vendor does not document the request; this shape is the project's convention.
 * The resident registration number is only checked, never stored or logged.
 */

const requestSchema = issuanceRequest({
  serviceId: serviceIdSchema,
  bankInfo: z.object({
    bankCode: z.string().regex(/^\d{3}$/),
    accountNo: z.string().regex(/^\d{1,20}$/),
  }),
  enableFIC: z.boolean().optional(),
  identityInfo: z.object({ residentRegistrationNo: z.string().regex(/^\d{13}$/) }),
});

export function handleDebitIssue(body: JsonValue, context: EndpointContext): SuccessData {
  const { request, delivered, member } = beginIssuance(requestSchema, body, context);
  const product = context.state.product(request.serviceId);
  const debit = product?.debit;
  if (!product || !debit) throw new ApiFailure(RESULTS.invalidInput('serviceId'));

  if (debit.bankCode !== request.bankInfo.bankCode) throw new ApiFailure(RESULTS.wrongBank);
  if (debit.failures.invalidIssueType) throw new ApiFailure(RESULTS.invalidIssueType);
  if (debit.failures.notDigitalPreIssue) throw new ApiFailure(RESULTS.notDigitalPreIssue);
  if (debit.failures.noSiblingProduct) throw new ApiFailure(RESULTS.noSiblingProduct);
  if (debit.mobileCard && debit.failures.appletUnsupported) throw new ApiFailure(RESULTS.appletUnsupported);
  if (member.identityCheckFails) throw new ApiFailure(RESULTS.identityCheckFailed);
  if (debit.mobileCard && (debit.failures.digitalDownloadFails || member.digitalDownloadFails)) {
    throw new ApiFailure(RESULTS.digitalDownloadFailed);
  }

  const { card, mobileCardCVC } = context.state.issue({
    owner: member.userId,
    product,
    withMobileCard: debit.mobileCard,
    // The answer always carries a physical card number, delivered or not.
    withPhysicalCard: true,
    delivered,
    // A card linked to a verified bank account is a named card.
    isNamed: true,
    limits: debit.limits,
    // Without cash-IC support the card is still issued, only without cash IC.
    bankInfo: {
      bankName: debit.bankName,
      accountNo: request.bankInfo.accountNo,
      enableFIC: (request.enableFIC ?? false) && debit.supportsFIC,
    },
    now: context.now,
  });
  return {
    cardApplyNo: card.cardApplyNo,
    mobileCardNo: card.mobileCardNo,
    mobileCardCVC,
    physicalCardNo: card.physicalCardNo,
    expiryDate: card.expiryDate,
  };
}
