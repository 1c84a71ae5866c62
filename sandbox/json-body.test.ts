import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonNumber, parseJson } from './json-body';
import { startTestSandbox, type TestSandbox } from './test-helpers';

describe('parseJson', () => {
  it('keeps number literals as their digits', () => {
    const value = parseJson('{"userInfo":{"userId":9999999999999999999},"n":[9007199254740993,-1.5e3]}') as {
      userInfo: { userId: JsonNumber };
      n: JsonNumber[];
    };
    expect(value.userInfo.userId).toEqual(new JsonNumber('9999999999999999999'));
    expect(value.n.map((n) => n.literal)).toEqual(['9007199254740993', '-1.5e3']);
  });

  it('parses the other JSON values like JSON.parse', () => {
    const text = ' {"a":"x\\u00e9\\n\\"","b":[true,false,null,{}],"c":[],"d":"한글"} ';
    expect(parseJson(text)).toEqual(JSON.parse(text));
  });

  it('keeps "__proto__" a plain key', () => {
    const value = parseJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
  });

  it.each(['', '{', '{"a":1,}', '[1 2]', '01', '{"a":01}', "{'a':1}", '{"a":1} x', '"\u0001"', 'NaN', '1.', '-'])(
    'rejects %j',
    (text) => {
      expect(() => parseJson(text)).toThrow();
    },
  );
});

describe('userId on the wire', () => {
  let sandbox: TestSandbox;
  const search = (raw: string) => sandbox.call('/api/v1/user/card/list', raw);

  beforeAll(async () => {
    sandbox = await startTestSandbox({ controlEnabled: true });
  });
  afterAll(() => sandbox.stop());

  it('reads 9999999999999999999 exactly and logs the raw body intact', async () => {
    const { status, body } = await search('{"userId":9999999999999999999}');
    expect(status).toBe(200);
    expect((body.cardDataInfo as unknown[]).length).toBeGreaterThan(0);
    expect(sandbox.sandbox.log.last(1)[0]?.rawBody).toBe('{"userId":9999999999999999999}');
  });

  it('tells 2^53 + 1 (a member) from 2^53 (not a member)', async () => {
    expect((await search('{"userId":9007199254740993}')).status).toBe(200);
    expect((await search('{"userId":9007199254740992}')).body.response.code).toBe('001_006');
  });

  it.each([
    ['a JSON string', '{"userId":"9999999999999999999"}'],
    ['20 digits', '{"userId":10000000000000000000}'],
    ['zero', '{"userId":0}'],
    ['negative', '{"userId":-1}'],
    ['a fraction', '{"userId":1.5}'],
    ['an exponent', '{"userId":1e3}'],
    ['a trailing .0', '{"userId":1000000001.0}'],
    ['null', '{"userId":null}'],
  ])('refuses userId as %s → 000_002 userId', async (_name, raw) => {
    const { status, body } = await search(raw);
    expect(status).toBe(400);
    expect(body.response).toEqual({ code: '000_002', description: 'Invalid input parameter. userId' });
  });

  it('refuses a missing userId → 000_003 userId', async () => {
    const { body } = await search('{}');
    expect(body.response).toEqual({ code: '000_003', description: 'Missing required values. userId' });
  });

  it('refuses a body that is not an object → 000_002 body', async () => {
    expect((await search('[9999999999999999999]')).body.response.description).toBe('Invalid input parameter. body');
  });

  it('reads a nested userInfo.userId exactly (issuance)', async () => {
    const raw =
      '{"userInfo":{"userId":9007199254740993},"serviceId":"SVCPP0000000102","isDeliveryRequired":false}';
    const { status } = await sandbox.call('/api/v1/prepay-card/issue/delivery', raw);
    expect(status).toBe(200);
    expect(sandbox.sandbox.state.cardsOf('9007199254740993').length).toBe(4);
    expect(sandbox.sandbox.state.cardsOf('9007199254740992')).toEqual([]);
  });
});
