import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';

/** Konaplate's time zones and their fixed offsets (neither observes daylight saving). */
const ZONE_OFFSET_MINUTES = { KST: 9 * 60, UTC: 0 } as const;
export type KonaplateTimeZone = keyof typeof ZONE_OFFSET_MINUTES;

/** Calendar fields of `at` as a wall clock in `zone`. */
function wallClock(at: Date, zone: KonaplateTimeZone) {
  const shifted = new Date(at.getTime() + ZONE_OFFSET_MINUTES[zone] * 60_000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return {
    yyyy: pad(shifted.getUTCFullYear(), 4),
    MM: pad(shifted.getUTCMonth() + 1),
    dd: pad(shifted.getUTCDate()),
    HH: pad(shifted.getUTCHours()),
    mm: pad(shifted.getUTCMinutes()),
    ss: pad(shifted.getUTCSeconds()),
    SSS: pad(shifted.getUTCMilliseconds(), 3),
  };
}

/** `yyMMddHHmmss-` + 7 hex digits: 20 characters. */
export function newCorrelationId(at: Date, zone: KonaplateTimeZone): string {
  const t = wallClock(at, zone);
  const suffix = randomBytes(4).toString('hex').slice(0, 7);
  return `${t.yyyy.slice(2)}${t.MM}${t.dd}${t.HH}${t.mm}${t.ss}-${suffix}`;
}

/** `X-KM-Tran-Time`: `YYYYMMDDHHmmss`, 14 digits. */
export function tranTime(at: Date, zone: KonaplateTimeZone): string {
  const t = wallClock(at, zone);
  return `${t.yyyy}${t.MM}${t.dd}${t.HH}${t.mm}${t.ss}`;
}

/**
 * `X-KM-Tran-Token` per the vendor guideline:
 * "KMV1:" + yyyyMMddHHmmssSSS + ":" + Base64(HMAC-SHA256(secretKey, body as sent)).
 * The MAC covers the body's bytes, the very ones sent, so no text encoding can differ.
 * 67 characters (the header tables say 66; the vendor's own sample is 67).
 */
export function tranToken(body: Uint8Array, secretKey: string, at: Date, zone: KonaplateTimeZone): string {
  const t = wallClock(at, zone);
  const requestTime = `${t.yyyy}${t.MM}${t.dd}${t.HH}${t.mm}${t.ss}${t.SSS}`;
  const mac = createHmac('sha256', secretKey).update(body).digest('base64');
  return `KMV1:${requestTime}:${mac}`;
}

export interface HeaderInput {
  aspId: string;
  accessKey: string;
  secretKey: string;
  timeZone: KonaplateTimeZone;
  cryptoKeyId?: string;
  /** The bytes that go on the wire (the encrypted wrapper, when encrypted). */
  body: Uint8Array;
  correlationId: string;
  at: Date;
}

export function buildHeaders(input: HeaderInput): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    Accept: 'application/json',
    'X-KM-User-AspId': input.aspId,
    'X-KM-Correlation-Id': input.correlationId,
    'X-KM-Access-Key': input.accessKey,
    'X-KM-Tran-Time': tranTime(input.at, input.timeZone),
    'X-KM-Time-Zone': input.timeZone,
    'X-KM-Tran-Token': tranToken(input.body, input.secretKey, input.at, input.timeZone),
  };
  if (input.cryptoKeyId) headers['X-KM-Crypto-Key-Id'] = input.cryptoKeyId;
  return headers;
}
