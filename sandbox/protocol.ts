import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { RESULTS, type Result } from './result-codes';

/** The common Konaplate request headers and the transaction token. */

export interface Credentials {
  aspId: string;
  accessKey: string;
  secretKey: string;
}

export interface ProtocolOptions extends Credentials {
  /** How far the token's time may be from the sandbox's clock and from X-KM-Tran-Time. */
  tokenWindowSeconds: number;
}

/** The accepted X-KM-Time-Zone values and their fixed offsets (neither observes daylight saving). */
const ZONE_OFFSET_MINUTES = { UTC: 0, KST: 9 * 60 } as const;
type TimeZone = keyof typeof ZONE_OFFSET_MINUTES;
const isTimeZone = (value: string): value is TimeZone => Object.hasOwn(ZONE_OFFSET_MINUTES, value);

const CORRELATION_ID = /^\d{12}-[0-9a-fA-F]{7}$/;
const TOKEN = /^KMV1:(\d{17}):([A-Za-z0-9+/]{43}=?)$/;

/**
 * `yyyyMMddHHmmss` or `yyyyMMddHHmmssSSS`, a wall clock in `zone`, as epoch milliseconds;
 * undefined when it names no real moment (month 13, hour 24, …).
 */
function wallClockInstant(stamp: string, zone: TimeZone): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})?$/.exec(stamp);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second, Number(match[7] ?? 0));
  const date = new Date(wallClock);
  const real =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return real ? wallClock - ZONE_OFFSET_MINUTES[zone] * 60_000 : undefined;
}

/** Header rules in the order they are checked; each names the header in its failure. */
const HEADER_RULES: readonly [name: string, valid: (value: string) => boolean][] = [
  ['X-KM-User-AspId', (v) => v.length === 15],
  ['X-KM-Correlation-Id', (v) => CORRELATION_ID.test(v)],
  ['X-KM-Access-Key', (v) => v.length === 40],
  ['X-KM-Tran-Time', (v) => v.length === 14 && wallClockInstant(v, 'UTC') !== undefined],
  ['X-KM-Time-Zone', isTimeZone],
  ['X-KM-Tran-Token', () => true],
];

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Over the body's bytes as received, never a decoded string of them: bytes that are not UTF-8
 * (or decode and re-encode differently) would otherwise verify a MAC made over other bytes.
 */
export function tranTokenMac(secretKey: string, rawBody: Uint8Array): string {
  return createHmac('sha256', secretKey).update(rawBody).digest('base64');
}

/** What a client sends: "KMV1:" + yyyyMMddHHmmssSSS + ":" + Base64(HMAC-SHA256(secret, body)). */
export function tranToken(secretKey: string, rawBody: Uint8Array, requestTime: string): string {
  return `KMV1:${requestTime}:${tranTokenMac(secretKey, rawBody)}`;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The first header fault of a request, or undefined when the headers and token are good. */
export function checkHeaders(
  headers: IncomingHttpHeaders,
  rawBody: Uint8Array,
  options: ProtocolOptions,
  now: Date,
): Result | undefined {
  for (const [name, valid] of HEADER_RULES) {
    const value = header(headers, name);
    if (value === undefined || value === '') return RESULTS.missingHeader(name);
    if (!valid(value)) return RESULTS.invalidHeader(name);
  }
  const aspId = header(headers, 'X-KM-User-AspId') ?? '';
  const accessKey = header(headers, 'X-KM-Access-Key') ?? '';
  if (!sameSecret(aspId, options.aspId) || !sameSecret(accessKey, options.accessKey)) {
    return RESULTS.unknownCredentials;
  }
  const [, requestTime = '', tokenMac = ''] = TOKEN.exec(header(headers, 'X-KM-Tran-Token') ?? '') ?? [];
  // The vendor tables say 66 characters, its sample has 67 (padded Base64): accept both forms.
  if (!sameSecret(tokenMac.replace(/=$/, ''), tranTokenMac(options.secretKey, rawBody).replace(/=$/, ''))) {
    return RESULTS.invalidToken;
  }
  // Both times are wall clocks in X-KM-Time-Zone, which HEADER_RULES has checked.
  const zone = header(headers, 'X-KM-Time-Zone') as TimeZone;
  const tokenTime = wallClockInstant(requestTime, zone);
  if (tokenTime === undefined) return RESULTS.invalidToken;
  const tranTime = wallClockInstant(header(headers, 'X-KM-Tran-Time') ?? '', zone);
  const within = (instant: number | undefined, reference: number) =>
    instant !== undefined && Math.abs(instant - reference) <= options.tokenWindowSeconds * 1000;
  // The MAC covers the body only, so this is no replay defence: it catches a client whose
  // clock or time zone is wrong, or whose two times disagree.
  if (!within(tokenTime, now.getTime()) || !within(tranTime, tokenTime)) return RESULTS.tokenTimeOutOfWindow;
  return undefined;
}
