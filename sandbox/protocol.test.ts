import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from './config';
import { tranToken } from './protocol';
import { startTestSandbox, wallClockStamp, type TestSandbox } from './test-helpers';

const CARD_LIST = '/api/v1/user/card/list';
const BODY = '{"userId":9999999999999999999}';
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());

describe('request headers', () => {
  const cases: [string, Record<string, string | undefined>, string][] = [
    ['missing AspId', { 'X-KM-User-AspId': undefined }, 'Missing required header. X-KM-User-AspId'],
    ['AspId of 14 chars', { 'X-KM-User-AspId': 'ASPSANDBOX0000' }, 'Invalid header value. X-KM-User-AspId'],
    ['missing correlation id', { 'X-KM-Correlation-Id': undefined }, 'Missing required header. X-KM-Correlation-Id'],
    ['correlation id of 6 hex', { 'X-KM-Correlation-Id': '240101120000-abcdef' }, 'Invalid header value. X-KM-Correlation-Id'],
    ['correlation id with non-hex', { 'X-KM-Correlation-Id': '240101120000-abcdefg' }, 'Invalid header value. X-KM-Correlation-Id'],
    ['missing access key', { 'X-KM-Access-Key': undefined }, 'Missing required header. X-KM-Access-Key'],
    ['access key of 39 chars', { 'X-KM-Access-Key': 'k'.repeat(39) }, 'Invalid header value. X-KM-Access-Key'],
    ['missing tran time', { 'X-KM-Tran-Time': undefined }, 'Missing required header. X-KM-Tran-Time'],
    ['tran time not a date', { 'X-KM-Tran-Time': '20230230120000' }, 'Invalid header value. X-KM-Tran-Time'],
    ['tran time of 16 chars', { 'X-KM-Tran-Time': '2023011012000000' }, 'Invalid header value. X-KM-Tran-Time'],
    ['tran time at 24h', { 'X-KM-Tran-Time': '20230110240000' }, 'Invalid header value. X-KM-Tran-Time'],
    ['missing time zone', { 'X-KM-Time-Zone': undefined }, 'Missing required header. X-KM-Time-Zone'],
    ['unknown time zone', { 'X-KM-Time-Zone': 'JST' }, 'Invalid header value. X-KM-Time-Zone'],
    ['missing token', { 'X-KM-Tran-Token': undefined }, 'Missing required header. X-KM-Tran-Token'],
  ];

  it.each(cases)('%s → 401 900_001', async (_name, headers, description) => {
    const { status, body } = await sandbox.call(CARD_LIST, BODY, { headers });
    expect(status).toBe(401);
    expect(body.response).toEqual({ code: '900_001', description });
  });

  it('checks headers in order: the first fault is reported', async () => {
    const { body } = await sandbox.call(CARD_LIST, BODY, {
      headers: { 'X-KM-Time-Zone': 'JST', 'X-KM-User-AspId': undefined },
    });
    expect(body.response.description).toBe('Missing required header. X-KM-User-AspId');
  });

  it('accepts KST and an uppercase-hex correlation id, and echoes it', async () => {
    const id = '240101120000-ABCDEF0';
    const { status, headers } = await sandbox.call(CARD_LIST, BODY, { timeZone: 'KST', headers: { 'X-KM-Correlation-Id': id } });
    expect(status).toBe(200);
    expect(headers.get('X-KM-Correlation-Id')).toBe(id);
    expect(headers.get('Content-Type')).toBe('application/json; charset=utf-8');
  });

  it.each([
    ['AspId', { 'X-KM-User-AspId': 'ASPOTHER0000001' }],
    ['access key', { 'X-KM-Access-Key': 'x'.repeat(40) }],
  ])('unknown %s → 401 900_002', async (_name, headers) => {
    const { status, body } = await sandbox.call(CARD_LIST, BODY, { headers });
    expect(status).toBe(401);
    expect(body.response).toEqual({ code: '900_002', description: 'Unknown ASP id or access key.' });
  });
});

