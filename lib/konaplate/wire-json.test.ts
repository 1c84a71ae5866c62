import { describe, expect, it } from 'vitest';
import { NumberLiteral, toWireJson } from './wire-json';

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
