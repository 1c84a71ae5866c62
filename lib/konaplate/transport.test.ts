import { createHmac } from 'node:crypto';
import { CompactEncrypt, exportPKCS8, exportSPKI, generateKeyPair, importSPKI } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { jweCodec, plainCodec, type BodyCodec } from './codec';
import { KonaplateError } from './errors';
import { konaplateCall, type CallSpec, type TransportConfig } from './transport';

const config = (fetchImpl: typeof fetch): TransportConfig => ({
  baseUrl: 'http://127.0.0.1:1/open-api',
  aspId: 'ASPSANDBOX00001',
  accessKey: 'a'.repeat(40),
  secretKey: 's',
  timeZone: 'KST',
  readTimeoutMs: 50,
  writeTimeoutMs: 50,
  codec: plainCodec,
  fetch: fetchImpl,
});

const read: CallSpec<{ value: number }> = {
  path: '/api/v1/user/card/list',
  body: { userId: 1 },
  encrypted: false,
  mutating: false,
  data: z.object({ value: z.number() }),
};
const write = { ...read, path: '/api/v1/prepay-card/issue/delivery', mutating: true } as const;

const answer = (status: number, body: unknown) =>
  vi.fn<typeof fetch>(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));

async function failure(promise: Promise<unknown>): Promise<KonaplateError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KonaplateError);
  return error as KonaplateError;
}

describe('konaplateCall', () => {
  it('returns the parsed data, the correlation id it sent and the duration', async () => {
    const fetchImpl = answer(200, { response: { code: '000_000', description: 'Success.' }, value: 3 });
    const result = await konaplateCall(config(fetchImpl), read);
    expect(result.data).toEqual({ value: 3 });
    const sent = new Headers(fetchImpl.mock.calls[0]![1]!.headers);
    expect(result.correlationId).toBe(sent.get('X-KM-Correlation-Id'));
    expect(fetchImpl.mock.calls[0]![0]).toBe('http://127.0.0.1:1/open-api/api/v1/user/card/list');
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('turns a documented failure into a rejected error with code, message and explanation', async () => {
    const error = await failure(
      konaplateCall(config(answer(400, { response: { code: '001_006', description: 'Wallet user not found.' } })), read),
    );
    expect(error).toMatchObject({ kind: 'rejected', code: '001_006', httpStatus: 400, outcomeUnknown: false });
    expect(error.vendorMessage).toBe('Wallet user not found.');
    expect(error.explanation).toMatch(/No wallet member has this id/);
    expect(error.correlationId).toMatch(/^\d{12}-[0-9a-f]{7}$/);
  });

  it('explains an unknown code with the vendor message', async () => {
    const error = await failure(
      konaplateCall(config(answer(400, { response: { code: '123_456', description: 'Odd.' } })), read),
    );
    expect(error.explanation).toBe('Konaplate refused the request: Odd..');
  });

  it('reports 5xx as an upstream error, envelope or not', async () => {
    expect((await failure(konaplateCall(config(answer(503, 'Service Unavailable')), read))).kind).toBe('upstream');
    const enveloped = await failure(
      konaplateCall(config(answer(500, { response: { code: '900_500', description: 'Platform error.' } })), read),
    );
    expect(enveloped).toMatchObject({ kind: 'upstream', code: '900_500', httpStatus: 500 });
  });

  it('reports an unreadable or misshapen answer as malformed, not a crash', async () => {
    expect((await failure(konaplateCall(config(answer(200, '{"response":')), read))).kind).toBe('malformed-response');
    const wrongShape = await failure(
      konaplateCall(config(answer(200, { response: { code: '000_000' }, value: 'three' })), read),
    );
    expect(wrongShape.kind).toBe('malformed-response');
    expect(wrongShape.vendorMessage).toMatch(/value/);
  });

  it('distinguishes a timeout from a network error', async () => {
    const hang = vi.fn<typeof fetch>(
      (_url, init) =>
        new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason))),
    );
    expect((await failure(konaplateCall(config(hang), read))).kind).toBe('timeout');
    const refused = vi.fn<typeof fetch>(async () => {
      throw new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') });
    });
    expect((await failure(konaplateCall(config(refused), read))).kind).toBe('network');
  });

  it('retries a read once after a connection error, as the same transaction (same correlation id)', async () => {
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockRejectedValueOnce(new TypeError('fetch failed'))
      .mockResolvedValueOnce(new Response(JSON.stringify({ response: { code: '000_000' }, value: 1 })));
    await konaplateCall(config(fetchImpl), read);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    const ids = fetchImpl.mock.calls.map(([, init]) => new Headers(init!.headers).get('X-KM-Correlation-Id'));
    expect(ids[0]).toBeTruthy();
    expect(ids[1]).toBe(ids[0]);
  });

  it('never retries a write, and says its outcome is unknown', async () => {
    const fetchImpl = vi.fn<typeof fetch>().mockRejectedValue(new TypeError('fetch failed'));
    const error = await failure(konaplateCall(config(fetchImpl), write));
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.explanation).toMatch(/Check the card list before retrying/);
  });

  it('keeps a refused write a plain refusal', async () => {
    const error = await failure(
      konaplateCall(config(answer(400, { response: { code: '003_024', description: 'x' } })), write),
    );
    expect(error.outcomeUnknown).toBe(false);
  });

  it('exposes no stack or cause to the browser', async () => {
    const error = await failure(konaplateCall(config(answer(503, 'down')), read));
    expect(Object.keys(error.toJSON()).sort()).toEqual(
      ['code', 'correlationId', 'explanation', 'httpStatus', 'kind', 'outcomeUnknown', 'vendorMessage'].sort(),
    );
  });

  it('tells the observer of each exchange, success or failure, with plain bodies', async () => {
    const seen: unknown[] = [];
    const observe = (exchange: unknown) => seen.push(exchange);
    await konaplateCall({ ...config(answer(200, { response: { code: '000_000' }, value: 1 })), observe }, read);
    await failure(konaplateCall({ ...config(answer(400, { response: { code: '001_006' } })), observe }, read));
    expect(seen).toEqual([
      expect.objectContaining({ outcome: 'ok', code: '000_000', httpStatus: 200, requestBody: '{"userId":1}' }),
      expect.objectContaining({ outcome: 'rejected', code: '001_006', httpStatus: 400, responseBody: '{"response":{"code":"001_006"}}' }),
    ]);
  });
});

