import { z } from 'zod';
import { luhnValid } from '../identifiers';
import type { JsonValue } from '../json-body';
import { ApiFailure, RESULTS } from '../result-codes';
import { parseRequest, rechargeableAmount, type EndpointContext, type SuccessData } from './common';

/** POST /api/v1/unregister/card/info: a card no member holds, found by number, expiry (MMYY) and CVC. */

const requestSchema = z.object({
  cardNo: z.string(),
  expiryDate: z.string().regex(/^(0[1-9]|1[0-2])\d{2}$/),
  cardCVC: z.string().regex(/^\d{3}$/),
});

/** Card face MMYY of a yyyyMMdd expiry. */
const cardFaceExpiry = (yyyyMMdd: string) => yyyyMMdd.slice(4, 6) + yyyyMMdd.slice(2, 4);

export function handleUnregisteredCard(body: JsonValue, context: EndpointContext): SuccessData {
  const request = parseRequest(requestSchema, body);
  if (request.cardNo.length !== 16) throw new ApiFailure(RESULTS.cardNoLength);
  if (!luhnValid(request.cardNo)) throw new ApiFailure(RESULTS.invalidInput('cardNo'));

  const card = context.state.cardByNumber(request.cardNo);
  const product = card && context.state.product(card.serviceId);
  const matches =
    card?.cvc !== undefined && card.cvc === request.cardCVC && cardFaceExpiry(card.expiryDate) === request.expiryDate;
  if (!card || !product || !matches) throw new ApiFailure(RESULTS.cardNotFound);
  if (card.owner !== null) throw new ApiFailure(RESULTS.cardRegistered);

  return {
    cardDataInfo: {
      par: card.par,
      serviceId: product.serviceId,
      serviceName: product.name,
      serviceImageUrl: product.imageUrl,
      affiliateId: product.affiliateId,
      rechargeable: product.rechargeable,
      refundable: product.refundable,
      remittable: product.remittable,
      personalRechargeable: product.personalRechargeable,
      balance: card.balance,
      expiryDate: card.expiryDate,
      physicalCardNo: card.physicalCardNo,
      physicalCardStatus: card.physicalCardStatus,
      mobileCardNo: card.mobileCardNo,
      mobileCardStatus: card.mobileCardNo === undefined ? undefined : card.mobileCardStatus,
      maxNonRealNameRechargeAmount: product.maxNonRealNameRechargeAmount,
      maxRealNameRechargeAmount: product.maxRealNameRechargeAmount,
      minRechargeAmount: product.minRechargeAmount,
      rechargeableAmount: rechargeableAmount(card, product),
      overseaPaymentable: product.overseaPaymentable,
      cardPointInfo: card.cardPointInfo,
      rechargeUnitAmt: product.rechargeUnitAmt,
    },
  };
}
