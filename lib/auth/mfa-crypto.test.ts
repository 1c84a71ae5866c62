import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env';
import { decryptTotpSecret, encryptTotpSecret, hashRecoveryCode } from './mfa-crypto';

const SECRET = '7E5DGQAMHAHXOFORUKI2JPDS7JT4DMXM';
const OPERATOR = '2b1e7c9a-1f0e-4a57-9d7e-0c5d1f3b8a11';
const OTHER_OPERATOR = '9c4f1d2e-3b5a-4c6d-8e7f-a0b1c2d3e4f5';
const KEY = randomBytes(32).toString('base64');

describe('TOTP secrets at rest (AES-256-GCM)', () => {
  it('round-trips, with a fresh IV each time and no secret in clear', () => {
    const a = encryptTotpSecret(SECRET, OPERATOR, KEY);
    const b = encryptTotpSecret(SECRET, OPERATOR, KEY);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(a).not.toContain(SECRET);
    expect(decryptTotpSecret(a, OPERATOR, KEY)).toBe(SECRET);
    expect(decryptTotpSecret(b, OPERATOR, KEY)).toBe(SECRET);
  });

  it('uses the configured key by default (the sandbox one here)', () => {
    expect(decryptTotpSecret(encryptTotpSecret(SECRET, OPERATOR), OPERATOR)).toBe(SECRET);
    expect(decryptTotpSecret(encryptTotpSecret(SECRET, OPERATOR), OPERATOR, KEY)).toBeUndefined();
  });

  it('does not decrypt for another operator, under another key, or once tampered with', () => {
    const stored = encryptTotpSecret(SECRET, OPERATOR, KEY);
    expect(decryptTotpSecret(stored, OTHER_OPERATOR, KEY)).toBeUndefined();
    expect(decryptTotpSecret(stored, OPERATOR, randomBytes(32).toString('base64'))).toBeUndefined();
    const [version, iv, ciphertext, tag] = stored.split('.') as [string, string, string, string];
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0]! ^= 1;
    expect(decryptTotpSecret([version, iv, flipped.toString('base64url'), tag].join('.'), OPERATOR, KEY)).toBeUndefined();
    expect(decryptTotpSecret(`v2.${iv}.${ciphertext}.${tag}`, OPERATOR, KEY)).toBeUndefined();
    expect(decryptTotpSecret('garbage', OPERATOR, KEY)).toBeUndefined();
    expect(decryptTotpSecret(`${stored}.extra`, OPERATOR, KEY)).toBeUndefined();
  });
});

describe('recovery codes at rest (HMAC-SHA-256)', () => {
  it('hashes a code the same way every time, differently under another key, never in clear', () => {
    const hash = hashRecoveryCode('abcd-efgh-jkmn', KEY);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode('abcd-efgh-jkmn', KEY)).toBe(hash);
    expect(hashRecoveryCode('abcd-efgh-jkmp', KEY)).not.toBe(hash);
    expect(hashRecoveryCode('abcd-efgh-jkmn', randomBytes(32).toString('base64'))).not.toBe(hash);
  });
});

describe('MFA_ENCRYPTION_KEY', () => {
  const problems = (source: Record<string, string>) => {
    try {
      parseEnv(source);
      return [];
    } catch (error) {
      if (error instanceof EnvError) return error.problems;
      throw error;
    }
  };

  it('has a sandbox-only default and wants 32 bytes of base64', () => {
    expect(Buffer.from(parseEnv({}).MFA_ENCRYPTION_KEY, 'base64')).toHaveLength(32);
    expect(parseEnv({ MFA_ENCRYPTION_KEY: KEY }).MFA_ENCRYPTION_KEY).toBe(KEY);
    expect(problems({ MFA_ENCRYPTION_KEY: 'c2hvcnQ=' })[0]).toMatch(/^MFA_ENCRYPTION_KEY: expected 32 random bytes in base64/);
    expect(problems({ MFA_ENCRYPTION_KEY: randomBytes(33).toString('base64') })[0]).toMatch(/^MFA_ENCRYPTION_KEY:/);
  });

  it('is required when the upstream is not the sandbox', () => {
    expect(problems({ KONAPLATE_BASE_URL: 'https://konaplate.example/open-api' })).toContain(
      'MFA_ENCRYPTION_KEY: required when KONAPLATE_BASE_URL is not the local sandbox (sandbox defaults apply only to http://127.0.0.1:4010/open-api)',
    );
  });
});
