import { describe, expect, it, vi } from 'vitest';
import { createKonaplateClient } from './client';
import { plainCodec, type BodyCodec } from './codec';
import { KonaplateError } from './errors';
import type { TransportConfig } from './transport';

/** The new endpoints' wire bodies and mappings, against a fake fetch (the contract suite runs them against the sandbox). */

const OK = { code: '000_000', description: 'Success.' };
const MEMBER = '9999999999999999999';

/** A codec that marks what it encodes, to see which calls the client encrypts. */
const markingCodec: BodyCodec = {
  keyId: 'k'.repeat(32),
  encode: async (plain) => JSON.stringify({ encData: plain }),
  decode: async (wire) => wire,
};

function clientAnswering(body: string, codec: BodyCodec = plainCodec, status = 200) {
  const fetchImpl = vi.fn<typeof fetch>(async () => new Response(body, { status }));
  const config: TransportConfig = {
    baseUrl: 'http://127.0.0.1:1/open-api',
    aspId: 'ASPSANDBOX00001',
    accessKey: 'a'.repeat(40),
    secretKey: 's',
    timeZone: 'KST',
    readTimeoutMs: 1_000,
    writeTimeoutMs: 1_000,
    codec,
    fetch: fetchImpl,
  };
  const sent = (i = 0) => {
    const [url, init] = fetchImpl.mock.calls[i]!;
    return { url: String(url), body: new TextDecoder().decode(init!.body as Uint8Array), headers: new Headers(init!.headers) };
  };
  return { client: createKonaplateClient(config), sent, fetchImpl };
}

const json = (value: object) => JSON.stringify({ response: OK, ...value });

describe('changeCardStatus', () => {
  it('sends userId as a number literal, the par or the card number, and the status: nothing else', async () => {
    const { client, sent } = clientAnswering(json({}));
    const result = await client.changeCardStatus({ userId: MEMBER, par: 'Q'.repeat(27), status: 'SUSPEND' });
    expect(result.data).toBeNull();
    expect(sent().url).toBe('http://127.0.0.1:1/open-api/api/v1/card/status');
    expect(sent().body).toBe(`{"userId":${MEMBER},"par":"${'Q'.repeat(27)}","status":"SUSPEND"}`);
    await client.changeCardStatus({ userId: '7', cardNo: '9490145601336960', status: 'RESUME' });
    expect(sent(1).body).toBe('{"userId":7,"cardNo":"9490145601336960","status":"RESUME"}');
  });

  it('is plain even with encryption on, and a lost answer is "outcome unknown" (a write, not retried)', async () => {
    const { client, sent, fetchImpl } = clientAnswering('{"response":', markingCodec);
    const error = await client.changeCardStatus({ userId: '7', par: 'Q'.repeat(27), status: 'SUSPEND' }).catch((e: unknown) => e);
    expect(sent().body).not.toContain('encData');
    expect(error).toBeInstanceOf(KonaplateError);
    expect(error).toMatchObject({ kind: 'malformed-response', outcomeUnknown: true });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });
});

describe('delivery', () => {
  it('asks for an application and answers its status', async () => {
    const { client, sent } = clientAnswering(json({ status: 'SHIPPING' }));
    const { data } = await client.getDeliveryStatus({ userId: MEMBER, cardApplyNo: 'AP250301E49DD9PBFXKCAS' });
    expect(data).toEqual({ cardApplyNo: 'AP250301E49DD9PBFXKCAS', status: 'SHIPPING' });
    expect(sent().body).toBe(`{"userId":${MEMBER},"cardApplyNo":"AP250301E49DD9PBFXKCAS"}`);
  });

  it('refuses a status the reference does not list', async () => {
    const { client } = clientAnswering(json({ status: 'FLYING' }));
    await expect(client.getDeliveryStatus({ userId: '7', cardApplyNo: 'A'.repeat(22) })).rejects.toMatchObject({
      kind: 'malformed-response',
    });
  });

  it('masks the discarded mobile card of a cancellation', async () => {
    const { client, sent } = clientAnswering(json({ mobileCardNo: '9490646852095221', par: 'Q'.repeat(27) }));
    const { data } = await client.cancelCardApplication({ userId: '1000000008', cardApplyNo: 'A'.repeat(22) });
    expect(data).toEqual({ cardApplyNo: 'A'.repeat(22), par: 'Q'.repeat(27), mobileCardNoMasked: '9490 64•• •••• 5221' });
    expect(JSON.stringify(data)).not.toContain('9490646852095221');
    expect(sent().body).toBe(`{"cardApplyNo":"${'A'.repeat(22)}","userId":1000000008}`);
  });
});

describe('listCardProducts', () => {
  it('sends the ids as serviceIdList and keeps the documented and known fields', async () => {
    const { client, sent } = clientAnswering(
      json({ serviceInfos: [{ serviceId: 'SVCPP0000000101', serviceName: '코나 에브리데이 선불카드', unknownField: 1 }] }),
    );
    const { data } = await client.listCardProducts(['SVCPP0000000101']);
    expect(data).toEqual([{ serviceId: 'SVCPP0000000101', serviceName: '코나 에브리데이 선불카드' }]);
    expect(sent().body).toBe('{"serviceIdList":["SVCPP0000000101"]}');
  });
});

describe('member information', () => {
  const userInfo = {
    userName: '김민준',
    loginId: 'minjun.kim',
    email: 'minjun.kim@example.com',
    mobileNumber: '010-2419-8863',
    birthDate: '19970503',
    gender: 'M',
    nationality: 'KR',
    joinChannel: 'APP',
    addressInfo: { address: '서울특별시 은평구 통일로 715', addressDetail: '108동 1701호', zipCode: '03310' },
  };
  const answer = (userId: string) =>
    `{"response":{"code":"000_000","description":"Success."},"userInfo":{"userId":${userId},${JSON.stringify(userInfo).slice(1)}}`;

  it('is encrypted, and maps a profile with the phone and e-mail masked, nothing else personal', async () => {
    const { client, sent } = clientAnswering(answer(MEMBER), markingCodec);
    const { data } = await client.getMemberProfile(MEMBER);
    expect(JSON.parse(sent().body)).toEqual({ encData: `{"userId":${MEMBER}}` });
    expect(sent().headers.get('X-KM-Crypto-Key-Id')).toBe('k'.repeat(32));
    expect(data).toEqual({
      userId: MEMBER,
      userName: '김민준',
      loginId: 'minjun.kim',
      mobileNumberMasked: '010-••••-8863',
      emailMasked: 'mi•••@example.com',
      joinChannel: 'APP',
      address: userInfo.addressInfo,
    });
    const text = JSON.stringify(data);
    for (const secret of ['2419', 'minjun.kim@', '19970503', '"M"', 'KR']) expect(text).not.toContain(secret);
  });

  it('reveals the full contact only through its own call', async () => {
    const { client } = clientAnswering(answer(MEMBER));
    const { data } = await client.revealMemberContact(MEMBER);
    expect(data).toEqual({ userId: MEMBER, mobileNumber: '010-2419-8863', email: 'minjun.kim@example.com', birthDate: '19970503' });
  });

  it('refuses an answer about another member, digit for digit (2^53 vs 2^53 + 1)', async () => {
    const { client } = clientAnswering(answer('9007199254740992'));
    await expect(client.getMemberProfile('9007199254740993')).rejects.toMatchObject({ kind: 'malformed-response' });
    const ok = clientAnswering(answer('9007199254740993'));
    await expect(ok.client.getMemberProfile('9007199254740993')).resolves.toBeDefined();
  });
});
