import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateSandboxKeys } from './crypto';
import { kstDate } from './delivery';
import { loadFixture } from './fixture';
import { listScenarios, SAMPLE_ADDRESS } from './scenarios';
import { cryptoOptions, startTestSandbox, type SandboxKeys, type TestSandbox } from './test-helpers';

/** The card status, delivery, cancellation, product and member endpoints, and the state they move. */

const KIM = '9999999999999999999';
const MINJUN = '1000000008';
const PATHS = {
  list: '/api/v1/user/card/list',
  issue: '/api/v1/prepay-card/issue/delivery',
  reissue: '/api/v1/prepay-card/reissue/delivery',
  status: '/api/v1/card/status',
  delivery: '/api/v1/card/delivery/inquiry',
  cancel: '/api/v1/card/delivery/cancel',
  products: '/api/v1/service/info/list',
  member: '/api/v1/user/info',
};
const ACTIVE_PAR = 'Q1J4D526JR3WG30EM2U8LDJSE8V';
const LOST_PAR = 'Q1J4DLHMNU9VHZ5LLBLRU3M1GSV';
const BEFORE_RECEIPT_PAR = 'Q1J4CN2GA5ZUYZRJAT99UWM6PEV';
const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

type CardItem = Record<string, unknown> & { par: string };

let sandbox: TestSandbox;
const control = (path: string, init?: RequestInit) => fetch(`${sandbox.origin}/__sandbox${path}`, init);
const patchApplication = (cardApplyNo: string, patch: unknown) =>
  control(`/applications/${cardApplyNo}`, { method: 'PATCH', body: JSON.stringify(patch) });
const cardOf = async (userId: string, par: string) =>
  ((await sandbox.call(PATHS.list, { userId, par })).body.cardDataInfo as CardItem[])[0];
const code = async (path: string, body: unknown) => (await sandbox.call(path, body)).body.response.code;
const deliveryOf = async (userId: string, cardApplyNo: string) => (await sandbox.call(PATHS.delivery, { userId, cardApplyNo })).body;
const advance = (ms: number) => sandbox.sandbox.state.advanceClock(ms);

async function issue(userId = KIM, serviceId = 'SVCPP0000000101', delivered = true) {
  const { body } = await sandbox.call(PATHS.issue, {
    userInfo: { userId },
    serviceId,
    isDeliveryRequired: delivered,
    ...(delivered ? { addressInfo: SAMPLE_ADDRESS } : {}),
  });
  expect(body.response.code).toBe('000_000');
  return { par: String(body.mobileCardPar), cardApplyNo: String(body.cardApplyNo), mobileCardNo: String(body.mobileCardNo) };
}

