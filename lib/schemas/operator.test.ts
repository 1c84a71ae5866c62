import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newOperatorSchema, signInSchema } from './operator';

const errorsOf = (result: { error?: z.ZodError }) => (result.error ? z.flattenError(result.error).fieldErrors : {});

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
