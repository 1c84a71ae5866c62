import { describe, expect, it } from 'vitest';
import { NumberLiteral, parseWireJson, toWireJson } from './wire-json';

describe('toWireJson', () => {
  it('writes a 19-digit userId as an exact number literal', () => {
    const json = toWireJson({ userInfo: { userId: new NumberLiteral('9999999999999999999') } });
    expect(json).toBe('{"userInfo":{"userId":9999999999999999999}}');
    // What Number() would have sent instead:
    expect(JSON.stringify({ userId: Number('9999999999999999999') })).toBe('{"userId":10000000000000000000}');
  });

  it('keeps the digits just above the safe-integer limit', () => {
    expect(toWireJson({ userId: new NumberLiteral('9007199254740993') })).toBe('{"userId":9007199254740993}');
  });

  it('leaves look-alike strings from operator text alone', () => {
    const json = toWireJson({ userId: new NumberLiteral('7'), address: '@@x@@1@@x@@ "quoted"' });
    expect(JSON.parse(json)).toEqual({ userId: 7, address: '@@x@@1@@x@@ "quoted"' });
  });

  it('refuses anything but an integer digit string', () => {
    expect(() => new NumberLiteral('1e3')).toThrow(TypeError);
    expect(() => new NumberLiteral('')).toThrow(TypeError);
    expect(() => new NumberLiteral('0012')).toThrow(TypeError);
  });
});

describe('parseWireJson', () => {
  it('reads a userId number literal as its exact digit string', () => {
    expect(parseWireJson('{"userInfo":{"userId":9999999999999999999,"userName":"김하늘"}}')).toEqual({
      userInfo: { userId: '9999999999999999999', userName: '김하늘' },
    });
    expect(parseWireJson('{ "userId" : 9007199254740993 }')).toEqual({ userId: '9007199254740993' });
    expect(parseWireJson('[{"a":1},{"userId":12}]')).toEqual([{ a: 1 }, { userId: '12' }]);
  });

  it('leaves other numbers, string values and look-alikes inside strings alone', () => {
    const text = '{"balance":9007199254740993,"note":"{\\"userId\\":123}","x":",\\"userId\\":5","userId":"77"}';
    expect(parseWireJson(text)).toEqual({ balance: 9007199254740992, note: '{"userId":123}', x: ',"userId":5', userId: '77' });
  });

  it('keeps a fraction or an exponent as the number it is', () => {
    expect(parseWireJson('{"userId":1.5}')).toEqual({ userId: 1.5 });
    expect(parseWireJson('{"userId":1e3}')).toEqual({ userId: 1000 });
  });
});
