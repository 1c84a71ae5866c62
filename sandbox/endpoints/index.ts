import type { JsonValue } from '../json-body';
import type { EndpointKey } from '../result-codes';
import { handleCardList } from './card-list';
import { handleCardStatus } from './card-status';
import type { EndpointContext, SuccessData } from './common';
import { handleDebitIssue } from './debit-issue';
import { handleDeliveryCancel } from './delivery-cancel';
import { handleDeliveryInquiry } from './delivery-inquiry';
import { handleMemberInfo } from './member-info';
import { handlePrepaidIssue } from './prepaid-issue';
import { handlePrepaidReissue } from './prepaid-reissue';
import { handleProductList } from './product-list';
import { handleUnregisteredCard } from './unregistered-card';

export type { EndpointContext, SuccessData } from './common';

export interface Endpoint {
  key: EndpointKey;
  /** Path under the /open-api prefix. */
  path: string;
  /** Whether the body may travel as JWE ({"encData": ...}). */
  encryptable: boolean;
  handle(body: JsonValue, context: EndpointContext): SuccessData;
}

export const API_PREFIX = '/open-api';

type Handler = Endpoint['handle'];

/** Every request first catches the state up with the sandbox clock (deliveries that arrived). */
const settled =
  (handler: Handler): Handler =>
  (body, context) => {
    context.state.settle(context.now);
    return handler(body, context);
  };

/**
 * Encryption as the reference marks it: the five endpoints of the seeds but the card list,
 * and, of the other endpoints, only the member information.
 */
export const ENDPOINTS: readonly Endpoint[] = (
  [
    { key: 'card-list', path: '/api/v1/user/card/list', encryptable: false, handle: handleCardList },
    { key: 'unregistered-card', path: '/api/v1/unregister/card/info', encryptable: true, handle: handleUnregisteredCard },
    { key: 'prepaid-issue', path: '/api/v1/prepay-card/issue/delivery', encryptable: true, handle: handlePrepaidIssue },
    { key: 'prepaid-reissue', path: '/api/v1/prepay-card/reissue/delivery', encryptable: true, handle: handlePrepaidReissue },
    { key: 'debit-issue', path: '/api/v1/direct-card/issue/delivery', encryptable: true, handle: handleDebitIssue },
    { key: 'card-status', path: '/api/v1/card/status', encryptable: false, handle: handleCardStatus },
    { key: 'delivery-inquiry', path: '/api/v1/card/delivery/inquiry', encryptable: false, handle: handleDeliveryInquiry },
    { key: 'delivery-cancel', path: '/api/v1/card/delivery/cancel', encryptable: false, handle: handleDeliveryCancel },
    { key: 'product-list', path: '/api/v1/service/info/list', encryptable: false, handle: handleProductList },
    { key: 'member-info', path: '/api/v1/user/info', encryptable: true, handle: handleMemberInfo },
  ] satisfies Endpoint[]
).map((endpoint) => ({ ...endpoint, handle: settled(endpoint.handle) }));

export const endpointByPath = (path: string): Endpoint | undefined =>
  ENDPOINTS.find((endpoint) => API_PREFIX + endpoint.path === path);
