import type { Fixture, FixtureCard, FixtureProduct, FixtureScenario } from './fixture';
import type { EndpointKey } from './result-codes';

/**
 * The fixture's scenarios as complete requests: each annotation is merged over a request
 * derived from the member, card or product carrying it. userId stays a digit string here;
 * it is written as a JSON number literal on the wire.
 */

export interface Scenario {
  endpoint: EndpointKey;
  code: string;
  description: string;
  userId?: string;
  par?: string;
  serviceId?: string;
  /** The application the request names (delivery inquiry and cancellation). */
  cardApplyNo?: string;
  request: Record<string, unknown>;
}

type Request = Record<string, unknown>;

export const SAMPLE_ADDRESS = { address: '서울특별시 중구 세종대로 110', addressDetail: '12층 1201호', zipCode: '04524' };
const DELIVERY = { isDeliveryRequired: true, addressInfo: SAMPLE_ADDRESS };

const isObject = (value: unknown): value is Request =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Deep merge; a null in the override removes the key (to build "missing field" requests). */
export function mergeRequest(base: Request, override: Request = {}): Request {
  const merged: Request = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete merged[key];
    else if (isObject(value) && isObject(merged[key])) merged[key] = mergeRequest(merged[key] as Request, value);
    else merged[key] = value;
  }
  return merged;
}

function memberRequest(endpoint: EndpointKey, userId: string): Request {
  switch (endpoint) {
    case 'unregistered-card':
    case 'product-list':
      return {};
    case 'card-list':
    case 'card-status':
    case 'delivery-inquiry':
    case 'delivery-cancel':
    case 'member-info':
      return { userId };
    default:
      return { userInfo: { userId }, ...DELIVERY };
  }
}

function cardRequest(endpoint: EndpointKey, card: FixtureCard): Request {
  const owner = card.owner ?? undefined;
  switch (endpoint) {
    case 'card-list':
      return { userId: owner, par: card.par };
    case 'unregistered-card':
      return {
        cardNo: card.physicalCardNo ?? card.mobileCardNo,
        expiryDate: card.expiryDate.slice(4, 6) + card.expiryDate.slice(2, 4),
        cardCVC: card.cvc,
      };
    case 'prepaid-reissue':
      return { userInfo: { userId: owner }, cardInfo: { par: card.par }, ...DELIVERY };
    case 'card-status':
      return { userId: owner, par: card.par, status: 'SUSPEND' };
    case 'delivery-inquiry':
    case 'delivery-cancel':
      return { userId: owner, cardApplyNo: card.cardApplyNo };
    case 'product-list':
      return { serviceIdList: [card.serviceId] };
    case 'member-info':
      return { userId: owner };
    default:
      return { userInfo: { userId: owner }, ...DELIVERY };
  }
}

function productRequest(endpoint: EndpointKey, product: FixtureProduct): Request {
  switch (endpoint) {
    case 'prepaid-issue':
      return { serviceId: product.serviceId, ...DELIVERY };
    case 'prepaid-reissue':
      return { nextServiceId: product.serviceId };
    case 'product-list':
      return { serviceIdList: [product.serviceId] };
    case 'debit-issue':
      return {
        serviceId: product.serviceId,
        bankInfo: { bankCode: product.debit?.bankCode, accountNo: '1002345678901' },
        enableFIC: product.debit?.supportsFIC ?? false,
        identityInfo: { residentRegistrationNo: '9001011234567' },
        ...DELIVERY,
      };
    default:
      return {};
  }
}

/** The wire body of a scenario request: digit-string userIds become bare JSON number literals. */
export function scenarioWireBody(request: unknown): string {
  const marker = `@@userId-${Math.random().toString(36).slice(2)}@@`;
  const json = JSON.stringify(request, (key, value: unknown) =>
    key === 'userId' && typeof value === 'string' && /^[1-9]\d*$/.test(value) ? `${marker}${value}${marker}` : value,
  );
  return json.replace(new RegExp(`"${marker}(\\d+)${marker}"`, 'g'), '$1');
}

const asString = (value: unknown) => (typeof value === 'string' ? value : undefined);

function scenario(
  annotation: FixtureScenario,
  base: Request,
  owner: { userId?: string; par?: string; serviceId?: string },
): Scenario {
  // The JSON round trip drops keys left undefined by the derivation (e.g. no owner).
  const request = JSON.parse(JSON.stringify(mergeRequest(base, annotation.request))) as Request;
  const userInfo = isObject(request.userInfo) ? request.userInfo : {};
  const cardInfo = isObject(request.cardInfo) ? request.cardInfo : {};
  const userId = asString(request.userId) ?? asString(userInfo.userId) ?? owner.userId;
  const par = asString(request.par) ?? asString(cardInfo.par) ?? owner.par;
  const listed = Array.isArray(request.serviceIdList) ? asString(request.serviceIdList[0]) : undefined;
  const serviceId = asString(request.nextServiceId) ?? asString(request.serviceId) ?? listed ?? owner.serviceId;
  const cardApplyNo = asString(request.cardApplyNo);
  return {
    endpoint: annotation.endpoint,
    code: annotation.code,
    description: annotation.description,
    ...(userId === undefined ? {} : { userId }),
    ...(par === undefined ? {} : { par }),
    ...(serviceId === undefined ? {} : { serviceId }),
    ...(cardApplyNo === undefined ? {} : { cardApplyNo }),
    request,
  };
}

export function listScenarios(fixture: Fixture): Scenario[] {
  return [
    ...fixture.members.flatMap((member) =>
      member.scenarios.map((s) => scenario(s, memberRequest(s.endpoint, member.userId), { userId: member.userId })),
    ),
    ...fixture.cards.flatMap((card) =>
      card.scenarios.map((s) =>
        scenario(s, cardRequest(s.endpoint, card), { userId: card.owner ?? undefined, par: card.par, serviceId: card.serviceId }),
      ),
    ),
    ...fixture.products.flatMap((product) =>
      product.scenarios.map((s) => scenario(s, productRequest(s.endpoint, product), { serviceId: product.serviceId })),
    ),
    ...fixture.scenarios.map((s) => scenario(s, {}, {})),
  ];
}
