import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './password';

describe('password hashing (scrypt)', () => {
  it('encodes as scrypt$N$r$p$salt$hash with the agreed parameters', async () => {
    const encoded = await hashPassword('correct horse');
    const parts = encoded.split('$');
    expect(parts).toHaveLength(6);
    expect(parts.slice(0, 4)).toEqual(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(parts[4]!, 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5]!, 'base64')).toHaveLength(64);
    expect(needsRehash(encoded)).toBe(false);
  });

  it('uses a random salt per hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same', a)).toBe(true);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('verifies the right password and rejects a wrong one', async () => {
    const encoded = await hashPassword('konaplate-demo');
    expect(await verifyPassword('konaplate-demo', encoded)).toBe(true);
    expect(await verifyPassword('konaplate-demo ', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('handles non-ASCII passwords', async () => {
    const encoded = await hashPassword('비밀번호-пароль-🔑');
    expect(await verifyPassword('비밀번호-пароль-🔑', encoded)).toBe(true);
    expect(await verifyPassword('비밀번호-пароль', encoded)).toBe(false);
  });

  it('accepts other valid parameters read back from storage', async () => {
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('pw', salt, 64, { N: 1024, r: 8, p: 1 });
    const encoded = `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('pw', encoded)).toBe(true);
    expect(needsRehash(encoded)).toBe(true);
  });

  it('returns false, never throws, for malformed encodings', async () => {
    const good = await hashPassword('pw');
    const [, n, r, p, salt, hash] = good.split('$');
    const malformed: (string | null | undefined)[] = [
      null,
      undefined,
      '',
      'plain-text-password',
      'changed-by-admin',
      `bcrypt$${n}$${r}$${p}$${salt}$${hash}`,
      `scrypt$${n}$${r}$${p}$${salt}`,
      `scrypt$${n}$${r}$${p}$${salt}$${hash}$extra`,
      `scrypt$abc$${r}$${p}$${salt}$${hash}`,
      `scrypt$16383$${r}$${p}$${salt}$${hash}`, // N not a power of two
      `scrypt$${2 ** 30}$${r}$${p}$${salt}$${hash}`, // N beyond the bound
      `scrypt$${n}$0$${p}$${salt}$${hash}`,
      `scrypt$${n}$-1$${p}$${salt}$${hash}`,
      `scrypt$${n}$${r}$999$${salt}$${hash}`,
      `scrypt$${n}$${r}$${p}$$${hash}`,
      `scrypt$${n}$${r}$${p}$${salt}$`,
      `scrypt$${n}$${r}$${p}$not base64!$${hash}`,
      `scrypt$${n}$${r}$${p}$${salt}$${hash!.slice(0, -4)}`, // truncated key
      `scrypt$${n}$${r}$${p}$${salt}$QUJD`, // key too short
      `scrypt$${n}$${r}$${p}$QUJD$${hash}`, // salt too short
    ];
    for (const encoded of malformed) {
      await expect(verifyPassword('pw', encoded), String(encoded)).resolves.toBe(false);
    }
    expect(needsRehash('garbage')).toBe(true);
  });
});
