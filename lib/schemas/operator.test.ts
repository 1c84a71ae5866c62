import { describe, expect, it } from 'vitest';
import { companyIdentityLinkSchema, newOperatorSchema, signInSchema } from './operator';
import { englishFieldErrors as errorsOf } from './testing';

describe('sign-in form', () => {
  it('wants both fields', () => {
    expect(errorsOf(signInSchema.safeParse({ email: ' ', password: '', otp: '' }))).toEqual({
      email: ['Enter your email address.'],
      password: ['Enter your password.'],
    });
  });

  it('refuses too-long input rather than cutting it short', () => {
    expect(errorsOf(signInSchema.safeParse({ email: `${'a'.repeat(250)}@x.kr`, password: 'p'.repeat(1025), otp: '' }))).toEqual({
      email: ['At most 254 characters.'],
      password: ['At most 1024 characters.'],
    });
  });
});

describe('new operator form', () => {
  it('names each missing or bad field', () => {
    expect(errorsOf(newOperatorSchema.safeParse({ email: 'not-an-email', name: '', password: 'short', roles: [] }))).toEqual({
      email: ['Enter a valid email address.'],
      name: ['Enter the operator’s name.'],
      password: ['At least 12 characters.'],
      roles: ['Choose at least one role.'],
    });
  });
});

describe('company identity to link', () => {
  const id = '00000000-0000-4000-8000-000000000001';

  it('takes an IdP subject as sent: GUIDs, opaque ids, up to 255 characters', () => {
    expect(companyIdentityLinkSchema.safeParse({ id, subject: '00u1a2b3c4D5e6F7g8h9' }).success).toBe(true);
    expect(companyIdentityLinkSchema.safeParse({ id, subject: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ' }).success).toBe(true);
    expect(companyIdentityLinkSchema.safeParse({ id, subject: 'x'.repeat(255) }).success).toBe(true);
  });

  it('refuses spaces, hidden characters, non-ASCII and an empty or too long subject, never trimming', () => {
    for (const subject of ['', ' sso-user', 'sso user', 'sso-user\u202e', 'sso-\u00fcser', 'x'.repeat(256)]) {
      expect(companyIdentityLinkSchema.safeParse({ id, subject }).success, JSON.stringify(subject)).toBe(false);
    }
  });
});
