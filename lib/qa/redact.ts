import { maskAccountNumber, maskCardNumber } from '@/lib/format/card-number';

/**
 * Card data out of a Konaplate body before the request inspector keeps it: card and
 * account numbers masked, CVCs and identity numbers removed, and a member's personal data
 * (the member-information answer) removed too: the inspector is for QA, not for reading
 * members' contacts. Applied at every depth.
 */
const CARD_NUMBER_KEYS = new Set(['cardNo', 'mobileCardNo', 'physicalCardNo', 'oldCardNo']);
const ACCOUNT_KEYS = new Set(['accountNo']);
const REMOVED_KEYS = new Set([
  'cardCVC',
  'mobileCardCVC',
  'cvc',
  'residentRegistrationNo',
  'mobileNumber',
  'phoneNumber',
  'email',
  'birthDate',
  'loginId',
  'addressInfo',
  // Address parts too, wherever they stand: an address is personal data outside addressInfo as well.
  'address',
  'addressDetail',
  'zipCode',
]);

export const REMOVED = '[removed]';

function redactValue(key: string | undefined, value: unknown): unknown {
  if (key && REMOVED_KEYS.has(key)) return REMOVED;
  if (key && CARD_NUMBER_KEYS.has(key) && typeof value === 'string') return maskCardNumber(value);
  if (key && ACCOUNT_KEYS.has(key) && typeof value === 'string') return maskAccountNumber(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(undefined, item));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(k, v)]));
  }
  return value;
}

/**
 * Redacted, pretty-printed JSON. A 19-digit userId is kept exact by quoting number
 * literals of 16+ digits before parsing. Text that is not JSON is not kept at all:
 * it could hold anything.
 */
export function redactBody(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return text;
  try {
    const exact = text.replace(/("userId"\s*:\s*)(\d{16,})/g, '$1"$2"');
    return JSON.stringify(redactValue(undefined, JSON.parse(exact)), null, 2);
  } catch {
    return `[unreadable body, ${text.length} characters, not kept]`;
  }
}
