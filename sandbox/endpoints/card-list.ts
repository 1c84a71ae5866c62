import { z } from 'zod';
import type { JsonValue } from '../json-body';
import type { Card, Product } from '../state';
import { parSchema, parseRequest, rechargeableAmount, requireMember, userIdSchema, type EndpointContext, type SuccessData } from './common';

/** POST /api/v1/user/card/list: a member's cards, optionally narrowed to one by par or card number. */

const requestSchema = z.object({
  userId: userIdSchema,
  par: parSchema.optional(),
  physicalCardNo: z.string().regex(/^\d{16}$/).optional(),
});

export function cardDataInfo(card: Card, product: Product) {
  return {
    par: card.par,
    serviceId: product.serviceId,
    serviceName: product.name,
    serviceImageUrl: product.imageUrl,
    cardApplyNo: card.cardApplyNo,
    mobileCardNo: card.mobileCardNo,
    mobileCardStatus: card.mobileCardStatus,
    physicalCardNo: card.physicalCardNo,
    physicalCardStatus: card.physicalCardStatus,
    expiryDate: card.expiryDate,
    balance: card.balance,
    pendingAmount: card.pendingAmount,
    rechargeableAmount: rechargeableAmount(card, product),
    minRechargeAmount: product.minRechargeAmount,
    maxRealNameRechargeAmount: product.maxRealNameRechargeAmount,
    maxNonRealNameRechargeAmount: product.maxNonRealNameRechargeAmount,
    rechargeUnitAmt: product.rechargeUnitAmt,
    isNamed: card.isNamed,
    rechargeable: product.rechargeable,
    personalRechargeable: product.personalRechargeable,
    refundable: product.refundable,
    remittable: product.remittable,
    autoReloadStatus: card.autoReloadStatus,
    limits: card.limits,
    bankInfo: card.bankInfo,
    cardPointInfo: card.cardPointInfo,
    cardLifeStatus: card.cardLifeStatus,
    cardBizStatus: card.cardBizStatus,
    accTransferStatus: card.accTransferStatus,
    enableVirtualAccountPendingAmount: product.enableVirtualAccountPendingAmount,
    virtualAccountMaxPendingAmount: product.virtualAccountMaxPendingAmount,
  };
}

export function handleCardList(body: JsonValue, context: EndpointContext): SuccessData {
  const request = parseRequest(requestSchema, body);
  requireMember(context, request.userId);
  const cards = context.state
    .cardsOf(request.userId)
    .filter((card) => request.par === undefined || card.par === request.par)
    .filter((card) => request.physicalCardNo === undefined || card.physicalCardNo === request.physicalCardNo);
  return {
    cardDataInfo: cards.flatMap((card) => {
      const product = context.state.product(card.serviceId);
      return product ? [cardDataInfo(card, product)] : [];
    }),
  };
}
