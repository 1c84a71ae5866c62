import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKonaplateClient, type KonaplateClient } from '@/lib/konaplate/client';
import type { BodyCodec } from '@/lib/konaplate/codec';
import { KonaplateError } from '@/lib/konaplate/errors';
import { buildHeaders, tranTime } from '@/lib/konaplate/headers';
import { generateCryptoSetup, SANDBOX_CREDENTIALS, transportConfig } from './client-config';
import { startSandboxProcess, type SandboxProcess } from './sandbox-process';

/**
 * The link's refusals against the real sandbox process: a plaintext answer where the client
 * encrypts (a downgrade), and a transaction token whose time is out of the sandbox's window.
 */

const USER_ID = '9999999999999999999';
const MINUTE = 60_000;
let sandbox: SandboxProcess;
let codec: BodyCodec;
let client: KonaplateClient;

async function rejection(promise: Promise<unknown>): Promise<KonaplateError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KonaplateError);
  return error as KonaplateError;
}

async function inject(endpoint: string, fault: Record<string, unknown>) {
  const response = await sandbox.control(`/faults/${endpoint}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(response.ok).toBe(true);
}

async function calls(endpoint: string): Promise<number> {
  const { calls } = (await (await sandbox.control('/calls')).json()) as { calls: Record<string, number> };
  return calls[endpoint] ?? 0;
}

/** A client whose clock is `offsetMs` off, in `timeZone`. */
const skewedClient = (offsetMs: number, timeZone: 'KST' | 'UTC' = 'KST') =>
  createKonaplateClient(transportConfig(sandbox.baseUrl, { codec, timeZone, now: () => new Date(Date.now() + offsetMs) }));

beforeAll(async () => {
  const crypto = await generateCryptoSetup();
  codec = crypto.codec;
  sandbox = await startSandboxProcess(crypto.sandboxEnv);
  client = createKonaplateClient(transportConfig(sandbox.baseUrl, { codec }));
});
afterAll(() => sandbox?.stop());
beforeEach(() => sandbox.reset());

describe('a plaintext answer on an encrypted endpoint (downgrade)', () => {
  const unregisteredScenario = async () => {
    const { scenarios } = (await (await sandbox.control('/scenarios')).json()) as {
      scenarios: { endpoint: string; code: string; request: { cardNo: string; expiryDate: string; cardCVC: string } }[];
    };
    return scenarios.find((s) => s.endpoint === 'unregistered-card' && s.code === '000_000')!.request;
  };
  const issue = {
    userId: USER_ID,
    serviceId: 'SVCPP0000000102',
    isDeliveryRequired: true,
    address: { address: '서울특별시 중구 세종대로 110', addressDetail: '3층', zipCode: '04524' },
  };

  it('is refused on a read as a malformed answer, and not retried', async () => {
    const request = await unregisteredScenario();
    await expect(client.lookupUnregisteredCard(request)).resolves.toBeDefined();
    await inject('unregistered-card', { kind: 'plaintext-answer' });
    const error = await rejection(client.lookupUnregisteredCard(request));
    expect(error).toMatchObject({ kind: 'malformed-response', httpStatus: 200, outcomeUnknown: false });
    expect(error.vendorMessage).toMatch(/without encData on an encrypted endpoint/);
    expect(await calls('unregistered-card')).toBe(2);
  });

  it('makes a write "outcome unknown": the sandbox did issue the card', async () => {
    const before = (await client.searchCards({ userId: USER_ID })).data.length;
    await inject('prepaid-issue', { kind: 'plaintext-answer' });
    const error = await rejection(client.issuePrepaidCard(issue));
    expect(error).toMatchObject({ kind: 'malformed-response', outcomeUnknown: true });
    expect(error.explanation).toMatch(/Check the card list before retrying/);
    expect((await client.searchCards({ userId: USER_ID })).data.length).toBe(before + 1);
  });

  it('refuses a plaintext refusal (HTTP 400) as well', async () => {
    await inject('prepaid-issue', { kind: 'plaintext-answer' });
    const error = await rejection(client.issuePrepaidCard({ ...issue, userId: '1234567890' }));
    expect(error).toMatchObject({ kind: 'malformed-response', httpStatus: 400, outcomeUnknown: true });
  });

  it('still reads the plain 401 the platform answers before decrypting', async () => {
    const wrongSecret = createKonaplateClient(transportConfig(sandbox.baseUrl, { codec, secretKey: 'not-the-secret' }));
    const error = await rejection(wrongSecret.issuePrepaidCard(issue));
    expect(error).toMatchObject({ kind: 'rejected', httpStatus: 401, code: '900_003', outcomeUnknown: false });
  });

  it('still reads a platform error (5xx) as upstream', async () => {
    await inject('prepaid-issue', { kind: 'http-5xx', status: 502 });
    expect(await rejection(client.issuePrepaidCard(issue))).toMatchObject({ kind: 'upstream', httpStatus: 502, code: '900_500' });
  });

  it('changes nothing on the card list, which is never encrypted', async () => {
    await inject('card-list', { kind: 'plaintext-answer' });
    expect((await client.searchCards({ userId: USER_ID })).data.length).toBeGreaterThan(0);
  });
});

describe('the transaction token time window (±5 minutes by default)', () => {
  it.each([
    ['KST', 'KST'],
    ['UTC', 'UTC'],
  ] as const)('accepts a client on time, in %s', async (_name, zone) => {
    await expect(skewedClient(0, zone).searchCards({ userId: USER_ID })).resolves.toBeDefined();
  });

  it.each([-4 * MINUTE, 4 * MINUTE])('accepts a client clock %i ms off, within the window', async (offset) => {
    await expect(skewedClient(offset).searchCards({ userId: USER_ID })).resolves.toBeDefined();
  });

  it.each([-10 * MINUTE, 10 * MINUTE])('refuses a client clock %i ms off → 401 900_003', async (offset) => {
    const error = await rejection(skewedClient(offset).searchCards({ userId: USER_ID }));
    expect(error).toMatchObject({ kind: 'rejected', httpStatus: 401, code: '900_003' });
    expect(error.vendorMessage).toBe('Transaction token time out of window.');
  });

  /** One card-list request whose token and X-KM-Tran-Time are taken at different moments. */
  async function cardListSignedAt(tokenAt: Date, tranAt: Date) {
    const body = new TextEncoder().encode(`{"userId":${USER_ID}}`);
    const headers = buildHeaders({
      ...SANDBOX_CREDENTIALS,
      timeZone: 'KST',
      body,
      correlationId: '240101120000-abcdef0',
      at: tokenAt,
    });
    headers['X-KM-Tran-Time'] = tranTime(tranAt, 'KST');
    const response = await fetch(`${sandbox.baseUrl}/api/v1/user/card/list`, { method: 'POST', headers, body });
    return { status: response.status, body: (await response.json()) as { response: { code: string; description: string } } };
  }

  it('refuses an old X-KM-Tran-Time beside a current token', async () => {
    const { status, body } = await cardListSignedAt(new Date(), new Date(Date.now() - 10 * MINUTE));
    expect(status).toBe(401);
    expect(body.response).toEqual({ code: '900_003', description: 'Transaction token time out of window.' });
  });

  it('refuses an old token beside a current X-KM-Tran-Time', async () => {
    const { status, body } = await cardListSignedAt(new Date(Date.now() - 10 * MINUTE), new Date());
    expect(status).toBe(401);
    expect(body.response.code).toBe('900_003');
  });

  it('accepts both times a minute old', async () => {
    const minuteAgo = new Date(Date.now() - MINUTE);
    expect((await cardListSignedAt(minuteAgo, minuteAgo)).status).toBe(200);
  });

  it('takes its window from KONAPLATE_SANDBOX_TOKEN_WINDOW_SECONDS', async () => {
    const narrow = await startSandboxProcess({ KONAPLATE_SANDBOX_TOKEN_WINDOW_SECONDS: '60' });
    try {
      const twoMinutesBehind = (baseUrl: string) =>
        createKonaplateClient(transportConfig(baseUrl, { now: () => new Date(Date.now() - 2 * MINUTE) }));
      expect(await rejection(twoMinutesBehind(narrow.baseUrl).searchCards({ userId: USER_ID }))).toMatchObject({
        code: '900_003',
        vendorMessage: 'Transaction token time out of window.',
      });
      await expect(twoMinutesBehind(sandbox.baseUrl).searchCards({ userId: USER_ID })).resolves.toBeDefined();
    } finally {
      await narrow.stop();
    }
  });
});
