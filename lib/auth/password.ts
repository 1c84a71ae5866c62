import 'server-only';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Operator password hashing with scrypt (node:crypto, no native add-on).
 *
 * Passwords are Unicode-normalised (NFC) first, so the same password typed on different
 * systems (composed vs decomposed Hangul, accents) verifies.
 *
 * Encoding: `scrypt$N$r$p$saltB64$hashB64` (standard base64 with padding), so the cost can be
 * raised later without invalidating stored hashes: verification reads the parameters back.
 */

const N = 16_384;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 64;

// Bounds for parameters read back from storage, so a corrupted or hostile value cannot make
// verification allocate gigabytes or spin for minutes.
const MAX_N = 1 << 20;
const MAX_R = 32;
const MAX_P = 16;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function deriveKey(plain: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(plain.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function memoryFor(n: number, r: number, p: number): number {
  // Node's default maxmem (32 MiB) is too tight for larger N; allow what the parameters need.
  return 128 * n * r * (p + 1) + 1024 * 1024;
}

export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(plain, salt, KEY_BYTES, { N, r: R, p: P, maxmem: memoryFor(N, R, P) });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

interface Parsed {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^[1-9][0-9]{0,9}$/.test(text)) return undefined;
  return Number(text);
}

function parse(encoded: string): Parsed | undefined {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const n = parseInteger(parts[1]);
  const r = parseInteger(parts[2]);
  const p = parseInteger(parts[3]);
  const saltText = parts[4] ?? '';
  const keyText = parts[5] ?? '';
  if (n === undefined || r === undefined || p === undefined) return undefined;
  if (n < 2 || n > MAX_N || (n & (n - 1)) !== 0 || r > MAX_R || p > MAX_P) return undefined;
  if (!saltText || !keyText || !BASE64.test(saltText) || !BASE64.test(keyText)) return undefined;
  const salt = Buffer.from(saltText, 'base64');
  const key = Buffer.from(keyText, 'base64');
  // Exactly our key length: scrypt output is prefix-stable, so a truncated key would still "verify".
  if (salt.length < SALT_BYTES || key.length !== KEY_BYTES) return undefined;
  return { n, r, p, salt, key };
}

/** True when `plain` matches `encoded`; false (never throws) for a wrong password or a malformed encoding. */
export async function verifyPassword(plain: string, encoded: string | null | undefined): Promise<boolean> {
  if (typeof plain !== 'string' || typeof encoded !== 'string') return false;
  const parsed = parse(encoded);
  if (!parsed) return false;
  try {
    const key = await deriveKey(plain, parsed.salt, parsed.key.length, {
      N: parsed.n,
      r: parsed.r,
      p: parsed.p,
      maxmem: memoryFor(parsed.n, parsed.r, parsed.p),
    });
    return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  } catch {
    return false;
  }
}

/** True when `encoded` was made with weaker parameters than today's (re-hash on next sign-in). */
export function needsRehash(encoded: string): boolean {
  const parsed = parse(encoded);
  return !parsed || parsed.n < N || parsed.r < R || parsed.p < P;
}
