import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKonaplateClient, type KonaplateClient } from '@/lib/konaplate/client';
import { plainCodec, type BodyCodec } from '@/lib/konaplate/codec';
import { KonaplateError } from '@/lib/konaplate/errors';
import { generateCryptoSetup, transportConfig } from './client-config';
import { startSandboxProcess, type SandboxProcess } from './sandbox-process';

/**
 * The card status, delivery, cancellation, product and member calls of the typed client
 * against the real sandbox process, with plain and with JWE bodies: the state they move,
 * as the next reads show it, and what leaves lib/konaplate.
 */

const KIM = '9999999999999999999';
const MINJUN = '1000000008';
const ACTIVE_PAR = 'Q1J4D526JR3WG30EM2U8LDJSE8V';
const ADDRESS = { address: '서울특별시 중구 세종대로 110', addressDetail: '3층', zipCode: '04524' };
const PRODUCT_IDS = [
  'SVCPP0000000101',
  'SVCPP0000000102',
  'SVCPP0000000103',
  'SVCPP0000000104',
  'SVCDC0000000201',
  'SVCDC0000000202',
  'SVCDC0000000203',
  'SVCDC0000000204',
  'SVCDC0000000205',
  'SVCDC0000000206',
  'SVCDC0000000207',
];

async function rejection(promise: Promise<unknown>): Promise<KonaplateError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KonaplateError);
  return error as KonaplateError;
}

