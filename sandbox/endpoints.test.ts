import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { luhnValid } from './identifiers';
import { listScenarios, SAMPLE_ADDRESS } from './scenarios';
import { startTestSandbox, type TestSandbox } from './test-helpers';

const KIM = '9999999999999999999';
const PATHS = {
  list: '/api/v1/user/card/list',
  unregistered: '/api/v1/unregister/card/info',
  issue: '/api/v1/prepay-card/issue/delivery',
  reissue: '/api/v1/prepay-card/reissue/delivery',
  debit: '/api/v1/direct-card/issue/delivery',
};
type CardItem = Record<string, unknown> & { par: string; cardBizStatus: string };

let sandbox: TestSandbox;
const cardsOf = async (userId: string, filter: Record<string, string> = {}) =>
  (await sandbox.call(PATHS.list, { userId, ...filter })).body.cardDataInfo as CardItem[];
const scenario = (endpoint: string, code: string) => {
  const found = listScenarios(sandbox.sandbox.fixture).find((s) => s.endpoint === endpoint && s.code === code);
  if (!found) throw new Error(`no ${endpoint} ${code} scenario`);
  return found;
};

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.sandbox.reset());

describe('card list', () => {
  it('answers every field of the reference, with full card numbers', async () => {
    const cards = await cardsOf(KIM);
    const named = cards.find((card) => card.isNamed === true && card.serviceId === 'SVCPP0000000101' && card.balance === 300000);
    expect(named).toMatchObject({
      serviceName: expect.any(String),
      serviceImageUrl: '/card-products/SVCPP0000000101.svg',
      mobileCardStatus: 'ACTIVE',
      expiryDate: expect.stringMatching(/^\d{8}$/),
      pendingAmount: 0,
      // Named: maxRealName 2000000 − balance 300000.
      rechargeableAmount: 1700000,
      minRechargeAmount: 10000,
      maxRealNameRechargeAmount: 2000000,
      maxNonRealNameRechargeAmount: 500000,
      rechargeUnitAmt: 10000,
      rechargeable: true,
      personalRechargeable: true,
      refundable: true,
      remittable: true,
      autoReloadStatus: 'ACTIVE',
      cardLifeStatus: '60',
      cardBizStatus: '60',
      accTransferStatus: '0',
      enableVirtualAccountPendingAmount: true,
      virtualAccountMaxPendingAmount: 2500000,
    });
    expect(named?.mobileCardNo).toMatch(/^\d{16}$/);
    expect(luhnValid(String(named?.physicalCardNo))).toBe(true);
    expect(named?.par).toHaveLength(27);
    expect(named).not.toHaveProperty('cvc');
    expect(named).not.toHaveProperty('owner');
    const debit = cards.find((card) => card.bankInfo !== undefined);
    expect(debit).toMatchObject({ limits: { day: 6000000, once: 2000000, month: 20000000 }, bankInfo: { enableFIC: true } });
  });

  it('computes rechargeableAmount of an unnamed card from the unnamed maximum, floored at 0', async () => {
    const [card] = await cardsOf('9007199254740993', {});
    expect(card).toMatchObject({ isNamed: false, balance: 480000, rechargeableAmount: 20000 });
    const full = (await cardsOf(KIM)).find((c) => c.balance === 2000000);
    expect(full?.rechargeableAmount).toBe(0);
  });

  it('covers every status the reference lists', async () => {
    const all = [...(await cardsOf(KIM)), ...(await cardsOf('9007199254740993'))];
    expect(new Set(all.map((c) => c.cardBizStatus))).toEqual(new Set(['31', '35', '36', '3A', '60', '61']));
    expect(new Set(all.map((c) => c.cardLifeStatus))).toEqual(new Set(['30', '60', '90']));
    expect(new Set(all.map((c) => c.accTransferStatus))).toEqual(new Set(['0', '1']));
    expect(new Set(all.map((c) => c.autoReloadStatus))).toEqual(new Set(['ACTIVE', 'INACTIVE', 'NONE', undefined]));
  });

  it('narrows by par and by physicalCardNo; no match is an empty success', async () => {
    const [first] = await cardsOf(KIM);
    expect((await cardsOf(KIM, { par: first!.par })).map((c) => c.par)).toEqual([first!.par]);
    const physical = String(first!.physicalCardNo);
    expect((await cardsOf(KIM, { physicalCardNo: physical })).map((c) => c.par)).toEqual([first!.par]);
    expect(await cardsOf('9007199254740993', { par: first!.par })).toEqual([]);
  });
});

describe('unregistered card', () => {
  it('answers the card by number, MMYY expiry and CVC', async () => {
    const ok = scenario('unregistered-card', '000_000');
    const { body } = await sandbox.call(PATHS.unregistered, ok.request);
    expect(body.cardDataInfo).toMatchObject({
      par: ok.par,
      affiliateId: expect.stringMatching(/^.{15}$/),
      balance: 50000,
      rechargeableAmount: 450000,
      physicalCardNo: ok.request.cardNo,
      physicalCardStatus: 'ACTIVE',
      overseaPaymentable: false,
    });
    expect(body.cardDataInfo).not.toHaveProperty('mobileCardStatus');
  });

  it('reports the length fault with the vendor message', async () => {
    const { body } = await sandbox.call(PATHS.unregistered, { cardNo: '123', expiryDate: '1229', cardCVC: '123' });
    expect(body.response).toEqual({ code: '000_002', description: 'The length of value does not match, cardNo.' });
  });
});

