import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKonaplateClient, type KonaplateClient } from '@/lib/konaplate/client';
import { KonaplateError } from '@/lib/konaplate/errors';
import { generateCryptoSetup, transportConfig } from './client-config';
import { startSandboxProcess, type SandboxProcess } from './sandbox-process';

/** The typed client's flows against the real sandbox process, with JWE bodies. */

const MAX_USER_ID = '9999999999999999999';
let sandbox: SandboxProcess;
let client: KonaplateClient;

interface LoggedRequest {
  endpoint: string;
  rawBody: string;
}

async function lastRequest(): Promise<LoggedRequest> {
  const response = await sandbox.control('/requests?limit=1');
  const { requests } = (await response.json()) as { requests: LoggedRequest[] };
  return requests.at(-1)!;
}

async function rejection(promise: Promise<unknown>): Promise<KonaplateError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KonaplateError);
  return error as KonaplateError;
}

beforeAll(async () => {
  const crypto = await generateCryptoSetup();
  sandbox = await startSandboxProcess(crypto.sandboxEnv);
  client = createKonaplateClient(transportConfig(sandbox.baseUrl, { codec: crypto.codec }));
});
afterAll(() => sandbox?.stop());
beforeEach(() => sandbox.reset());

describe('userId precision', () => {
  it('sends 9999999999999999999 and the sandbox receives exactly that', async () => {
    const { data } = await client.searchCards({ userId: MAX_USER_ID });
    expect(data.length).toBeGreaterThan(0);
    expect((await lastRequest()).rawBody).toContain(`"userId":${MAX_USER_ID}`);
  });

  it('keeps 2^53 + 1 apart from 2^53', async () => {
    const error = await rejection(client.searchCards({ userId: '9007199254740992' }));
    expect(error.code).toBe('001_006');
    const { data } = await client.searchCards({ userId: '9007199254740993' });
    expect(data.length).toBeGreaterThan(0);
  });
});

describe('card search', () => {
  it('masks every card number and account number before it leaves the client', async () => {
    const { data } = await client.searchCards({ userId: MAX_USER_ID });
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/\d{11,}/);
    for (const card of data) {
      if (card.mobileCardNoMasked) expect(card.mobileCardNoMasked).toMatch(/^\d{4} \d{2}•• •••• \d{4}$/);
    }
  });

  it('answers a correlation id the sandbox echoed', async () => {
    const result = await client.searchCards({ userId: MAX_USER_ID });
    expect(result.correlationId).toMatch(/^\d{12}-[0-9a-f]{7}$/);
  });
});

describe('issuance and reissuance change the sandbox state', () => {
  it('issues a prepaid card that the next search shows, without its CVC', async () => {
    const before = (await client.searchCards({ userId: MAX_USER_ID })).data;
    const scenarios = (await (await sandbox.control('/scenarios')).json()) as {
      scenarios: { endpoint: string; code: string; request: { serviceId?: string; userInfo?: { userId: string } } }[];
    };
    const ok = scenarios.scenarios.find((s) => s.endpoint === 'prepaid-issue' && s.code === '000_000')!;
    const userId = ok.request.userInfo!.userId;
    const issued = await client.issuePrepaidCard({
      userId,
      serviceId: ok.request.serviceId!,
      isDeliveryRequired: true,
      address: { address: '서울특별시 중구 세종대로 110', addressDetail: '3층', zipCode: '04524' },
    });
    expect(issued.data.cardApplyNo).toHaveLength(22);
    expect(JSON.stringify(issued)).not.toMatch(/CVC|cvc/);
    const after = (await client.searchCards({ userId })).data;
    expect(after.some((card) => card.par === issued.data.mobileCardPar)).toBe(true);
    if (userId === MAX_USER_ID) expect(after.length).toBe(before.length + 1);
  });

  it('reissues a lost card once: old card 3A, new card present, second time 003_018', async () => {
    const scenarios = (await (await sandbox.control('/scenarios')).json()) as {
      scenarios: { endpoint: string; code: string; request: { userInfo: { userId: string }; cardInfo: { par: string } } }[];
    };
    const ok = scenarios.scenarios.find((s) => s.endpoint === 'prepaid-reissue' && s.code === '000_000')!;
    const { userId } = ok.request.userInfo;
    const { par } = ok.request.cardInfo;
    const request = {
      userId,
      par,
      isDeliveryRequired: true,
      address: { address: '부산광역시 해운대구 센텀중앙로 79', addressDetail: '101호', zipCode: '48058' },
    };
    const first = await client.reissuePrepaidCard(request);
    const cards = (await client.searchCards({ userId })).data;
    expect(cards.find((card) => card.par === par)?.cardBizStatus).toBe('3A');
    expect(cards.some((card) => card.par === first.data.mobileCardPar)).toBe(true);
    expect((await rejection(client.reissuePrepaidCard(request))).code).toBe('003_018');
  });
});

describe('credentials', () => {
  it('is refused with a wrong secret key (token recomputed by the sandbox)', async () => {
    const wrong = createKonaplateClient(transportConfig(sandbox.baseUrl, { secretKey: 'not-the-secret' }));
    const error = await rejection(wrong.searchCards({ userId: MAX_USER_ID }));
    expect(error).toMatchObject({ kind: 'rejected', httpStatus: 401, code: '900_003' });
  });

  it('is refused with an unknown access key', async () => {
    const wrong = createKonaplateClient(transportConfig(sandbox.baseUrl, { accessKey: 'x'.repeat(40) }));
    expect((await rejection(wrong.searchCards({ userId: MAX_USER_ID }))).code).toBe('900_002');
  });
});
