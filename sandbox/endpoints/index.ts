import type { JsonValue } from '../json-body';
import type { EndpointKey } from '../result-codes';
import { handleCardList } from './card-list';
import type { EndpointContext, SuccessData } from './common';
import { handleDebitIssue } from './debit-issue';
import { handlePrepaidIssue } from './prepaid-issue';
import { handlePrepaidReissue } from './prepaid-reissue';
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

export const ENDPOINTS: readonly Endpoint[] = [
  { key: 'card-list', path: '/api/v1/user/card/list', encryptable: false, handle: handleCardList },
  { key: 'unregistered-card', path: '/api/v1/unregister/card/info', encryptable: true, handle: handleUnregisteredCard },
  { key: 'prepaid-issue', path: '/api/v1/prepay-card/issue/delivery', encryptable: true, handle: handlePrepaidIssue },
  { key: 'prepaid-reissue', path: '/api/v1/prepay-card/reissue/delivery', encryptable: true, handle: handlePrepaidReissue },
  { key: 'debit-issue', path: '/api/v1/direct-card/issue/delivery', encryptable: true, handle: handleDebitIssue },
];

export const endpointByPath = (path: string): Endpoint | undefined =>
  ENDPOINTS.find((endpoint) => API_PREFIX + endpoint.path === path);