describe('transaction token', () => {
  // The token's time must be near the sandbox's clock: each test signs at the moment it runs.
  const at = () => wallClockStamp(new Date(), { withMillis: true });
  const mac = (body: string | Uint8Array, secret = DEFAULT_OPTIONS.secretKey) =>
    createHmac('sha256', secret).update(body).digest('base64');

  it('is KMV1:<17 digits>:<Base64 HMAC-SHA256 of the body>, 67 characters', () => {
    const token = tranToken('sandbox-secret-key', Buffer.from(BODY), '20240101120000123');
    expect(token).toBe(`KMV1:20240101120000123:${mac(BODY)}`);
    expect(token).toHaveLength(67);
  });

  it('is recomputed from the raw body as received: same JSON, other spacing is refused', async () => {
    const spaced = '{ "userId": 9999999999999999999 }';
    const { status, body } = await sandbox.call(CARD_LIST, spaced, {
      headers: { 'X-KM-Tran-Token': `KMV1:${at()}:${mac(BODY)}` },
    });
    expect(status).toBe(401);
    expect(body.response).toEqual({ code: '900_003', description: 'Invalid transaction token.' });
    const ok = await sandbox.call(CARD_LIST, spaced, { headers: { 'X-KM-Tran-Token': `KMV1:${at()}:${mac(spaced)}` } });
    expect(ok.status).toBe(200);
  });

  it('covers multi-byte UTF-8 bodies', async () => {
    const body = JSON.stringify({ userId: 1, note: '한글 주소' }).replace('1', '9999999999999999999');
    const { status } = await sandbox.call(CARD_LIST, body, { headers: { 'X-KM-Tran-Token': `KMV1:${at()}:${mac(body)}` } });
    expect(status).toBe(200);
  });

  it('accepts the 66-character form (unpadded Base64)', async () => {
    const token = `KMV1:${at()}:${mac(BODY).replace(/=$/, '')}`;
    expect(token).toHaveLength(66);
    expect((await sandbox.call(CARD_LIST, BODY, { headers: { 'X-KM-Tran-Token': token } })).status).toBe(200);
  });

  it.each([
    ['wrong secret', () => `KMV1:${at()}:${mac(BODY, 'not-the-secret')}`],
    ['wrong prefix', () => `KMV2:${at()}:${mac(BODY)}`],
    ['16-digit time', () => `KMV1:${at().slice(1)}:${mac(BODY)}`],
    ['68 characters', () => `KMV1:${at()}:${mac(BODY)}=`],
    ['a time that is no date (month 13)', () => `KMV1:${at().slice(0, 4)}13${at().slice(6)}:${mac(BODY)}`],
    ['garbage', () => 'token'],
  ])('refuses a token with %s → 900_003', async (_name, token) => {
    const { status, body } = await sandbox.call(CARD_LIST, BODY, { headers: { 'X-KM-Tran-Token': token() } });
    expect(status).toBe(401);
    expect(body.response).toEqual({ code: '900_003', description: 'Invalid transaction token.' });
  });

  it('signs the empty body as ""', async () => {
    const { status, body } = await sandbox.call(CARD_LIST, '', { headers: { 'X-KM-Tran-Token': `KMV1:${at()}:${mac('')}` } });
    expect(status).toBe(400);
    expect(body.response).toEqual({ code: '000_002', description: 'Invalid input parameter. body' });
  });
});

describe('transaction token over the raw bytes', () => {
  const at = () => wallClockStamp(new Date(), { withMillis: true });
  const macOf = (body: string | Uint8Array) => createHmac('sha256', DEFAULT_OPTIONS.secretKey).update(body).digest('base64');
  /** A card-list body whose note holds `bytes` between the quotes. */
  const withNote = (bytes: number[]) =>
    Buffer.from([...Buffer.from('{"userId":9999999999999999999,"note":"'), ...bytes, ...Buffer.from('"}')]);

  it.each([
    ['a byte that is no UTF-8 (0xFF)', [0xff]],
    ['a UTF-8-encoded surrogate (ED A0 80)', [0xed, 0xa0, 0x80]],
    ['an overlong "/" (C0 AF)', [0xc0, 0xaf]],
  ])('refuses a MAC made over the decoded text of %s → 900_003', async (_name, bytes) => {
    const raw = withNote(bytes);
    // What a server MACing decoded text would compute: U+FFFD, re-encoded, stands in for the bytes.
    const decoded = raw.toString('utf8');
    expect(Buffer.from(decoded).equals(raw)).toBe(false);
    const { status, body } = await sandbox.call(CARD_LIST, raw, { headers: { 'X-KM-Tran-Token': `KMV1:${at()}:${macOf(decoded)}` } });
    expect(status).toBe(401);
    expect(body.response.code).toBe('900_003');
  });

  it('takes a MAC over the exact bytes, then refuses a body that is not UTF-8 as malformed → 000_002 body', async () => {
    const raw = withNote([0xff]);
    const { status, body } = await sandbox.call(CARD_LIST, raw, { headers: { 'X-KM-Tran-Token': `KMV1:${at()}:${macOf(raw)}` } });
    expect(status).toBe(400);
    expect(body.response).toEqual({ code: '000_002', description: 'Invalid input parameter. body' });
  });
});