describe.each(['plain', 'encrypted'] as const)('%s bodies', (mode) => {
  let sandbox: SandboxProcess;
  let client: KonaplateClient;
  /** Request bodies as they went on the wire, by path. */
  const wire: { path: string; body: string }[] = [];

  const control = async (path: string, init?: RequestInit) => {
    const response = await sandbox.control(path, init);
    expect(response.ok).toBe(true);
    return (await response.json()) as Record<string, unknown>;
  };
  const advanceDays = (days: number) =>
    control('/clock', { method: 'POST', body: JSON.stringify({ advanceMinutes: days * 1440 }) });
  const card = async (userId: string, par: string) => (await client.searchCards({ userId, par })).data[0]!;
  const issue = async () =>
    (await client.issuePrepaidCard({ userId: KIM, serviceId: 'SVCPP0000000101', isDeliveryRequired: true, address: ADDRESS })).data;

  beforeAll(async () => {
    let codec: BodyCodec = plainCodec;
    let env: Record<string, string> = {};
    if (mode === 'encrypted') {
      const crypto = await generateCryptoSetup();
      codec = crypto.codec;
      env = crypto.sandboxEnv;
    }
    sandbox = await startSandboxProcess(env);
    const recordingFetch: typeof fetch = (input, init) => {
      wire.push({ path: new URL(String(input)).pathname, body: new TextDecoder().decode(init?.body as Uint8Array) });
      return fetch(input, init);
    };
    client = createKonaplateClient(transportConfig(sandbox.baseUrl, { codec, fetch: recordingFetch }));
  });
  afterAll(() => sandbox?.stop());
  beforeEach(async () => {
    wire.length = 0;
    await sandbox.reset();
  });

  describe('card status', () => {
    it('suspends as lost (31, both cards SUSPENDED); the reissuance then accepts the card', async () => {
      const result = await client.changeCardStatus({ userId: KIM, par: ACTIVE_PAR, status: 'SUSPEND' });
      expect(result.data).toBeNull();
      expect(result.correlationId).toMatch(/^\d{12}-[0-9a-f]{7}$/);
      expect(await card(KIM, ACTIVE_PAR)).toMatchObject({
        cardBizStatus: '31',
        cardLifeStatus: '30',
        mobileCardStatus: 'SUSPENDED',
        physicalCardStatus: 'SUSPENDED',
      });
      const reissued = await client.reissuePrepaidCard({ userId: KIM, par: ACTIVE_PAR, isDeliveryRequired: true, address: ADDRESS });
      expect(reissued.data.cardApplyNo).toHaveLength(22);
    });

    it('resumes: 61, life 60, both cards ACTIVE', async () => {
      await client.changeCardStatus({ userId: KIM, par: ACTIVE_PAR, status: 'SUSPEND' });
      await client.changeCardStatus({ userId: KIM, par: ACTIVE_PAR, status: 'RESUME' });
      expect(await card(KIM, ACTIVE_PAR)).toMatchObject({
        cardBizStatus: '61',
        cardLifeStatus: '60',
        mobileCardStatus: 'ACTIVE',
        physicalCardStatus: 'ACTIVE',
      });
    });

    it('sends exactly userId (a number literal), par and status, unencrypted', async () => {
      await client.changeCardStatus({ userId: KIM, par: ACTIVE_PAR, status: 'SUSPEND' });
      const sent = wire.find((w) => w.path.endsWith('/api/v1/card/status'))!;
      expect(sent.body).toBe(`{"userId":${KIM},"par":"${ACTIVE_PAR}","status":"SUSPEND"}`);
    });

    it('reports the documented refusals as typed errors', async () => {
      const other = await rejection(client.changeCardStatus({ userId: KIM, par: 'Q1J4Q8BHQVN4GTGLX0X6SJ09FPH', status: 'SUSPEND' }));
      expect(other).toMatchObject({ kind: 'rejected', code: '003_021', outcomeUnknown: false });
      const terminated = await rejection(
        client.changeCardStatus({ userId: '9007199254740993', par: 'Q1J4P5YVVD26JHAJR6FVXUUQMKU', status: 'RESUME' }),
      );
      expect(terminated.code).toBe('003_022');
      const unknownNumber = await rejection(client.changeCardStatus({ userId: KIM, cardNo: '9490768905803466', status: 'SUSPEND' }));
      expect(unknownNumber.code).toBe('003_001');
    });
  });

  describe('delivery', () => {
    it('follows the sandbox clock to ARRIVAL, when the physical card becomes ACTIVE', async () => {
      const { cardApplyNo, mobileCardPar } = await issue();
      expect((await client.getDeliveryStatus({ userId: KIM, cardApplyNo })).data).toEqual({ cardApplyNo, status: 'READY' });
      await advanceDays(2);
      expect((await client.getDeliveryStatus({ userId: KIM, cardApplyNo })).data.status).toBe('PRE_SHIPPING');
      expect((await card(KIM, mobileCardPar!)).physicalCardStatus).toBe('SUSPENDED');
      await advanceDays(2);
      expect((await client.getDeliveryStatus({ userId: KIM, cardApplyNo })).data.status).toBe('ARRIVAL');
      expect((await card(KIM, mobileCardPar!)).physicalCardStatus).toBe('ACTIVE');
    });

    it('answers a status QA set (LOST)', async () => {
      const { cardApplyNo } = await issue();
      await control(`/applications/${cardApplyNo}`, { method: 'PATCH', body: JSON.stringify({ deliveryStatus: 'LOST' }) });
      expect((await client.getDeliveryStatus({ userId: KIM, cardApplyNo })).data.status).toBe('LOST');
    });
  });

  describe('application cancellation', () => {
    it('cancels today’s application; the discarded mobile card comes back masked', async () => {
      const { cardApplyNo, mobileCardPar } = await issue();
      const { data } = await client.cancelCardApplication({ userId: KIM, cardApplyNo });
      expect(data).toMatchObject({ cardApplyNo, par: mobileCardPar });
      expect(data.mobileCardNoMasked).toMatch(/^\d{4} \d{2}•• •••• \d{4}$/);
      expect(JSON.stringify(data)).not.toMatch(/\d{11,}/);
      expect((await card(KIM, mobileCardPar!)).cardLifeStatus).toBe('90');
      expect((await client.getDeliveryStatus({ userId: KIM, cardApplyNo })).data.status).toBe('CANCEL');
      expect((await rejection(client.cancelCardApplication({ userId: KIM, cardApplyNo }))).code).toBe('003_003');
    });

    it('refuses an application from yesterday (003_002) and one whose mobile card was used (003_003)', async () => {
      const yesterday = await issue();
      await control(`/applications/${yesterday.cardApplyNo}`, { method: 'PATCH', body: JSON.stringify({ appliedDaysAgo: 1 }) });
      expect((await rejection(client.cancelCardApplication({ userId: KIM, cardApplyNo: yesterday.cardApplyNo }))).code).toBe('003_002');
      const used = await issue();
      await control(`/applications/${used.cardApplyNo}`, { method: 'PATCH', body: JSON.stringify({ mobileCardUsed: true }) });
      const error = await rejection(client.cancelCardApplication({ userId: KIM, cardApplyNo: used.cardApplyNo }));
      expect(error).toMatchObject({ code: '003_003', outcomeUnknown: false });
    });
  });

  describe('card products', () => {
    it('lists the console’s eleven products by id', async () => {
      const { data } = await client.listCardProducts(PRODUCT_IDS);
      expect(data.map((p) => p.serviceId)).toEqual(PRODUCT_IDS);
      expect(data[0]).toMatchObject({ serviceName: '코나 에브리데이 선불카드', serviceImageUrl: '/card-products/SVCPP0000000101.svg' });
    });
  });

  describe('member information', () => {
    it('maps the 19-digit member’s profile with phone and e-mail masked', async () => {
      const { data } = await client.getMemberProfile(KIM);
      expect(data).toMatchObject({
        userId: KIM,
        userName: '김하늘',
        loginId: 'haneul.kim',
        mobileNumberMasked: expect.stringMatching(/^010-••••-\d{4}$/),
        emailMasked: expect.stringMatching(/^ha•••@/),
        joinChannel: 'APP',
        address: { address: expect.any(String), zipCode: expect.stringMatching(/^\d{5}$/) },
      });
      expect(JSON.stringify(data)).not.toMatch(/010-\d{4}-|haneul\.kim@|birth/);
    });

    it('reveals the full contact through its own call', async () => {
      const { data } = await client.revealMemberContact(MINJUN);
      expect(data).toEqual({ userId: MINJUN, mobileNumber: '010-2419-8863', email: 'minjun.kim@example.com', birthDate: '19970503' });
    });

    it('keeps 2^53 + 1 apart from 2^53', async () => {
      expect((await client.getMemberProfile('9007199254740993')).data.userName).toBe('이서준');
      expect((await rejection(client.getMemberProfile('9007199254740992'))).code).toBe('001_006');
    });

    it(`goes ${mode === 'encrypted' ? 'encrypted' : 'plain'}, and only the member information does`, async () => {
      await client.getMemberProfile(KIM);
      await client.getDeliveryStatus({ userId: KIM, cardApplyNo: 'AP240315UEZSB2P5B6SVGF' });
      await client.listCardProducts(['SVCPP0000000101']);
      const memberCall = wire.find((w) => w.path.endsWith('/api/v1/user/info'))!;
      expect(memberCall.body.startsWith('{"encData":')).toBe(mode === 'encrypted');
      for (const other of wire.filter((w) => !w.path.endsWith('/api/v1/user/info'))) expect(other.body).not.toContain('encData');
    });
  });

  describe('faults', () => {
    const inject = (target: string, fault: object) =>
      control(`/faults/${target}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fault) });
    const calls = async (target: string) => ((await control('/calls')).calls as Record<string, number>)[target] ?? 0;

    it('a dropped status change is "outcome unknown" and not retried', async () => {
      await inject('card-status', { kind: 'drop' });
      const error = await rejection(client.changeCardStatus({ userId: KIM, par: ACTIVE_PAR, status: 'SUSPEND' }));
      expect(error).toMatchObject({ kind: 'network', outcomeUnknown: true });
      expect(await calls('card-status')).toBe(1);
    });

    it('a dropped delivery inquiry is retried once, a dropped cancellation never', async () => {
      await inject('delivery-inquiry', { kind: 'drop' });
      await inject('delivery-cancel', { kind: 'drop' });
      await rejection(client.getDeliveryStatus({ userId: KIM, cardApplyNo: 'AP240315UEZSB2P5B6SVGF' }));
      expect(await calls('delivery-inquiry')).toBe(2);
      expect(await rejection(client.cancelCardApplication({ userId: KIM, cardApplyNo: 'AP240315UEZSB2P5B6SVGF' }))).toMatchObject({
        outcomeUnknown: true,
      });
      expect(await calls('delivery-cancel')).toBe(1);
    });
  });
});