beforeAll(async () => {
  sandbox = await startTestSandbox({ controlEnabled: true });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.sandbox.reset());

describe('card status', () => {
  it('reads SUSPEND as a lost report (31), which the reissuance then accepts', async () => {
    expect(await code(PATHS.status, { userId: KIM, par: ACTIVE_PAR, status: 'SUSPEND' })).toBe('000_000');
    expect(await cardOf(KIM, ACTIVE_PAR)).toMatchObject({
      cardBizStatus: '31',
      cardLifeStatus: '30',
      mobileCardStatus: 'SUSPENDED',
      physicalCardStatus: 'SUSPENDED',
    });
    const reissue = await sandbox.call(PATHS.reissue, {
      userInfo: { userId: KIM },
      cardInfo: { par: ACTIVE_PAR },
      isDeliveryRequired: true,
      addressInfo: SAMPLE_ADDRESS,
    });
    expect(reissue.body.response.code).toBe('000_000');
    expect(await cardOf(KIM, ACTIVE_PAR)).toMatchObject({ cardBizStatus: '3A' });
  });

  it('RESUME releases the lost report: 61, life 60, both cards ACTIVE', async () => {
    expect(await code(PATHS.status, { userId: KIM, par: LOST_PAR, status: 'RESUME' })).toBe('000_000');
    expect(await cardOf(KIM, LOST_PAR)).toMatchObject({
      cardBizStatus: '61',
      cardLifeStatus: '60',
      mobileCardStatus: 'ACTIVE',
      physicalCardStatus: 'ACTIVE',
    });
    // And it can be suspended again.
    expect(await code(PATHS.status, { userId: KIM, par: LOST_PAR, status: 'SUSPEND' })).toBe('000_000');
  });

  it('finds the card by its mobile or physical number, and refuses par and number of two cards', async () => {
    const card = (await cardOf(KIM, ACTIVE_PAR))!;
    expect(await code(PATHS.status, { userId: KIM, cardNo: card.mobileCardNo, status: 'SUSPEND' })).toBe('000_000');
    expect(await code(PATHS.status, { userId: KIM, cardNo: card.physicalCardNo, status: 'RESUME' })).toBe('000_000');
    const other = (await cardOf(KIM, LOST_PAR))!;
    expect(await code(PATHS.status, { userId: KIM, par: ACTIVE_PAR, cardNo: other.physicalCardNo, status: 'SUSPEND' })).toBe('003_001');
  });

  it('changes nothing when refused', async () => {
    const before = (await sandbox.call(PATHS.list, { userId: KIM })).body.cardDataInfo;
    expect(await code(PATHS.status, { userId: KIM, par: ACTIVE_PAR, status: 'RESUME' })).toBe('003_906');
    expect(await code(PATHS.status, { userId: KIM, status: 'SUSPEND' })).toBe('000_003');
    expect((await sandbox.call(PATHS.list, { userId: KIM })).body.cardDataInfo).toEqual(before);
  });

  it('keeps a physical card not yet received SUSPENDED on RESUME, until its delivery arrives', async () => {
    const { par } = await issue();
    expect(await code(PATHS.status, { userId: KIM, par, status: 'SUSPEND' })).toBe('000_000');
    expect(await code(PATHS.status, { userId: KIM, par, status: 'RESUME' })).toBe('000_000');
    expect(await cardOf(KIM, par)).toMatchObject({ cardBizStatus: '61', mobileCardStatus: 'ACTIVE', physicalCardStatus: 'SUSPENDED' });
    advance(4 * DAY);
    expect(await cardOf(KIM, par)).toMatchObject({ cardBizStatus: '61', physicalCardStatus: 'ACTIVE' });
  });
});

describe('delivery', () => {
  it('moves an application one step a day, and the arrival activates the physical card', async () => {
    const { cardApplyNo, par } = await issue();
    expect(cardApplyNo).toMatch(new RegExp(`^AP${kstDate(new Date()).slice(2)}`));
    const seen: unknown[] = [];
    for (let day = 0; day < 6; day += 1) {
      seen.push((await deliveryOf(KIM, cardApplyNo)).status);
      if (day === 3) expect(await cardOf(KIM, par)).toMatchObject({ physicalCardStatus: 'SUSPENDED' });
      advance(DAY);
    }
    expect(seen).toEqual(['READY', 'RECEIPT', 'PRE_SHIPPING', 'SHIPPING', 'ARRIVAL', 'ARRIVAL']);
    expect(await cardOf(KIM, par)).toMatchObject({ physicalCardStatus: 'ACTIVE', cardBizStatus: '60' });
  });

  it('takes its step from the configuration', async () => {
    const fast = await startTestSandbox({ deliveryStepMinutes: 10 });
    try {
      const { body } = await fast.call(PATHS.issue, { userInfo: { userId: KIM }, serviceId: 'SVCPP0000000101', addressInfo: SAMPLE_ADDRESS });
      fast.sandbox.state.advanceClock(25 * MINUTE);
      expect((await fast.call(PATHS.delivery, { userId: KIM, cardApplyNo: body.cardApplyNo })).body.status).toBe('PRE_SHIPPING');
    } finally {
      await fast.stop();
    }
  });

  it('answers the statuses QA sets, and an ARRIVAL set by hand turns 36 into 60', async () => {
    const owner = '9007199254740993';
    const card = (await cardOf(owner, BEFORE_RECEIPT_PAR))!;
    const cardApplyNo = String(card.cardApplyNo);
    expect((await deliveryOf(owner, cardApplyNo)).status).toBe('SHIPPING');
    for (const status of ['LOST', 'RETURN', 'ETC']) {
      expect((await patchApplication(cardApplyNo, { deliveryStatus: status })).status).toBe(200);
      expect((await deliveryOf(owner, cardApplyNo)).status).toBe(status);
      expect(await cardOf(owner, BEFORE_RECEIPT_PAR)).toMatchObject({ cardBizStatus: '36', physicalCardStatus: 'SUSPENDED' });
    }
    const response = await patchApplication(cardApplyNo, { deliveryStatus: 'ARRIVAL' });
    expect(((await response.json()) as { application: unknown }).application).toMatchObject({
      cardApplyNo,
      userId: owner,
      deliveryStatus: 'ARRIVAL',
      deliveryStatusPinned: true,
    });
    expect(await cardOf(owner, BEFORE_RECEIPT_PAR)).toMatchObject({ cardBizStatus: '60', physicalCardStatus: 'ACTIVE' });
  });

  it('lets the clock move an application again once unpinned', async () => {
    const { cardApplyNo } = await issue();
    await patchApplication(cardApplyNo, { deliveryStatus: 'LOST' });
    advance(2 * DAY);
    expect((await deliveryOf(KIM, cardApplyNo)).status).toBe('LOST');
    await patchApplication(cardApplyNo, { deliveryStatus: null });
    expect((await deliveryOf(KIM, cardApplyNo)).status).toBe('PRE_SHIPPING');
  });

  it('has no delivery for a mobile-only application, nor for another member', async () => {
    const { cardApplyNo } = await issue(KIM, 'SVCPP0000000102', false);
    expect((await deliveryOf(KIM, cardApplyNo)).response.code).toBe('003_001');
    const { cardApplyNo: delivered } = await issue();
    expect((await deliveryOf('9007199254740993', delivered)).response.code).toBe('003_001');
  });
});

describe('application cancellation', () => {
  it('cancels today’s application: card terminated and kept, delivery CANCEL, mobile card number answered', async () => {
    const { cardApplyNo, par, mobileCardNo } = await issue();
    const { body } = await sandbox.call(PATHS.cancel, { cardApplyNo, userId: KIM });
    expect(body).toEqual({ response: { code: '000_000', description: 'Success.' }, mobileCardNo, par });
    expect(await cardOf(KIM, par)).toMatchObject({ cardLifeStatus: '90', mobileCardStatus: 'SUSPENDED', physicalCardStatus: 'SUSPENDED' });
    expect((await deliveryOf(KIM, cardApplyNo)).status).toBe('CANCEL');
    expect(await code(PATHS.cancel, { cardApplyNo, userId: KIM })).toBe('003_003');
    expect(await code(PATHS.status, { userId: KIM, par, status: 'SUSPEND' })).toBe('003_022');
    // The clock no longer moves a cancelled delivery, and QA cannot set it.
    advance(5 * DAY);
    expect((await deliveryOf(KIM, cardApplyNo)).status).toBe('CANCEL');
    expect((await patchApplication(cardApplyNo, { deliveryStatus: 'ARRIVAL' })).status).toBe(409);
  });

  it('refuses an application from yesterday (003_002) or whose mobile card was used (003_003)', async () => {
    const first = await issue();
    expect((await patchApplication(first.cardApplyNo, { appliedDaysAgo: 1 })).status).toBe(200);
    expect(await code(PATHS.cancel, { cardApplyNo: first.cardApplyNo, userId: KIM })).toBe('003_002');
    const second = await issue();
    await patchApplication(second.cardApplyNo, { mobileCardUsed: true });
    expect(await code(PATHS.cancel, { cardApplyNo: second.cardApplyNo, userId: KIM })).toBe('003_003');
    expect(await cardOf(KIM, second.par)).toMatchObject({ cardLifeStatus: '60' });
  });

  it('refuses once the card has left for the courier, or is suspended', async () => {
    const shipped = await issue();
    await patchApplication(shipped.cardApplyNo, { deliveryStatus: 'PRE_SHIPPING' });
    expect(await code(PATHS.cancel, { cardApplyNo: shipped.cardApplyNo, userId: KIM })).toBe('003_003');
    const suspended = await issue();
    await sandbox.call(PATHS.status, { userId: KIM, par: suspended.par, status: 'SUSPEND' });
    expect(await code(PATHS.cancel, { cardApplyNo: suspended.cardApplyNo, userId: KIM })).toBe('003_003');
  });

  it('counts the day in Korea: an application a minute before midnight KST is not cancelable two minutes later', async () => {
    const now = sandbox.sandbox.state.now();
    const kstNow = new Date(now.getTime() + 9 * 3_600_000);
    const toMidnight = DAY - ((kstNow.getUTCHours() * 60 + kstNow.getUTCMinutes()) * MINUTE + kstNow.getUTCSeconds() * 1000 + kstNow.getUTCMilliseconds());
    advance(toMidnight - MINUTE);
    const { cardApplyNo } = await issue();
    advance(2 * MINUTE);
    expect(await code(PATHS.cancel, { cardApplyNo, userId: KIM })).toBe('003_002');
  });

  it('puts the card a cancelled reissuance replaced back to "suspended: lost"', async () => {
    const { body } = await sandbox.call(PATHS.reissue, {
      userInfo: { userId: KIM },
      cardInfo: { par: LOST_PAR },
      isDeliveryRequired: true,
      addressInfo: SAMPLE_ADDRESS,
    });
    expect(await cardOf(KIM, LOST_PAR)).toMatchObject({ cardBizStatus: '3A' });
    expect(await code(PATHS.cancel, { cardApplyNo: body.cardApplyNo, userId: KIM })).toBe('000_000');
    expect(await cardOf(KIM, LOST_PAR)).toMatchObject({ cardBizStatus: '31', cardLifeStatus: '30' });
  });

  it('refuses another member’s application as an invalid cardApplyNo', async () => {
    const { cardApplyNo } = await issue();
    const { body } = await sandbox.call(PATHS.cancel, { cardApplyNo, userId: MINJUN });
    expect(body.response).toEqual({ code: '000_002', description: 'Invalid input parameter. cardApplyNo' });
  });
});

describe('product inquiry', () => {
  it('answers the console’s eleven products, in the order asked, each once', async () => {
    const svgs = readdirSync(new URL('../public/card-products/', import.meta.url)).map((name) => name.replace(/\.svg$/, ''));
    const ids = loadFixture().products.map((p) => p.serviceId);
    expect([...ids].sort()).toEqual([...svgs].sort());
    const asked = [...ids].reverse();
    const { body } = await sandbox.call(PATHS.products, { serviceIdList: [...asked, asked[0], 'SVCPP0000000999'] });
    const infos = body.serviceInfos as Record<string, unknown>[];
    expect(infos.map((info) => info.serviceId)).toEqual(asked);
    expect(infos.find((info) => info.serviceId === 'SVCPP0000000101')).toEqual({
      serviceId: 'SVCPP0000000101',
      serviceName: '코나 에브리데이 선불카드',
      serviceImageUrl: '/card-products/SVCPP0000000101.svg',
      affiliateId: 'AFFKONAPLATE001',
      rechargeable: true,
      refundable: true,
      remittable: true,
      personalRechargeable: true,
      overseaPaymentable: false,
      minRechargeAmount: 10000,
      maxRealNameRechargeAmount: 2000000,
      maxNonRealNameRechargeAmount: 500000,
      rechargeUnitAmt: 10000,
    });
  });

  it('names the bad id by its position', async () => {
    const { body } = await sandbox.call(PATHS.products, { serviceIdList: ['SVCPP0000000101', 'short'] });
    expect(body.response).toEqual({ code: '000_002', description: 'Invalid input parameter. serviceIdList[1]' });
  });
});

describe('member information', () => {
  let keys: SandboxKeys;
  let encrypted: TestSandbox;
  beforeAll(async () => {
    keys = await generateSandboxKeys();
    encrypted = await startTestSandbox({ crypto: cryptoOptions(keys) });
  });
  afterAll(() => encrypted.stop());

  it('answers the profile with userId as an exact number literal, and no identity number', async () => {
    const { wireBody, body } = await sandbox.call(PATHS.member, { userId: KIM });
    expect(wireBody).toContain(`"userId":${KIM},`);
    expect(body.userInfo).toMatchObject({
      userName: '김하늘',
      loginId: 'haneul.kim',
      email: expect.stringMatching(/@/),
      mobileNumber: expect.stringMatching(/^010-\d{4}-\d{4}$/),
      birthDate: expect.stringMatching(/^\d{8}$/),
      gender: 'F',
      nationality: 'KR',
      addressInfo: { address: expect.any(String), addressDetail: expect.any(String), zipCode: expect.stringMatching(/^\d{5}$/) },
    });
    expect(wireBody).not.toMatch(/residentRegistration|rrn/i);
  });

  it('is encrypted both ways when asked so', async () => {
    const { body, wireBody } = await encrypted.call(PATHS.member, { userId: MINJUN }, { keys });
    expect(JSON.parse(wireBody)).toHaveProperty('encData');
    expect(body.userInfo).toMatchObject({ userId: Number(MINJUN), userName: '김민준' });
  });

  it('gives every fixture member a profile with a Korean mobile number', () => {
    for (const member of loadFixture().members) expect(member.profile?.mobileNumber).toMatch(/^010-\d{4}-\d{4}$/);
  });
});

describe('control: clock and applications', () => {
  it('moves the clock forward and back on reset', async () => {
    const before = (await (await control('/clock')).json()) as { now: string; offsetMinutes: number; deliveryStepMinutes: number };
    expect(before).toMatchObject({ offsetMinutes: 0, deliveryStepMinutes: 1440 });
    const moved = await control('/clock', { method: 'POST', body: JSON.stringify({ advanceMinutes: 90 }) });
    expect(((await moved.json()) as { offsetMinutes: number }).offsetMinutes).toBe(90);
    await control('/reset', { method: 'POST' });
    expect(((await (await control('/clock')).json()) as { offsetMinutes: number }).offsetMinutes).toBe(0);
  });

  it.each([[{}], [{ advanceMinutes: 0 }], [{ advanceMinutes: 1.5 }], [{ advanceMinutes: 5, extra: 1 }]])('refuses the clock body %j', async (body) => {
    expect((await control('/clock', { method: 'POST', body: JSON.stringify(body) })).status).toBe(400);
  });

  it('lists a member’s applications with their delivery and cancel facts', async () => {
    const { applications } = (await (await control(`/applications?userId=${MINJUN}`)).json()) as {
      applications: { cardApplyNo: string; deliveryStatus: string | null; appliedOn: string; mobileCardUsed: boolean }[];
    };
    const today = kstDate(new Date());
    expect(applications).toHaveLength(5);
    expect(applications.find((a) => a.cardApplyNo === 'AP250601MJ7KQ2TODAY0A1')).toMatchObject({
      deliveryStatus: 'READY',
      appliedOn: today,
      mobileCardUsed: false,
    });
    expect(applications.find((a) => a.cardApplyNo === 'AP250601MJ7KQ2MOBIL005')?.deliveryStatus).toBeNull();
  });

  it('refuses unknown applications, bad patches and a delivery status without delivery', async () => {
    expect((await patchApplication('AP000000XXXXXXXXXXXXXX', { mobileCardUsed: true })).status).toBe(404);
    expect((await patchApplication('AP250601MJ7KQ2TODAY0A1', {})).status).toBe(400);
    expect((await patchApplication('AP250601MJ7KQ2TODAY0A1', { deliveryStatus: 'CANCEL' })).status).toBe(400);
    expect((await patchApplication('AP250601MJ7KQ2TODAY0A1', { appliedDaysAgo: -1 })).status).toBe(400);
    expect((await patchApplication('AP250601MJ7KQ2MOBIL005', { deliveryStatus: 'SHIPPING' })).status).toBe(400);
    expect((await control('/applications/AP250601MJ7KQ2TODAY0A1', { method: 'PUT', body: '{}' })).status).toBe(405);
  });

  it('makes the fixture’s cancel scenarios hold after the controls undo them', async () => {
    const ok = listScenarios(loadFixture()).find((s) => s.endpoint === 'delivery-cancel' && s.code === '000_000')!;
    await patchApplication(ok.cardApplyNo!, { appliedDaysAgo: 1 });
    expect((await sandbox.call(PATHS.cancel, ok.request)).body.response.code).toBe('003_002');
    await control('/reset', { method: 'POST' });
    expect((await sandbox.call(PATHS.cancel, ok.request)).body.response.code).toBe('000_000');
  });
});