describe('transaction token time', () => {
  const minutes = (n: number) => new Date(Date.now() + n * 60_000);
  /** Headers signed at `tokenAt` with X-KM-Tran-Time `tranAt`, both written in `zone`. */
  const signed = (tokenAt: Date, tranAt: Date, zone: 'UTC' | 'KST' = 'UTC') => ({
    'X-KM-Time-Zone': zone,
    'X-KM-Tran-Time': wallClockStamp(tranAt, { zone }),
    'X-KM-Tran-Token': tranToken(DEFAULT_OPTIONS.secretKey, Buffer.from(BODY), wallClockStamp(tokenAt, { zone, withMillis: true })),
  });
  const outOfWindow = { code: '900_003', description: 'Transaction token time out of window.' };

  it.each([
    ['a token 10 minutes old', signed(minutes(-10), minutes(0))],
    ['an X-KM-Tran-Time 10 minutes old', signed(minutes(0), minutes(-10))],
    ['both 10 minutes old (the client clock is behind)', signed(minutes(-10), minutes(-10))],
    ['both 10 minutes ahead', signed(minutes(10), minutes(10))],
    ['a 2020 token', signed(new Date(Date.UTC(2020, 0, 1)), new Date(Date.UTC(2020, 0, 1)))],
    ['UTC times labelled KST (9 hours off)', { ...signed(minutes(0), minutes(0)), 'X-KM-Time-Zone': 'KST' }],
  ])('refuses %s → 401 900_003', async (_name, headers) => {
    const { status, body } = await sandbox.call(CARD_LIST, BODY, { headers });
    expect(status).toBe(401);
    expect(body.response).toEqual(outOfWindow);
  });

  it.each([
    ['both 4 minutes old', signed(minutes(-4), minutes(-4))],
    ['both 4 minutes ahead', signed(minutes(4), minutes(4))],
    ['KST times labelled KST', signed(minutes(0), minutes(0), 'KST')],
  ])('accepts %s (within ±5 minutes)', async (_name, headers) => {
    expect((await sandbox.call(CARD_LIST, BODY, { headers })).status).toBe(200);
  });

  it('takes its window from the tokenWindowSeconds option', async () => {
    const narrow = await startTestSandbox({ tokenWindowSeconds: 60 });
    try {
      const twoMinutesOld = signed(minutes(-2), minutes(-2));
      expect((await narrow.call(CARD_LIST, BODY, { headers: twoMinutesOld })).body.response).toEqual(outOfWindow);
      expect((await sandbox.call(CARD_LIST, BODY, { headers: twoMinutesOld })).status).toBe(200);
    } finally {
      await narrow.stop();
    }
  });
});

describe('routing and envelope', () => {
  it('answers 404 900_404 for an unknown path, with the envelope', async () => {
    const { status, body } = await sandbox.call('/api/v1/card/discard', BODY);
    expect(status).toBe(404);
    expect(body).toEqual({ response: { code: '900_404', description: 'Not found.' } });
  });

  it('answers 404 for an API path outside the /open-api prefix', async () => {
    const response = await fetch(`${sandbox.origin}/api/v1/user/card/list`, { method: 'POST', body: BODY });
    expect(response.status).toBe(404);
  });

  it('answers 405 900_405 for another method', async () => {
    const { status, body } = await sandbox.call(CARD_LIST, BODY, { method: 'GET' });
    expect(status).toBe(405);
    expect(body.response.code).toBe('900_405');
  });

  it('answers 400 000_002 body for malformed JSON', async () => {
    const { status, body } = await sandbox.call(CARD_LIST, '{"userId":1,');
    expect(status).toBe(400);
    expect(body.response).toEqual({ code: '000_002', description: 'Invalid input parameter. body' });
  });

  it('answers success as HTTP 200 000_000 "Success." with the data fields beside the envelope', async () => {
    const { status, body } = await sandbox.call(CARD_LIST, BODY);
    expect(status).toBe(200);
    expect(body.response).toEqual({ code: '000_000', description: 'Success.' });
    expect(Array.isArray(body.cardDataInfo)).toBe(true);
  });
});
