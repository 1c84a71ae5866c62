import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

const encode = (plain: string) => Buffer.from(plain, 'utf8').toString('base64url');
const KINDS = ['action', 'state'] as const;

describe('keyset cursor', () => {
  it('round-trips an exact microsecond time and an id, with or without a kind', () => {
    const plain = { at: '2026-05-01T00:00:00.123456Z', id: 42 };
    const text = encodeCursor(plain);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(plain);

    const kinded = { at: '2026-12-31T23:59:59.999999Z', kind: 'state' as const, id: 9_007_199_254_740_991 };
    expect(decodeCursor(encodeCursor(kinded), KINDS)).toEqual(kinded);
  });

  it('reads the links issued so far (same text as before the codecs were merged)', () => {
    expect(decodeCursor(encode('2026-05-01T00:00:00.123456Z|42'))).toEqual({ at: '2026-05-01T00:00:00.123456Z', id: 42 });
    expect(decodeCursor(encode('2026-05-01T00:00:00.000001Z|action|7'), KINDS)).toEqual({
      at: '2026-05-01T00:00:00.000001Z',
      kind: 'action',
      id: 7,
    });
  });

  it('refuses malformed text', () => {
    for (const bad of [
      '',
      'a+b',
      'a'.repeat(201),
      encode('2026-05-01|1'),
      encode('2026-05-01T00:00:00.123Z|1'),
      encode('2026-05-01T00:00:00.123456|1'),
      encode('2026-05-01T00:00:00.123456Z|0'),
      encode('2026-05-01T00:00:00.123456Z|01'),
      encode('2026-05-01T00:00:00.123456Z|-1'),
      encode('2026-05-01T00:00:00.123456Z|1.5'),
      encode('2026-05-01T00:00:00.123456Z|99999999999999999'),
      encode('2026-05-01T00:00:00.123456Z|1|2'),
      encode('2026-05-01T00:00:00.123456Z'),
      encode("x|1; drop table audit_events"),
    ]) {
      expect(decodeCursor(bad), bad).toBeNull();
    }
  });

  it('refuses dates that do not exist instead of rolling them over', () => {
    expect(decodeCursor(encode('2026-02-30T00:00:00.000000Z|1'))).toBeNull();
    expect(decodeCursor(encode('2026-05-01T24:00:00.000000Z|1'))).toBeNull();
    expect(decodeCursor(encode('2026-13-01T00:00:00.000000Z|1'))).toBeNull();
  });

  it('refuses a kind where none is expected, a missing or unknown kind where one is', () => {
    const kinded = encodeCursor({ at: '2026-05-01T00:00:00.123456Z', kind: 'action', id: 1 });
    const plain = encodeCursor({ at: '2026-05-01T00:00:00.123456Z', id: 1 });
    expect(decodeCursor(kinded)).toBeNull();
    expect(decodeCursor(plain, KINDS)).toBeNull();
    expect(decodeCursor(encode('2026-05-01T00:00:00.123456Z|event|1'), KINDS)).toBeNull();
  });

  it('refuses tampered text: edited characters and other spellings of the same bytes', () => {
    const text = encodeCursor({ at: '2026-05-01T00:00:00.123456Z', id: 42 });
    const flipped = `${text.slice(0, 5)}${text[5] === 'A' ? 'B' : 'A'}${text.slice(6)}`;
    expect(decodeCursor(flipped)).toBeNull();
    // Same decoded bytes, different text: padding and unused trailing bits.
    expect(decodeCursor(`${text}=`)).toBeNull();
    const shortTail = encodeCursor({ at: '2026-05-01T00:00:00.123456Z', id: 4 });
    const last = shortTail[shortTail.length - 1]!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]!;
    const respelled = `${shortTail.slice(0, -1)}${sibling}`;
    // 29 bytes: the last character carries two unused bits, so flipping its lowest bit keeps the bytes.
    expect(Buffer.from(respelled, 'base64url').equals(Buffer.from(shortTail, 'base64url'))).toBe(true);
    expect(decodeCursor(respelled)).toBeNull();
    expect(decodeCursor(shortTail)).toEqual({ at: '2026-05-01T00:00:00.123456Z', id: 4 });
  });
});
