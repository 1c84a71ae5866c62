import 'server-only';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * MFA secrets at rest, under MFA_ENCRYPTION_KEY (32 bytes, base64; lib/env.ts).
 *
 * - TOTP secrets: AES-256-GCM, a fresh 96-bit IV each time, the operator's id as additional
 *   data (a ciphertext copied onto another operator's row does not decrypt). Stored as
 *   `v1.<iv>.<ciphertext>.<tag>` (base64url).
 * - Recovery codes: HMAC-SHA-256, not scrypt. They are 60 random bits from the CSPRNG, not
 *   chosen by people, so a slow hash buys nothing against guessing that the lock-out does not
 *   already give; a keyed hash means a copy of the database alone cannot test guesses at all
 *   (and whoever also holds the key can decrypt the TOTP secrets anyway); and an exact hash lets
 *   one atomic UPDATE find and spend a code (lib/auth/mfa.ts), with no per-code salt to try.
 *
 * Each use gets its own subkey (HKDF-SHA-256 with a distinct label), never the key itself.
 */

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

type KeyPurpose = 'totp-secret' | 'recovery-code';

function subkey(purpose: KeyPurpose, masterKey = env().MFA_ENCRYPTION_KEY): Buffer {
  const master = Buffer.from(masterKey, 'base64');
  if (master.length !== 32) throw new Error('MFA_ENCRYPTION_KEY must be 32 bytes (base64)');
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `konaplate-console ${purpose}`, 32));
}

/** Encrypts a base32 TOTP secret for one operator's row. */
export function encryptTotpSecret(secret: string, operatorId: string, masterKey?: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', subkey('totp-secret', masterKey), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(operatorId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** The base32 secret, or undefined when the value was not made for this operator under this key (or is damaged). */
export function decryptTotpSecret(stored: string, operatorId: string, masterKey?: string): string | undefined {
  const [version, iv, ciphertext, tag, ...rest] = stored.split('.');
  if (version !== VERSION || !iv || !ciphertext || !tag || rest.length > 0) return undefined;
  try {
    const ivBytes = Buffer.from(iv, 'base64url');
    const tagBytes = Buffer.from(tag, 'base64url');
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', subkey('totp-secret', masterKey), ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(operatorId, 'utf8'));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** The stored form of a recovery code (its canonical spelling, lib/schemas/mfa.ts). */
export function hashRecoveryCode(code: string, masterKey?: string): string {
  return createHmac('sha256', subkey('recovery-code', masterKey)).update(code, 'utf8').digest('hex');
}
