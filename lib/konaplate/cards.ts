import 'server-only';
import type { z } from 'zod';
import { maskAccountNumber, maskCardNumber } from '@/lib/format/card-number';
import type { cardDataInfoDto, debitIssueDto, prepaidIssueDto, unregisteredCardDto } from './dto';

/**
 * The console's own card types. Mapping from the wire happens here, and this is
 * where card secrets stop: full card and account numbers become masked strings,
 * and the new card's CVC is dropped, so nothing above lib/konaplate can leak them.
 */

type CardDto = z.infer<typeof cardDataInfoDto>;
type UnregisteredCardDto = z.infer<typeof unregisteredCardDto>['cardDataInfo'];

export type MemberCard = Omit<CardDto, 'mobileCardNo' | 'physicalCardNo' | 'bankInfo'> & {
  mobileCardNoMasked?: string;
  physicalCardNoMasked?: string;
  bankInfo?: { bankName: string; accountNoMasked: string; enableFIC: boolean };
};

export type UnregisteredCard = Omit<UnregisteredCardDto, 'mobileCardNo' | 'physicalCardNo'> & {
  mobileCardNoMasked?: string;
  physicalCardNoMasked?: string;
};

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

const masked = (cardNo: string | undefined) => (cardNo === undefined ? undefined : maskCardNumber(cardNo));

export function toMemberCard({ mobileCardNo, physicalCardNo, bankInfo, ...rest }: CardDto): MemberCard {
  return {
    ...rest,
    mobileCardNoMasked: masked(mobileCardNo),
    physicalCardNoMasked: masked(physicalCardNo),
    bankInfo: bankInfo && {
      bankName: bankInfo.bankName,
      accountNoMasked: maskAccountNumber(bankInfo.accountNo),
      enableFIC: bankInfo.enableFIC,
    },
  };
}

export function toUnregisteredCard({ mobileCardNo, physicalCardNo, ...rest }: UnregisteredCardDto): UnregisteredCard {
  return { ...rest, mobileCardNoMasked: masked(mobileCardNo), physicalCardNoMasked: masked(physicalCardNo) };
}

export function toIssuedCard(dto: z.infer<typeof prepaidIssueDto>): IssuedCard {
  return { cardApplyNo: dto.cardApplyNo, mobileCardNoMasked: masked(dto.mobileCardNo), mobileCardPar: dto.mobileCardPar };
}

export function toIssuedDebitCard(dto: z.infer<typeof debitIssueDto>): IssuedDebitCard {
  return {
    cardApplyNo: dto.cardApplyNo,
    mobileCardNoMasked: masked(dto.mobileCardNo),
    physicalCardNoMasked: maskCardNumber(dto.physicalCardNo),
    expiryDate: dto.expiryDate,
  };
}