describe('konaplateCall on the wire', () => {
  it('signs exactly the bytes it sends', async () => {
    const fetchImpl = answer(200, { response: { code: '000_000' }, value: 1 });
    await konaplateCall(config(fetchImpl), { ...read, body: { userId: 1, note: '한글 😀' } });
    const init = fetchImpl.mock.calls[0]![1]!;
    expect(init.body).toBeInstanceOf(Uint8Array);
    const mac = createHmac('sha256', 's').update(init.body as Uint8Array).digest('base64');
    expect(new Headers(init.headers).get('X-KM-Tran-Token')?.split(':')[2]).toBe(mac);
  });
});

describe('konaplateCall with JWE bodies', () => {
  let codec: BodyCodec;
  let encryptToClient: (plain: string) => Promise<string>;
  const encryptedRead = { ...read, path: '/api/v1/unregister/card/info', encrypted: true } as const;
  const encryptedWrite = { ...encryptedRead, path: '/api/v1/prepay-card/issue/delivery', mutating: true } as const;
  const success = { response: { code: '000_000', description: 'Success.' }, value: 7 };
  const jweConfig = (fetchImpl: typeof fetch) => ({ ...config(fetchImpl), codec });

  beforeAll(async () => {
    const pair = () => generateKeyPair('RSA-OAEP-256', { extractable: true });
    const [client, platform] = await Promise.all([pair(), pair()]);
    codec = jweCodec({
      keyId: 'k'.repeat(32),
      clientPrivateKey: await exportPKCS8(client.privateKey),
      platformPublicKey: await exportSPKI(platform.publicKey),
    });
    const clientPublic = await importSPKI(await exportSPKI(client.publicKey), 'RSA-OAEP-256');
    encryptToClient = async (plain) =>
      JSON.stringify({
        encData: await new CompactEncrypt(new TextEncoder().encode(plain))
          .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128GCM' })
          .encrypt(clientPublic),
      });
  });

  it('reads an encrypted answer', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => new Response(await encryptToClient(JSON.stringify(success))));
    expect((await konaplateCall(jweConfig(fetchImpl), encryptedRead)).data).toEqual({ value: 7 });
  });

  it('refuses a plaintext 200 on an encrypted endpoint as malformed, and says why', async () => {
    const error = await failure(konaplateCall(jweConfig(answer(200, success)), encryptedRead));
    expect(error).toMatchObject({ kind: 'malformed-response', httpStatus: 200, outcomeUnknown: false });
    expect(error.vendorMessage).toMatch(/without encData on an encrypted endpoint/);
  });

  it('makes a plaintext 200 to a write "outcome unknown": the platform may have acted', async () => {
    const fetchImpl = answer(200, success);
    const error = await failure(konaplateCall(jweConfig(fetchImpl), encryptedWrite));
    expect(error).toMatchObject({ kind: 'malformed-response', outcomeUnknown: true });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('refuses a plaintext refusal (400) too: a read body is answered encrypted', async () => {
    const error = await failure(
      konaplateCall(jweConfig(answer(400, { response: { code: '003_024', description: 'x' } })), encryptedWrite),
    );
    expect(error).toMatchObject({ kind: 'malformed-response', outcomeUnknown: true });
  });

  it('still reads the plain faults given before the body is read: 401 envelope, 5xx', async () => {
    const refused = await failure(
      konaplateCall(jweConfig(answer(401, { response: { code: '900_003', description: 'Invalid transaction token.' } })), encryptedWrite),
    );
    expect(refused).toMatchObject({ kind: 'rejected', code: '900_003', httpStatus: 401, outcomeUnknown: false });
    expect((await failure(konaplateCall(jweConfig(answer(503, 'down')), encryptedRead))).kind).toBe('upstream');
  });

  it('takes plain answers where the endpoint is not encrypted', async () => {
    expect((await konaplateCall(jweConfig(answer(200, success)), read)).data).toEqual({ value: 7 });
  });
});
