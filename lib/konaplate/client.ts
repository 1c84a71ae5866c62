import 'server-only';
import type { Address } from '@/lib/schemas/fields';
import { toIssuedCard, toIssuedDebitCard, toMemberCard, toUnregisteredCard } from './cards';
import { cardListDto, debitIssueDto, prepaidIssueDto, unregisteredCardDto } from './dto';
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

const userInfo = (userId: string) => ({ userInfo: { userId: new NumberLiteral(userId) } });

const delivery = ({ isDeliveryRequired, address }: Delivery) => ({
  isDeliveryRequired,
  ...(address ? { addressInfo: address } : {}),
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
  };
}

export type KonaplateClient = ReturnType<typeof createKonaplateClient>;
