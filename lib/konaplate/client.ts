import 'server-only';
import type { CardDelivery, CardStatusChange } from '@/lib/domain/cards';
import type { Address } from '@/lib/schemas/fields';
import {
  toCancelledApplication,
  toCardProduct,
  toIssuedCard,
  toIssuedDebitCard,
  toMemberCard,
  toUnregisteredCard,
} from './cards';
import {
  applicationCancelDto,
  cardListDto,
  cardStatusDto,
  debitIssueDto,
  deliveryInquiryDto,
  memberInfoDtoFor,
  prepaidIssueDto,
  serviceInfoListDto,
  unregisteredCardDto,
} from './dto';
import { toMemberContact, toMemberProfile } from './member';
import { konaplateCall, type CallResult, type CallSpec, type TransportConfig } from './transport';
import { NumberLiteral } from './wire-json';

/**
 * One function per Konaplate endpoint. Inputs are the console's validated values
 * (userId a digit string); validation of operator input happens before, in the actions.
 */

export interface CardSearch {
  userId: string;
  par?: string;
  physicalCardNo?: string;
}

export interface UnregisteredCardQuery {
  cardNo: string;
  /** Card-face MMYY. */
  expiryDate: string;
  cardCVC: string;
}

interface Delivery {
  isDeliveryRequired: boolean;
  /** Required by Konaplate when delivering. */
  address?: Address;
}

export interface PrepaidIssueRequest extends Delivery {
  userId: string;
  serviceId: string;
  purpose?: 'GIFTABLE';
}

export interface PrepaidReissueRequest extends Delivery {
  userId: string;
  /** The card being replaced. */
  par: string;
  /** The new card's product; Konaplate keeps the old card's product when absent. */
  nextServiceId?: string;
}

export interface DebitIssueRequest extends Delivery {
  userId: string;
  serviceId: string;
  bankCode: string;
  accountNo: string;
  enableFIC: boolean;
  /** Sent once for identity verification; never stored or logged. */
  residentRegistrationNo: string;
}

/**
 * Suspend or resume one card, named by its par or by its 16-digit card number. The console's
 * reason for a suspension is not sent: Konaplate's request has no such field.
 */
export type CardStatusRequest = { userId: string; status: CardStatusChange } & (
  | { par: string; cardNo?: undefined }
  | { cardNo: string; par?: undefined }
);

/** An application, by the number issuance or reissuance answered (22 characters). */
export interface CardApplicationRef {
  userId: string;
  cardApplyNo: string;
}

const userInfo = (userId: string) => ({ userInfo: { userId: new NumberLiteral(userId) } });

const delivery = ({ isDeliveryRequired, address }: Delivery) => ({
  isDeliveryRequired,
  ...(address ? { addressInfo: address } : {}),
});

/** Search for member information: encrypted, a read; the answer must name the member asked about. */
const memberInfo = (userId: string) => ({
  path: '/api/v1/user/info' as const,
  body: { userId: new NumberLiteral(userId) },
  encrypted: true,
  mutating: false,
  data: memberInfoDtoFor(userId),
});

