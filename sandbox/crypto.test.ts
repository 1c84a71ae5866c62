import { CompactEncrypt, compactDecrypt, decodeProtectedHeader, importPKCS8, importSPKI } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSandboxKeys } from './crypto';
import { tranToken } from './protocol';
import { cryptoOptions, startTestSandbox, wallClockStamp, type SandboxKeys, type TestSandbox } from './test-helpers';

const UNREGISTERED = '/api/v1/unregister/card/info';
const ISSUE = '/api/v1/prepay-card/issue/delivery';
const KIM = '9999999999999999999';
let keys: SandboxKeys;
let sandbox: TestSandbox;

beforeAll(async () => {
  keys = await generateSandboxKeys();
  sandbox = await startTestSandbox({ crypto: cryptoOptions(keys), controlEnabled: true });
});
afterAll(() => sandbox.stop());

describe('generateSandboxKeys', () => {
  it('returns two PEM key pairs and a 32-character key id', () => {
    expect(keys.keyId).toMatch(/^[0-9a-f]{32}$/);
    for (const pair of [keys.platform, keys.client]) {
      expect(pair.publicKey).toContain('-----BEGIN PUBLIC KEY-----');
      expect(pair.privateKey).toContain('-----BEGIN PRIVATE KEY-----');
    }
  });
});

