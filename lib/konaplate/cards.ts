import 'server-only';
import type { z } from 'zod';
import type {
  CancelledCardApplication,
  CardProduct,
  IssuedCard,
  IssuedDebitCard,
  MemberCard,
  UnregisteredCard,
} from '@/lib/domain/cards';
import { maskAccountNumber, maskCardNumber } from '@/lib/format/card-number';
import type {
  applicationCancelDto,
  cardDataInfoDto,
  debitIssueDto,
  prepaidIssueDto,
  serviceInfoDto,
  unregisteredCardDto,
} from './dto';

/**
 * Wire → the console's card types (lib/domain/cards.ts). This is where card secrets stop:
 * full card and account numbers become masked strings and the new card's CVC is dropped,
 * so nothing above lib/konaplate can leak them.
 */

type CardDto = z.infer<typeof cardDataInfoDto>;
type UnregisteredCardDto = z.infer<typeof unregisteredCardDto>['cardDataInfo'];

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

/** The cancellation answers the discarded mobile card's number: it leaves here masked. */
export function toCancelledApplication(cardApplyNo: string, dto: z.infer<typeof applicationCancelDto>): CancelledCardApplication {
  return { cardApplyNo, par: dto.par, mobileCardNoMasked: masked(dto.mobileCardNo) };
}

export function toCardProduct(dto: z.infer<typeof serviceInfoDto>): CardProduct {
  return { ...dto };
}
