/**
 * The console's own card types: what lib/konaplate maps Konaplate's answers into, and what
 * pages, components and the audit trail read. Browser-safe. Card secrets never get here:
 * card and account numbers are masked, and no CVC field exists.
 */

export type CardLifeStatus = '30' | '60' | '90';
export type CardBizStatus = '31' | '35' | '36' | '3A' | '60' | '61';
export type CardFormStatus = 'ACTIVE' | 'SUSPENDED';

export interface CardPoints {
  pointPolicyId: string;
  pointName: string;
  remainingPoint: number;
  autoUse: boolean;
}

/** What a registered card and an unregistered one have in common. */
interface CardBase {
  par: string;
  serviceId: string;
  serviceName: string;
  serviceImageUrl: string;
  mobileCardNoMasked?: string;
  physicalCardNoMasked?: string;
  physicalCardStatus?: CardFormStatus;
  /** YYYYMMDD. */
  expiryDate: string;
  balance: number;
  rechargeableAmount: number;
  minRechargeAmount: number;
  maxRealNameRechargeAmount: number;
  maxNonRealNameRechargeAmount: number;
  rechargeUnitAmt?: number;
  rechargeable: boolean;
  personalRechargeable: boolean;
  refundable: boolean;
  remittable: boolean;
  cardPointInfo?: CardPoints[];
}

export interface MemberCard extends CardBase {
  cardApplyNo?: string;
  mobileCardStatus: CardFormStatus;
  pendingAmount: number;
  isNamed: boolean;
  autoReloadStatus?: 'ACTIVE' | 'INACTIVE' | 'NONE';
  /** Debit cards only. */
  limits?: { day: number; once: number; month: number };
  /** Debit cards only: the linked account, its number masked. */
  bankInfo?: { bankName: string; accountNoMasked: string; enableFIC: boolean };
  cardLifeStatus: CardLifeStatus;
  cardBizStatus: CardBizStatus;
  accTransferStatus: '0' | '1';
  enableVirtualAccountPendingAmount: boolean;
  virtualAccountMaxPendingAmount: number;
}

export interface UnregisteredCard extends CardBase {
  affiliateId: string;
  mobileCardStatus?: CardFormStatus;
  overseaPaymentable?: boolean;
}

export interface IssuedCard {
  cardApplyNo: string;
  mobileCardNoMasked?: string;
  mobileCardPar?: string;
}

export interface IssuedDebitCard {
  cardApplyNo: string;
  mobileCardNoMasked?: string;
  physicalCardNoMasked: string;
  expiryDate: string;
}

/** A read of a member's cards, as the page renders it and the SWR refresh returns it. */
export type MemberCardsResult =
  | { status: 'ok'; cards: MemberCard[]; fetchedAt: string; correlationId: string }
  | {
      status: 'error';
      /** 001_006: no such member (a plain answer, not a failure). */
      memberNotFound: boolean;
      /** What happened and what to tell the member, in the operator's language. */
      message: string;
      code?: string;
      correlationId: string;
    };

/** The two changes Konaplate's "Modification of the card's state" knows. */
export type CardStatusChange = 'SUSPEND' | 'RESUME';

/** Where the physical card of an application is (Konaplate's delivery statuses). */
export type CardDeliveryStatus =
  | 'READY'
  | 'RECEIPT'
  | 'PRE_SHIPPING'
  | 'SHIPPING'
  | 'ARRIVAL'
  | 'LOST'
  | 'RETURN'
  | 'CANCEL'
  | 'ETC';

export interface CardDelivery {
  /** The application (22 characters) the issuance or reissuance answered. */
  cardApplyNo: string;
  status: CardDeliveryStatus;
}

/** A cancelled card application: its card is discarded. */
export interface CancelledCardApplication {
  cardApplyNo: string;
  par: string;
  /** The discarded mobile card, masked. */
  mobileCardNoMasked?: string;
}

/** A card product as "Card Product ID Inquiry" describes it; only id and name are documented. */
export interface CardProduct {
  serviceId: string;
  serviceName: string;
  serviceImageUrl?: string;
  affiliateId?: string;
  rechargeable?: boolean;
  refundable?: boolean;
  remittable?: boolean;
  personalRechargeable?: boolean;
  overseaPaymentable?: boolean;
  minRechargeAmount?: number;
  maxRealNameRechargeAmount?: number;
  maxNonRealNameRechargeAmount?: number;
  rechargeUnitAmt?: number;
}
