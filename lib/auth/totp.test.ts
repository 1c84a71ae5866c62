import { describe, expect, it } from 'vitest';
import { RECOVERY_CODE } from '@/lib/schemas/mfa';
import { groupedSecret, matchTotpStep, newRecoveryCodes, newTotpSecret, totpCodeAt, totpStep, totpUri } from './totp';

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  it('computes the RFC test vectors (their last six digits)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) {
      expect(totpCodeAt(RFC_SECRET, totpStep(at(seconds)))).toBe(code.slice(-6));
    }
  });

  it('accepts the code of the current step and one step either side, with a fixed clock', () => {
    const now = at(1_234_567_890);
    const step = totpStep(now);
    expect(matchTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, step), { now, lastStep: null })).toBe(step);
    expect(matchTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, step - 1), { now, lastStep: null })).toBe(step - 1);
    expect(matchTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, step + 1), { now, lastStep: null })).toBe(step + 1);
    expect(matchTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, step - 2), { now, lastStep: null })).toBeUndefined();
    expect(matchTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, step + 2), { now, lastStep: null })).toBeUndefined();
  });

  it('refuses a replayed code, and any code of a step not later than the last one used', () => {
    const now = at(1_700_000_000);
    const step = totpStep(now);
    const code = totpCodeAt(RFC_SECRET, step);
    expect(matchTotpStep(RFC_SECRET, code, { now, lastStep: step - 1 })).toBe(step);
    // Used: the same code again, 10 s later, still inside its window, is refused.
    expect(matchTotpStep(RFC_SECRET, code, { now: new Date(now.getTime() + 10_000), lastStep: step })).toBeUndefined();
    // So is the previous step's code, still inside the window.
    expect(matchTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, step - 1), { now, lastStep: step })).toBeUndefined();
    // The next step's code is good.
    expect(matchTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, step + 1), { now, lastStep: step })).toBe(step + 1);
  });

  it('refuses what is not a code of this secret', () => {
    const now = at(1_700_000_000);
    const other = newTotpSecret();
    expect(matchTotpStep(RFC_SECRET, totpCodeAt(other, totpStep(now)) === totpCodeAt(RFC_SECRET, totpStep(now)) ? '000000' : totpCodeAt(other, totpStep(now)), { now, lastStep: null })).toBeUndefined();
    expect(matchTotpStep(RFC_SECRET, '12345', { now, lastStep: null })).toBeUndefined();
    expect(matchTotpStep(RFC_SECRET, '1234567', { now, lastStep: null })).toBeUndefined();
  });

  it('makes 160-bit base32 secrets and the URI authenticator apps scan', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, 'agent@konaplate.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Konaplate Console:agent@konaplate.test');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      issuer: 'Konaplate Console',
      secret,
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
    expect(groupedSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });

  it('makes ten distinct recovery codes in the one format', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(RECOVERY_CODE);
  });
});
