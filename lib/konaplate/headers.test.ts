import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildHeaders, newCorrelationId, tranTime, tranToken } from './headers';

// 2022-11-08 03:08:14.608 UTC = 12:08:14.608 KST, the moment of the vendor's sample token.
const at = new Date(Date.UTC(2022, 10, 8, 3, 8, 14, 608));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('X-KM-Tran-Token', () => {
  it("has the vendor sample's shape and length", () => {
    const sample = 'KMV1:20221108120814608:uLD+mU8mz9K95neGiSJTSsF3zzAQJglCggZAOSs5Fkg=';
    const token = tranToken(bytes('{"userId":1}'), 'secret', at, 'KST');
    const shape = /^KMV1:\d{17}:[A-Za-z0-9+/]{43}=$/;
    expect(sample).toMatch(shape);
    expect(token).toMatch(shape);
    expect(token).toHaveLength(sample.length);
    expect(token.slice(0, 23)).toBe(sample.slice(0, 23));
  });

  it('is the Base64 HMAC-SHA256 of the body as sent, keyed by the secret key', () => {
    const body = '{"userId":9999999999999999999}';
    const mac = createHmac('sha256', 'sandbox-secret-key').update(body).digest('base64');
    expect(tranToken(bytes(body), 'sandbox-secret-key', at, 'UTC')).toBe(`KMV1:20221108030814608:${mac}`);
  });

  it('covers the bytes themselves: bytes that are not UTF-8 do not sign like their decoded text', () => {
    // 0xFF is no UTF-8; decoded it becomes U+FFFD, which encodes back as EF BF BD.
    const raw = Buffer.from([...Buffer.from('{"note":"'), 0xff, ...Buffer.from('"}')]);
    const token = tranToken(raw, 'k', at, 'UTC');
    expect(token.endsWith(createHmac('sha256', 'k').update(raw).digest('base64'))).toBe(true);
    expect(token.endsWith(createHmac('sha256', 'k').update(raw.toString('utf8')).digest('base64'))).toBe(false);
  });

  it('signs an empty body as the empty string', () => {
    const mac = createHmac('sha256', 'k').update('').digest('base64');
    expect(tranToken(new Uint8Array(), 'k', at, 'UTC').endsWith(mac)).toBe(true);
  });
});

describe('time headers', () => {
  it('writes X-KM-Tran-Time as 14 digits in the configured zone', () => {
    expect(tranTime(at, 'KST')).toBe('20221108120814');
    expect(tranTime(at, 'UTC')).toBe('20221108030814');
  });

  it('crosses the date line into KST', () => {
    expect(tranTime(new Date(Date.UTC(2022, 11, 31, 20, 0, 0)), 'KST')).toBe('20230101050000');
  });

  it('makes 20-character correlation ids, yyMMddHHmmss-7hex, unique per call', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newCorrelationId(at, 'KST')));
    for (const id of ids) expect(id).toMatch(/^221108120814-[0-9a-f]{7}$/);
    expect(ids.size).toBeGreaterThan(195);
  });
});

describe('buildHeaders', () => {
  const base = {
    aspId: 'ASPSANDBOX00001',
    accessKey: 'a'.repeat(40),
    secretKey: 's',
    timeZone: 'KST' as const,
    body: bytes('{}'),
    correlationId: '221108120814-abcdef0',
    at,
  };

  it('sends every common header with its documented length', () => {
    const headers = buildHeaders(base);
    expect(headers['X-KM-User-AspId']).toHaveLength(15);
    expect(headers['X-KM-Correlation-Id']).toHaveLength(20);
    expect(headers['X-KM-Access-Key']).toHaveLength(40);
    expect(headers['X-KM-Tran-Time']).toHaveLength(14);
    expect(headers['X-KM-Time-Zone']).toBe('KST');
    expect(headers['X-KM-Tran-Token']).toHaveLength(67);
    expect(headers).not.toHaveProperty('X-KM-Crypto-Key-Id');
  });

  it('sends the crypto key id only when encrypting', () => {
    expect(buildHeaders({ ...base, cryptoKeyId: 'k'.repeat(32) })['X-KM-Crypto-Key-Id']).toBe('k'.repeat(32));
  });
});
