/**
 * Every result code the sandbox answers, with its HTTP status and message, and the
 * codes each endpoint documents. Vendor codes come from the API reference; 003_9xx
 * and 900_xxx are this sandbox's own (the vendor names those failures without a code).
 */

export const ENDPOINT_KEYS = [
  'card-list',
  'unregistered-card',
  'prepaid-issue',
  'prepaid-reissue',
  'debit-issue',
  'card-status',
  'delivery-inquiry',
  'delivery-cancel',
  'product-list',
  'member-info',
] as const;
export type EndpointKey = (typeof ENDPOINT_KEYS)[number];

export interface Result {
  status: number;
  code: string;
  description: string;
}

const result = (status: number, code: string, description: string): Result => ({ status, code, description });

export const RESULTS = {
  success: result(200, '000_000', 'Success.'),
  invalidInput: (field: string) => result(400, '000_002', `Invalid input parameter. ${field}`),
  missingValue: (field: string) => result(400, '000_003', `Missing required values. ${field}`),
  cardNoLength: result(400, '000_002', 'The length of value does not match, cardNo.'),
  memberNotFound: result(400, '001_006', 'Wallet user not found.'),
  invalidCardInfo: result(400, '003_001', 'Invalid card info.'),
  notCancelableDay: result(400, '003_002', 'Not cancelable: not the day of application.'),
  notCancelableStatus: result(400, '003_003', 'Not cancelable: card status.'),
  alreadyReissued: result(400, '003_018', 'Card is already reissued error.'),
  bankAccountInvalid: result(400, '003_019', 'User bank account invalid.'),
  reissueInProgress: result(400, '003_020', 'There is in progress reissue type card apply no.'),
  parNotFound: result(400, '003_021', 'Cannot find par.'),
  cardTerminated: result(400, '003_022', 'Card already terminated.'),
  deliveryRequired: result(400, '003_024', 'Card delivery should be required in case of normal type.'),
  notAuthenticated: result(400, '003_044', 'User is not authenticated.'),
  invalidNextService: result(400, '003_048', 'Invalid next service id.'),
  feePaymentFailed: result(400, '003_051', 'Card cost payment fail. network issue.'),
  wrongBank: result(400, '003_060', 'Service is not related to the request bank.'),
  invalidIssueType: result(400, '003_061', 'Not valid card issue type with the service.'),
  appletUnsupported: result(400, '003_062', 'Service does not support the applet.'),
  identityCheckFailed: result(400, '003_063', 'User authentication error.'),
  digitalDownloadFailed: result(400, '003_064', 'Download digital card error.'),
  notDigitalPreIssue: result(400, '003_065', 'Service is not digital pre-issue type.'),
  bankAccountNotFound: result(400, '007_001', 'Bank account not found.'),
  // Sandbox-defined.
  cardNotFound: result(400, '003_901', 'Card not found.'),
  cardRegistered: result(400, '003_902', 'Card is already registered user.'),
  noSiblingProduct: result(400, '003_903', 'Product has no sibling product.'),
  notLost: result(400, '003_904', 'Card is not suspended as lost.'),
  notMembersCard: result(400, '003_905', 'Card not found for this member.'),
  statusChangeNotAllowed: result(400, '003_906', 'Card status does not allow this change.'),
  missingHeader: (header: string) => result(401, '900_001', `Missing required header. ${header}`),
  invalidHeader: (header: string) => result(401, '900_001', `Invalid header value. ${header}`),
  unknownCredentials: result(401, '900_002', 'Unknown ASP id or access key.'),
  invalidToken: result(401, '900_003', 'Invalid transaction token.'),
  tokenTimeOutOfWindow: result(401, '900_003', 'Transaction token time out of window.'),
  unknownCryptoKey: result(401, '900_004', 'Unknown crypto key id.'),
  undecryptable: result(401, '900_004', 'Cannot decrypt request body.'),
  notFound: result(404, '900_404', 'Not found.'),
  methodNotAllowed: result(405, '900_405', 'Method not allowed.'),
  platformError: (status: 500 | 502 | 503) => result(status, '900_500', 'Platform error.'),
} as const;

/** A business or protocol failure, thrown by handlers and turned into an envelope. */
export class ApiFailure extends Error {
  constructor(readonly result: Result) {
    super(`${result.code} ${result.description}`);
  }
}

/** Codes every endpoint can answer because of a faulty request, whatever the endpoint. */
export const PROTOCOL_CODES: readonly Pick<Result, 'status' | 'code' | 'description'>[] = [
  RESULTS.missingHeader('<header>'),
  RESULTS.invalidHeader('<header>'),
  RESULTS.unknownCredentials,
  RESULTS.invalidToken,
  RESULTS.tokenTimeOutOfWindow,
  RESULTS.unknownCryptoKey,
  RESULTS.undecryptable,
  RESULTS.invalidInput('body'),
  RESULTS.notFound,
  RESULTS.methodNotAllowed,
  RESULTS.platformError(500),
];

/** The codes each endpoint documents (vendor + sandbox-defined); each needs a fixture scenario. */
export const DOCUMENTED_CODES: Record<EndpointKey, readonly string[]> = {
  'card-list': ['000_000', '000_002', '000_003', '001_006'],
  'unregistered-card': ['000_000', '000_002', '000_003', '003_901', '003_902'],
  'prepaid-issue': ['000_000', '000_002', '000_003', '001_006', '003_024'],
  'prepaid-reissue': [
    '000_000', '000_002', '000_003', '001_006', '003_905', '003_018', '003_020', '003_904',
    '003_048', '003_044', '007_001', '003_019', '003_051',
  ],
  'debit-issue': [
    '000_000', '000_002', '000_003', '001_006', '003_060', '003_061', '003_062', '003_063',
    '003_064', '003_065', '003_903',
  ],
  'card-status': ['000_000', '000_002', '000_003', '001_006', '003_001', '003_021', '003_022', '003_906'],
  'delivery-inquiry': ['000_000', '000_002', '000_003', '001_006', '003_001'],
  'delivery-cancel': ['000_000', '000_002', '000_003', '001_006', '003_002', '003_003'],
  'product-list': ['000_000', '000_002', '000_003'],
  'member-info': ['000_000', '000_002', '000_003', '001_006'],
};

/** Message and HTTP status of a code, for documentation; field-dependent messages show `<field>`. */
export function describeCode(code: string): Result | undefined {
  const templates: Result[] = [
    RESULTS.invalidInput('<field>'),
    RESULTS.missingValue('<field>'),
    RESULTS.platformError(500),
    RESULTS.missingHeader('<header>'),
    ...Object.values(RESULTS).filter((entry): entry is Result => typeof entry !== 'function'),
  ];
  return templates.find((entry) => entry.code === code);
}