describe('JWE bodies', () => {
  it('round-trips: decrypts the request, encrypts the whole answer to the client key', async () => {
    const request = { userInfo: { userId: KIM }, serviceId: 'SVCPP0000000102', isDeliveryRequired: false };
    const { status, headers, body, wireBody } = await sandbox.call(ISSUE, request, { keys });
    expect(status).toBe(200);
    expect(headers.get('X-KM-Crypto-Key-Id')).toBe(keys.keyId);
    const { encData } = JSON.parse(wireBody) as { encData: string };
    expect(Object.keys(JSON.parse(wireBody) as object)).toEqual(['encData']);
    expect(decodeProtectedHeader(encData)).toMatchObject({ alg: 'RSA-OAEP-256', enc: 'A128GCM' });
    expect(body.response.code).toBe('000_000');
    expect(body.cardApplyNo).toHaveLength(22);
    // The log shows the decrypted plaintext, with the 19-digit userId intact.
    expect(sandbox.sandbox.log.last(1)[0]?.rawBody).toBe(`{"userInfo":{"userId":${KIM}},"serviceId":"SVCPP0000000102","isDeliveryRequired":false}`);
  });

  it('encrypts business failures too', async () => {
    const { status, wireBody, body } = await sandbox.call(ISSUE, { userInfo: { userId: '1234567890' }, serviceId: 'SVCPP0000000101' }, { keys });
    expect(status).toBe(400);
    expect(wireBody).toMatch(/^\{"encData":"/);
    expect(body.response.code).toBe('000_003');
  });

  it('accepts A256GCM content encryption', async () => {
    // All zeros is Luhn-valid, and no card has that number.
    const plaintext = JSON.stringify({ cardNo: '0000000000000000', expiryDate: '1229', cardCVC: '123' });
    const jwe = await new CompactEncrypt(new TextEncoder().encode(plaintext))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
      .encrypt(await importSPKI(keys.platform.publicKey, 'RSA-OAEP-256'));
    const { status, wireBody } = await sandbox.call(UNREGISTERED, JSON.stringify({ encData: jwe }), {
      headers: { 'X-KM-Crypto-Key-Id': keys.keyId },
    });
    const { encData } = JSON.parse(wireBody) as { encData: string };
    const answer = await compactDecrypt(encData, await importPKCS8(keys.client.privateKey, 'RSA-OAEP-256'));
    expect(status).toBe(400);
    expect(JSON.parse(new TextDecoder().decode(answer.plaintext))).toEqual({
      response: { code: '003_901', description: 'Card not found.' },
    });
  });

  it('accepts a plain body on an encryptable endpoint and answers plain', async () => {
    const { status, headers, body } = await sandbox.call(ISSUE, { userInfo: { userId: KIM }, serviceId: 'SVCPP0000000102', isDeliveryRequired: false });
    expect(status).toBe(200);
    expect(headers.get('X-KM-Crypto-Key-Id')).toBeNull();
    expect(body.response.code).toBe('000_000');
  });

  it('refuses an encrypted card list → 400 000_002 encData', async () => {
    const { status, body } = await sandbox.call('/api/v1/user/card/list', { userId: KIM }, { keys });
    expect(status).toBe(400);
    expect(body.response).toEqual({ code: '000_002', description: 'Invalid input parameter. encData' });
  });

  it.each([
    ['no key id header', { 'X-KM-Crypto-Key-Id': undefined }, 'Unknown crypto key id.'],
    ['an unknown key id', { 'X-KM-Crypto-Key-Id': 'f'.repeat(32) }, 'Unknown crypto key id.'],
  ])('refuses encData with %s → 401 900_004', async (_name, headers, description) => {
    const { status, body } = await sandbox.call(ISSUE, { userInfo: { userId: KIM } }, { keys, headers });
    expect(status).toBe(401);
    expect(body.response).toEqual({ code: '900_004', description });
  });

  it('refuses encData it cannot decrypt → 401 900_004', async () => {
    const other = await generateSandboxKeys();
    const wrongKey = { ...other, keyId: keys.keyId };
    const { status, body } = await sandbox.call(ISSUE, { userInfo: { userId: KIM } }, { keys: wrongKey });
    expect(status).toBe(401);
    expect(body.response).toEqual({ code: '900_004', description: 'Cannot decrypt request body.' });
    const garbage = await sandbox.call(ISSUE, '{"encData":"not.a.jwe.at.all"}', { headers: { 'X-KM-Crypto-Key-Id': keys.keyId } });
    expect(garbage.body.response.code).toBe('900_004');
  });

  it('checks the token over the encrypted wrapper, not the plaintext', async () => {
    const at = wallClockStamp(new Date(), { withMillis: true });
    const plaintext = Buffer.from(`{"userInfo":{"userId":${KIM}}}`);
    const { status, body } = await sandbox.call(ISSUE, { userInfo: { userId: KIM } }, {
      keys,
      headers: { 'X-KM-Tran-Token': tranToken('sandbox-secret-key', plaintext, at) },
    });
    expect(status).toBe(401);
    expect(body.response).toEqual({ code: '900_003', description: 'Invalid transaction token.' });
  });

  it('answers an encrypted request in plain JSON under the plaintext-answer fault (a downgrade)', async () => {
    sandbox.sandbox.faults.set('prepaid-issue', { kind: 'plaintext-answer' });
    try {
      const request = { userInfo: { userId: KIM }, serviceId: 'SVCPP0000000102', isDeliveryRequired: false };
      const { status, headers, wireBody } = await sandbox.call(ISSUE, request, { keys });
      expect(status).toBe(200);
      expect(headers.get('X-KM-Crypto-Key-Id')).toBeNull();
      const answer = JSON.parse(wireBody) as { response: { code: string }; cardApplyNo?: string };
      expect(answer.response.code).toBe('000_000');
      expect(answer.cardApplyNo).toHaveLength(22);
      // Answered, not short-circuited: the card was issued and the call logged with its outcome.
      expect(sandbox.sandbox.log.last(1)[0]).toMatchObject({ endpoint: 'prepaid-issue', status: 200, code: '000_000' });
    } finally {
      sandbox.sandbox.reset();
    }
  });
});

describe('without encryption configured', () => {
  it('refuses encrypted requests → 401 900_004', async () => {
    const plain = await startTestSandbox();
    try {
      const { status, body } = await plain.call(ISSUE, { userInfo: { userId: KIM } }, { keys });
      expect(status).toBe(401);
      expect(body.response).toEqual({ code: '900_004', description: 'Unknown crypto key id.' });
    } finally {
      await plain.stop();
    }
  });
});
