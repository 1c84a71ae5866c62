import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { cardExpirySchema, cardNumberSchema, cvcSchema, isLuhnValid, optionalField, userIdSchema } from './fields';
import { english } from './testing';

describe('field schemas', () => {
  it('keeps member ids as digit strings up to 19 digits', () => {
    expect(userIdSchema.parse(' 9999999999999999999 ')).toBe('9999999999999999999');
    expect(english(userIdSchema.safeParse('').error?.issues[0]?.message)).toBe('Enter the member id.');
    expect(english(userIdSchema.safeParse('12-3').error?.issues[0]?.message)).toBe('The member id has digits only.');
    expect(english(userIdSchema.safeParse('0123').error?.issues[0]?.message)).toBe('The member id does not start with 0.');
    // Stated free of any language, with its values; words where it is shown.
    expect(userIdSchema.safeParse('1'.repeat(20)).error?.issues[0]?.message).toBe('memberId.tooLong?max=19');
    expect(english(userIdSchema.safeParse('1'.repeat(20)).error?.issues[0]?.message)).toBe('The member id has at most 19 digits.');
  });

  it('reads an empty optional field as not given, and checks anything typed', () => {
    const optionalCvc = optionalField(cvcSchema);
    expect(optionalCvc.parse('')).toBeUndefined();
    expect(optionalCvc.parse('  ')).toBeUndefined();
    expect(optionalCvc.parse(undefined)).toBeUndefined();
    expect(optionalCvc.parse('123')).toBe('123');
    expect(english(optionalCvc.safeParse('1234').error?.issues[0]?.message)).toBe('The CVC is the 3 digits on the back of the card.');
    expect(z.object({ cvc: optionalCvc }).parse({})).toEqual({});
  });

  it('checks card numbers for length and check digit, ignoring spaces', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(cardNumberSchema.parse('4111 1111 1111 1111')).toBe('4111111111111111');
    expect(english(cardNumberSchema.safeParse('4111111111111112').error?.issues[0]?.message)).toMatch(/check digit/);
    expect(english(cardNumberSchema.safeParse('411111111111').error?.issues[0]?.message)).toBe('A card number has 16 digits.');
  });

  it('normalises the expiry to MMYY and refuses month 13', () => {
    expect(cardExpirySchema.parse('08/29')).toBe('0829');
    expect(cardExpirySchema.parse('0829')).toBe('0829');
    expect(cardExpirySchema.safeParse('13/29').success).toBe(false);
  });

  it('wants exactly 3 CVC digits', () => {
    expect(cvcSchema.safeParse('12').success).toBe(false);
    expect(cvcSchema.safeParse('123').success).toBe(true);
    expect(cvcSchema.safeParse('1234').success).toBe(false);
  });
});
