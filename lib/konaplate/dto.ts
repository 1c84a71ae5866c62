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

/** Modification of the card's state: nothing but the envelope. */
export const cardStatusDto = z.object({});

export const deliveryStatusSchema = z.enum([
  'READY',
  'RECEIPT',
  'PRE_SHIPPING',
  'SHIPPING',
  'ARRIVAL',
  'LOST',
  'RETURN',
  'CANCEL',
  'ETC',
]);

export const deliveryInquiryDto = z.object({ status: deliveryStatusSchema });

export const applicationCancelDto = z.object({
  mobileCardNo: z.string().length(16).optional(),
  par: z.string().length(27),
});

/** Only serviceId and serviceName are documented; the rest is read when present. */
export const serviceInfoDto = z.object({
  serviceId: z.string().length(15),
  serviceName: z.string().min(1).max(255),
  serviceImageUrl: z.string().min(1).max(255).optional(),
  affiliateId: z.string().length(15).optional(),
  rechargeable: z.boolean().optional(),
  refundable: z.boolean().optional(),
  remittable: z.boolean().optional(),
  personalRechargeable: z.boolean().optional(),
  overseaPaymentable: z.boolean().optional(),
  minRechargeAmount: amount.optional(),
  maxRealNameRechargeAmount: amount.optional(),
  maxNonRealNameRechargeAmount: amount.optional(),
  rechargeUnitAmt: amount.optional(),
});

export const serviceInfoListDto = z.object({ serviceInfos: z.array(serviceInfoDto) });

/**
 * Search for member information. userId arrives as a JSON number literal, read as its digit
 * string (wire-json.ts); it must name the member asked about (memberInfoDtoFor).
 */
export const memberInfoDto = z.object({
  userInfo: z.object({
    userId: z.string().regex(/^[1-9]\d{0,18}$/).optional(),
    userName: z.string().min(1),
    loginId: z.string().min(1),
    email: z.string().optional(),
    mobileNumber: z.string().optional(),
    birthDate: z.string().optional(),
    gender: z.string().optional(),
    nationality: z.string().optional(),
    /** Not documented: read when present. */
    joinChannel: z.string().optional(),
    addressInfo: z
      .object({ address: z.string(), addressDetail: z.string().optional(), zipCode: z.string().optional() })
      .optional(),
  }),
});

/** The member information of `userId`, refused when it names another member. */
export const memberInfoDtoFor = (userId: string) =>
  memberInfoDto.refine((dto) => dto.userInfo.userId === undefined || dto.userInfo.userId === userId, {
    message: 'the answer names another member',
    path: ['userInfo', 'userId'],
  });
