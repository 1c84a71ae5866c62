import 'server-only';
import { z } from 'zod';

/** Konaplate's answers as they come off the wire (lengths and enums per the reference). */

const amount = z.number().int().min(0);

export const cardLifeStatusSchema = z.enum(['30', '60', '90']);
export const cardBizStatusSchema = z.enum(['31', '35', '36', '3A', '60', '61']);
export const cardStatusSchema = z.enum(['ACTIVE', 'SUSPENDED']);

export const cardPointDto = z.object({
  pointPolicyId: z.string(),
  pointName: z.string(),
  remainingPoint: z.number(),
  autoUse: z.boolean(),
});

export const cardDataInfoDto = z.object({
  par: z.string().length(27),
  serviceId: z.string().length(15),
  serviceName: z.string().min(1).max(255),
  serviceImageUrl: z.string().min(1).max(255),
  cardApplyNo: z.string().length(22).optional(),
  mobileCardNo: z.string().length(16).optional(),
  mobileCardStatus: cardStatusSchema,
  physicalCardNo: z.string().length(16).optional(),
  physicalCardStatus: cardStatusSchema.optional(),
  expiryDate: z.string().regex(/^\d{8}$/),
  balance: amount.max(9_999_999_999),
  pendingAmount: amount,
  rechargeableAmount: amount,
  minRechargeAmount: amount,
  maxRealNameRechargeAmount: amount,
  maxNonRealNameRechargeAmount: amount,
  rechargeUnitAmt: amount.optional(),
  isNamed: z.boolean(),
  rechargeable: z.boolean(),
  personalRechargeable: z.boolean(),
  refundable: z.boolean(),
  remittable: z.boolean(),
  autoReloadStatus: z.enum(['ACTIVE', 'INACTIVE', 'NONE']).optional(),
  limits: z.object({ day: amount, once: amount, month: amount }).optional(),
  bankInfo: z
    .object({ bankName: z.string().min(1).max(10), accountNo: z.string().min(1).max(20), enableFIC: z.boolean() })
    .optional(),
  cardPointInfo: z.array(cardPointDto).optional(),
  cardLifeStatus: cardLifeStatusSchema,
  cardBizStatus: cardBizStatusSchema,
  accTransferStatus: z.enum(['0', '1']),
  enableVirtualAccountPendingAmount: z.boolean(),
  virtualAccountMaxPendingAmount: amount,
});

export const cardListDto = z.object({ cardDataInfo: z.array(cardDataInfoDto) });

export const unregisteredCardDto = z.object({
  cardDataInfo: z.object({
    par: z.string().length(27),
    serviceId: z.string().length(15),
    serviceName: z.string().min(1).max(255),
    serviceImageUrl: z.string().min(1).max(255),
    affiliateId: z.string().length(15),
    rechargeable: z.boolean(),
    refundable: z.boolean(),
    remittable: z.boolean(),
    personalRechargeable: z.boolean(),
    balance: amount.max(9_999_999_999),
    expiryDate: z.string().regex(/^\d{8}$/),
    physicalCardNo: z.string().length(16).optional(),
    physicalCardStatus: cardStatusSchema.optional(),
    mobileCardNo: z.string().length(16).optional(),
    mobileCardStatus: cardStatusSchema.optional(),
    maxNonRealNameRechargeAmount: amount,
    maxRealNameRechargeAmount: amount,
    minRechargeAmount: amount,
    rechargeableAmount: amount,
    overseaPaymentable: z.boolean().optional(),
    cardPointInfo: z.array(cardPointDto).optional(),
    rechargeUnitAmt: amount.optional(),
  }),
});

/** Prepaid issuance and reissuance answer alike. */
export const prepaidIssueDto = z.object({
  cardApplyNo: z.string().length(22),
  mobileCardNo: z.string().length(16).optional(),
  mobileCardCVC: z.string().optional(),
  mobileCardPar: z.string().length(27).optional(),
});

export const debitIssueDto = z.object({
  cardApplyNo: z.string().length(22),
  mobileCardNo: z.string().length(16).optional(),
  mobileCardCVC: z.string().optional(),
  physicalCardNo: z.string().length(16),
  expiryDate: z.string().regex(/^\d{8}$/),
});
