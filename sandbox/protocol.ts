import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { RESULTS, type Result } from './result-codes';

/** The common Konaplate request headers and the transaction token. */

export interface Credentials {
  aspId: string;
  accessKey: string;
  secretKey: string;
}

export const TIME_ZONES = ['UTC', 'KST'] as const;
const CORRELATION_ID = /^\d{12}-[0-9a-fA-F]{7}$/;
const TOKEN = /^KMV1:(\d{17}):([A-Za-z0-9+/]{43}=?)$/;

function isRealDateTime(value: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

/** Header rules in the order they are checked; each names the header in its failure. */
const HEADER_RULES: readonly [name: string, valid: (value: string) => boolean][] = [
  ['X-KM-User-AspId', (v) => v.length === 15],
  ['X-KM-Correlation-Id', (v) => CORRELATION_ID.test(v)],
  ['X-KM-Access-Key', (v) => v.length === 40],
  ['X-KM-Tran-Time', isRealDateTime],
  ['X-KM-Time-Zone', (v) => (TIME_ZONES as readonly string[]).includes(v)],
  ['X-KM-Tran-Token', () => true],
];

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function tranTokenMac(secretKey: string, rawBody: string): string {
  return createHmac('sha256', secretKey).update(rawBody, 'utf8').digest('base64');
}

/** What a client sends: "KMV1:" + yyyyMMddHHmmssSSS + ":" + Base64(HMAC-SHA256(secret, body)). */
export function tranToken(secretKey: string, rawBody: string, requestTime: string): string {
  return `KMV1:${requestTime}:${tranTokenMac(secretKey, rawBody)}`;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The first header fault of a request, or undefined when the headers and token are good. */
export function checkHeaders(headers: IncomingHttpHeaders, rawBody: string, credentials: Credentials): Result | undefined {
  for (const [name, valid] of HEADER_RULES) {
    const value = header(headers, name);
    if (value === undefined || value === '') return RESULTS.missingHeader(name);
    if (!valid(value)) return RESULTS.invalidHeader(name);
  }
  const aspId = header(headers, 'X-KM-User-AspId') ?? '';
  const accessKey = header(headers, 'X-KM-Access-Key') ?? '';
  if (!sameSecret(aspId, credentials.aspId) || !sameSecret(accessKey, credentials.accessKey)) {
    return RESULTS.unknownCredentials;
  }
  const token = TOKEN.exec(header(headers, 'X-KM-Tran-Token') ?? '');
  // The vendor tables say 66 characters, its sample has 67 (padded Base64): accept both forms.
  const mac = token?.[2]?.replace(/=$/, '');
  if (!mac || !sameSecret(mac, tranTokenMac(credentials.secretKey, rawBody).replace(/=$/, ''))) {
    return RESULTS.invalidToken;
  }
  return undefined;
}