export function createKonaplateClient(config: TransportConfig) {
  /** One call, its answer mapped into the console's types. */
  async function call<D, T>(spec: CallSpec<D>, map: (dto: D) => T): Promise<CallResult<T>> {
    const result = await konaplateCall(config, spec);
    return { ...result, data: map(result.data) };
  }
  /** Issuance and reissuance: encrypted, never retried. */
  const write = <D, T>(path: CallSpec<D>['path'], body: unknown, data: CallSpec<D>['data'], map: (dto: D) => T) =>
    call({ path, body, encrypted: true, mutating: true, data }, map);

  return {
    searchCards: (query: CardSearch) =>
      call(
        {
          path: '/api/v1/user/card/list',
          body: {
            userId: new NumberLiteral(query.userId),
            ...(query.par ? { par: query.par } : {}),
            ...(query.physicalCardNo ? { physicalCardNo: query.physicalCardNo } : {}),
          },
          encrypted: false,
          mutating: false,
          data: cardListDto,
        },
        (dto) => dto.cardDataInfo.map(toMemberCard),
      ),

    lookupUnregisteredCard: (query: UnregisteredCardQuery) =>
      call(
        {
          path: '/api/v1/unregister/card/info',
          body: { cardNo: query.cardNo, expiryDate: query.expiryDate, cardCVC: query.cardCVC },
          encrypted: true,
          mutating: false,
          data: unregisteredCardDto,
        },
        (dto) => toUnregisteredCard(dto.cardDataInfo),
      ),

    issuePrepaidCard: (request: PrepaidIssueRequest) =>
      write(
        '/api/v1/prepay-card/issue/delivery',
        {
          ...userInfo(request.userId),
          serviceId: request.serviceId,
          ...delivery(request),
          ...(request.purpose ? { purpose: request.purpose } : {}),
        },
        prepaidIssueDto,
        toIssuedCard,
      ),

    reissuePrepaidCard: (request: PrepaidReissueRequest) =>
      write(
        '/api/v1/prepay-card/reissue/delivery',
        {
          ...userInfo(request.userId),
          cardInfo: { par: request.par },
          ...(request.nextServiceId ? { nextServiceId: request.nextServiceId } : {}),
          ...delivery(request),
        },
        prepaidIssueDto,
        toIssuedCard,
      ),

    issueDebitCard: (request: DebitIssueRequest) =>
      write(
        '/api/v1/direct-card/issue/delivery',
        {
          ...userInfo(request.userId),
          serviceId: request.serviceId,
          bankInfo: { bankCode: request.bankCode, accountNo: request.accountNo },
          enableFIC: request.enableFIC,
          identityInfo: { residentRegistrationNo: request.residentRegistrationNo },
          ...delivery(request),
        },
        debitIssueDto,
        toIssuedDebitCard,
      ),

    /** POST /api/v1/card/status. Not encrypted (the reference does not mark it); a write: never retried. */
    changeCardStatus: (request: CardStatusRequest) =>
      call(
        {
          path: '/api/v1/card/status',
          body: {
            userId: new NumberLiteral(request.userId),
            ...(request.par !== undefined ? { par: request.par } : { cardNo: request.cardNo }),
            status: request.status,
          },
          encrypted: false,
          mutating: true,
          data: cardStatusDto,
        },
        (): null => null,
      ),

    /** POST /api/v1/card/delivery/inquiry (request `userId` + `cardApplyNo`, adopted). */
    getDeliveryStatus: (query: CardApplicationRef) =>
      call(
        {
          path: '/api/v1/card/delivery/inquiry',
          body: { userId: new NumberLiteral(query.userId), cardApplyNo: query.cardApplyNo },
          encrypted: false,
          mutating: false,
          data: deliveryInquiryDto,
        },
        (dto): CardDelivery => ({ cardApplyNo: query.cardApplyNo, status: dto.status }),
      ),

    /** POST /api/v1/card/delivery/cancel: the day of application only; the card is discarded. A write. */
    cancelCardApplication: (request: CardApplicationRef) =>
      call(
        {
          path: '/api/v1/card/delivery/cancel',
          body: { cardApplyNo: request.cardApplyNo, userId: new NumberLiteral(request.userId) },
          encrypted: false,
          mutating: true,
          data: applicationCancelDto,
        },
        (dto) => toCancelledApplication(request.cardApplyNo, dto),
      ),

    /** POST /api/v1/service/info/list: the products named, in Konaplate's order; unknown ids may be absent. */
    listCardProducts: (serviceIds: readonly string[]) =>
      call(
        {
          path: '/api/v1/service/info/list',
          body: { serviceIdList: [...serviceIds] },
          encrypted: false,
          mutating: false,
          data: serviceInfoListDto,
        },
        (dto) => dto.serviceInfos.map(toCardProduct),
      ),

    /** POST /api/v1/user/info (encrypted): the member's profile, phone and e-mail masked. */
    getMemberProfile: (userId: string) =>
      call(memberInfo(userId), (dto) => toMemberProfile(userId, dto.userInfo)),

    /**
     * The same endpoint, for an audited reveal: the full mobile number, e-mail and birth date.
     * A separate function so that the console audits it as its own action and the full values
     * are fetched only when an operator asks for them.
     */
    revealMemberContact: (userId: string) =>
      call(memberInfo(userId), (dto) => toMemberContact(userId, dto.userInfo)),
  };
}

export type KonaplateClient = ReturnType<typeof createKonaplateClient>;
