import { describe, expect, it } from 'vitest';
import { canonicalRecoveryCode, enrolmentSchema, secondFactorSchema, totpCodeSchema } from './mfa';
import { changePasswordSchema, operatorIdSchema, signInSchema } from './operator';
import { englishFieldErrors as errorsOf } from './testing';
const HIDDEN = ['\u0000', '\u0007', '\t', '\n', '\u202e', '\u200f', '\ud800'];

describe('TOTP code', () => {
  it('is exactly six digits', () => {
    expect(totpCodeSchema.parse('012345')).toBe('012345');
    expect(totpCodeSchema.parse(' 012345 ')).toBe('012345');
    for (const bad of ['', '12345', '1234567', '12 345', '12345a', '１２３４５６', '123-456']) {
      expect(totpCodeSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(errorsOf(enrolmentSchema.safeParse({ code: '12' }))).toEqual({ code: ['Enter the 6-digit code from your authenticator app.'] });
  });

  it.each(HIDDEN.map((c) => [JSON.stringify(c), c]))('refuses %s inside', (_name, character) => {
    expect(totpCodeSchema.safeParse(`123${character}456`).success).toBe(false);
    expect(secondFactorSchema.safeParse(`abcd-efgh${character}-jkmn`).success).toBe(false);
  });
});

describe('second factor (TOTP or recovery code)', () => {
  it('takes a recovery code in any case, dashes optional, and writes it one way', () => {
    expect(secondFactorSchema.parse('ABCD-EFGH-JKMN')).toBe('abcd-efgh-jkmn');
    expect(secondFactorSchema.parse('abcdefghjkmn')).toBe('abcd-efgh-jkmn');
    expect(secondFactorSchema.parse('123456')).toBe('123456');
    expect(canonicalRecoveryCode('abcd-efgh-jkm')).toBeUndefined();
    // i, l, o and u are not in the alphabet.
    for (const bad of ['abcd-efgh-ijkl', 'abcd-efgh-jkmo', 'abcd-efgh-jkmu', 'abcd--efgh-jkmn', 'abcd-efgh-jkmn-', '']) {
      expect(secondFactorSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('sign-in form', () => {
  it('leaves the code empty at the first sign-in, and otherwise wants a code of either kind', () => {
    expect(signInSchema.parse({ email: 'a@b.kr', password: 'pw', otp: '' }).otp).toBe('');
    expect(signInSchema.parse({ email: 'a@b.kr', password: 'pw', otp: '654321' }).otp).toBe('654321');
    expect(signInSchema.parse({ email: 'a@b.kr', password: 'pw', otp: 'ABCD EFGH JKMN'.replace(/ /g, '-') }).otp).toBe('abcd-efgh-jkmn');
    expect(errorsOf(signInSchema.safeParse({ email: 'a@b.kr', password: 'pw', otp: '12345' }))).toEqual({
      otp: ['Enter the 6-digit code from your authenticator app, or a recovery code (xxxx-xxxx-xxxx).'],
    });
    expect(signInSchema.safeParse({ email: 'a@b.kr', password: 'pw', otp: '123\u0000456' }).success).toBe(false);
  });
});

describe('password change form', () => {
  const good = { currentPassword: 'konaplate-demo', code: '123456', newPassword: 'a-new-long-password', confirmPassword: 'a-new-long-password' };

  it('accepts a good change', () => {
    expect(changePasswordSchema.safeParse(good).success).toBe(true);
  });

  it('names each bad field: the existing password rules, a 6-digit code, the same password twice, a new one', () => {
    expect(errorsOf(changePasswordSchema.safeParse({ currentPassword: '', code: '12', newPassword: 'short', confirmPassword: 'short' }))).toEqual({
      currentPassword: ['Enter your current password.'],
      code: ['Enter the 6-digit code from your authenticator app.'],
      newPassword: ['At least 12 characters.'],
    });
    expect(errorsOf(changePasswordSchema.safeParse({ ...good, confirmPassword: 'something-else-x' }))).toEqual({
      confirmPassword: ['Type the same new password again.'],
    });
    expect(errorsOf(changePasswordSchema.safeParse({ ...good, newPassword: good.currentPassword + '-long', currentPassword: good.currentPassword + '-long', confirmPassword: good.currentPassword + '-long' }))).toEqual({
      newPassword: ['Choose a password other than the current one.'],
    });
    expect(errorsOf(changePasswordSchema.safeParse({ ...good, newPassword: 'a-new-long\u202epassword', confirmPassword: 'a-new-long\u202epassword' })).newPassword).toEqual([
      'Remove the hidden control or text-direction characters (they often come with pasted text).',
    ]);
    expect(errorsOf(changePasswordSchema.safeParse({ ...good, newPassword: 'p'.repeat(1025), confirmPassword: 'p'.repeat(1025) })).newPassword).toEqual([
      'At most 1024 characters.',
    ]);
  });

  it('takes an operator id as a UUID only', () => {
    expect(operatorIdSchema.safeParse({ id: '2b1e7c9a-1f0e-4a57-9d7e-0c5d1f3b8a11' }).success).toBe(true);
    expect(operatorIdSchema.safeParse({ id: "1' or '1'='1" }).success).toBe(false);
  });
});