describe('prepaid issuance', () => {
  it('creates a card the next search shows: mobile active, physical suspended until received', async () => {
    const before = await cardsOf(KIM);
    const request = { userInfo: { userId: KIM }, serviceId: 'SVCPP0000000101', addressInfo: SAMPLE_ADDRESS };
    const { status, body } = await sandbox.call(PATHS.issue, request);
    expect(status).toBe(200);
    expect(body.cardApplyNo).toMatch(/^AP\d{6}[A-Z0-9]{14}$/);
    expect(body.mobileCardCVC).toMatch(/^\d{3}$/);
    expect(luhnValid(String(body.mobileCardNo))).toBe(true);
    const after = await cardsOf(KIM);
    expect(after).toHaveLength(before.length + 1);
    const card = after.find((c) => c.par === body.mobileCardPar);
    const fiveYears = String(new Date().getUTCFullYear() + 5);
    expect(card).toMatchObject({
      cardApplyNo: body.cardApplyNo,
      mobileCardNo: body.mobileCardNo,
      mobileCardStatus: 'ACTIVE',
      physicalCardNo: expect.stringMatching(/^\d{16}$/),
      physicalCardStatus: 'SUSPENDED',
      balance: 0,
      isNamed: false,
      cardLifeStatus: '60',
      cardBizStatus: '60',
      expiryDate: expect.stringMatching(new RegExp(`^${fiveYears}\\d{4}$`)),
    });
    expect(card?.par).toMatch(/^Q1J4[A-Z0-9]{23}$/);
  });

  it('issues a mobile card only when delivery is declined (mobile-type product)', async () => {
    const { body } = await sandbox.call(PATHS.issue, {
      userInfo: { userId: KIM },
      serviceId: 'SVCPP0000000102',
      isDeliveryRequired: false,
    });
    const card = (await cardsOf(KIM)).find((c) => c.par === body.mobileCardPar);
    expect(card).toBeDefined();
    expect(card).not.toHaveProperty('physicalCardNo');
  });

  it('names the bad address field', async () => {
    const { body } = await sandbox.call(PATHS.issue, {
      userInfo: { userId: KIM },
      serviceId: 'SVCPP0000000101',
      addressInfo: { ...SAMPLE_ADDRESS, zipCode: undefined },
    });
    expect(body.response).toEqual({ code: '000_003', description: 'Missing required values. addressInfo.zipCode' });
  });
});

describe('prepaid reissuance', () => {
  it('marks the old card 3A (stopped), adds the new one, and refuses a second reissue with 003_018', async () => {
    const { request, par, userId } = scenario('prepaid-reissue', '000_000');
    const first = await sandbox.call(PATHS.reissue, request);
    expect(first.status).toBe(200);
    const cards = await cardsOf(userId!);
    expect(cards.find((c) => c.par === par)).toMatchObject({ cardBizStatus: '3A', cardLifeStatus: '30' });
    expect(cards.find((c) => c.par === first.body.mobileCardPar)).toMatchObject({ cardBizStatus: '60', isNamed: true });
    const second = await sandbox.call(PATHS.reissue, request);
    expect(second.body.response.code).toBe('003_018');
  });

  it('changes nothing when refused', async () => {
    const { request, userId } = scenario('prepaid-reissue', '003_051');
    const before = await cardsOf(userId!);
    expect((await sandbox.call(PATHS.reissue, request)).body.response.code).toBe('003_051');
    expect(await cardsOf(userId!)).toEqual(before);
  });
});

describe('debit issuance', () => {
  it('creates a debit card with limits and the given account', async () => {
    const { request } = scenario('debit-issue', '000_000');
    const { body } = await sandbox.call(PATHS.debit, { ...request, bankInfo: { bankCode: '301', accountNo: '3333012345' } });
    expect(body).toMatchObject({ response: { code: '000_000' }, physicalCardNo: expect.stringMatching(/^\d{16}$/) });
    expect(body.expiryDate).toMatch(/^\d{8}$/);
    const card = (await cardsOf(KIM)).find((c) => c.physicalCardNo === body.physicalCardNo);
    expect(card).toMatchObject({
      mobileCardNo: body.mobileCardNo,
      isNamed: true,
      limits: { day: 6000000, once: 2000000, month: 20000000 },
      bankInfo: { bankName: '샌드박스은행', accountNo: '3333012345', enableFIC: true },
    });
  });

  it('issues without cash IC when the product has none', async () => {
    const ok = listScenarios(sandbox.sandbox.fixture).find((s) => s.description.startsWith('Success without cash IC'))!;
    expect(ok.request.enableFIC).toBe(true);
    const { body } = await sandbox.call(PATHS.debit, ok.request);
    expect(body.response.code).toBe('000_000');
    expect(body).not.toHaveProperty('mobileCardNo');
    const card = (await cardsOf(KIM)).find((c) => c.physicalCardNo === body.physicalCardNo);
    expect(card?.bankInfo).toMatchObject({ enableFIC: false });
  });

  it('keeps the resident registration number out of the request log', async () => {
    const { request } = scenario('debit-issue', '000_000');
    await sandbox.call(PATHS.debit, request);
    const logged = sandbox.sandbox.log.last(1)[0]?.rawBody ?? '';
    expect(logged).toContain('"residentRegistrationNo":"*************"');
    expect(logged).not.toContain('9001011234567');
  });
});
