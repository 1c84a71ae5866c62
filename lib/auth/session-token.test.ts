import { encode } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Counts next-auth's decryptions while keeping them real.
const decryptions = vi.hoisted(() => ({ count: 0 }));
vi.mock('next-auth/jwt', async (importOriginal) => {
  const original = await importOriginal<typeof import('next-auth/jwt')>();
  return {
    ...original,
    decode: (params: Parameters<typeof original.decode>[0]) => {
      decryptions.count++;
      return original.decode(params);
    },
  };
});

const { decodeOnce } = await import('./session-token');
const secret = 'a-test-secret-of-enough-length-0123456789';

describe('the session cookie, decrypted once per value', () => {
  afterEach(() => {
    vi.useRealTimers();
    decryptions.count = 0;
  });

  it('decrypts a value once, then answers it from memory', async () => {
    const token = await encode({ token: { sub: 'op', sid: 'session-1' }, secret });
    const first = await decodeOnce({ token, secret });
    const second = await decodeOnce({ token, secret });
    expect(first).toMatchObject({ sub: 'op', sid: 'session-1' });
    expect(second).toEqual(first);
    expect(decryptions.count).toBe(1);
  });

  it('decrypts it again once it has expired, and refuses it as next-auth does', async () => {
    const token = await encode({ token: { sid: 'session-2' }, secret, maxAge: 60 });
    expect(await decodeOnce({ token, secret })).toMatchObject({ sid: 'session-2' });
    // Past exp and next-auth's 15 s of tolerance.
    vi.useFakeTimers({ now: Date.now() + 76_000, toFake: ['Date'] });
    await expect(decodeOnce({ token, secret })).rejects.toThrow(/exp/);
    expect(decryptions.count).toBe(2);
  });

  it('remembers nothing that does not decrypt: a forged or altered value fails every time', async () => {
    const token = await encode({ token: { sid: 'session-3' }, secret });
    const altered = `${token.slice(0, -4)}AAAA`;
    await expect(decodeOnce({ token: altered, secret })).rejects.toThrow();
    await expect(decodeOnce({ token: altered, secret })).rejects.toThrow();
    // Known under the right key, still refused under another.
    expect(await decodeOnce({ token, secret })).toMatchObject({ sid: 'session-3' });
    await expect(decodeOnce({ token, secret: `${secret}-other` })).rejects.toThrow();
    expect(decryptions.count).toBe(4);
  });

  it('has no token for no cookie', async () => {
    expect(await decodeOnce({ token: undefined, secret })).toBeNull();
    expect(decryptions.count).toBe(0);
  });
});
