import * as z from 'zod/mini';
import { memberIdProblem } from '@/lib/domain/member-id';
import { problem } from './problem';
import { addressText, groupedDigits, tooLong, visibleText } from './text';

/**
 * Field schemas shared by the browser forms, the server actions and the Konaplate
 * client. No server-only imports here: forms validate with these as the operator types.
 */

/** Member id: 1..9999999999999999999, kept as a digit string (above JS safe integers). */
export const userIdSchema = visibleText(problem('memberId.required')).check(
  z.superRefine((value, ctx) => {
    const refusal = memberIdProblem(value);
    if (refusal) ctx.addIssue({ code: 'custom', message: refusal });
  }),
);

/** An optional field: left empty (or blank) it is not given; anything typed must pass `schema`. */
export function optionalField<T extends z.ZodMiniType>(schema: T) {
  return z.pipe(
    z.transform((value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)),
    z.optional(schema),
  );
}

export const parSchema = visibleText().check(z.regex(/^[A-Za-z0-9]{27}$/, problem('par')));

/** The vendor documents 15 characters; its product ids are letters and digits. */
export const SERVICE_ID_PATTERN = /^[A-Za-z0-9]{15}$/;
export const SERVICE_ID_MESSAGE = problem('serviceId');
export const serviceIdSchema = visibleText().check(z.regex(SERVICE_ID_PATTERN, SERVICE_ID_MESSAGE));

/** Luhn check over a digit string. */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export const cardNumberSchema = z.pipe(
  groupedDigits(problem('cardNumber.digitsOnly')),
  z
    .string()
    .check(z.minLength(1, problem('cardNumber.required')), z.length(16, problem('cardNumber.length')), z.refine(isLuhnValid, problem('cardNumber.checkDigit'))),
);

/** Card-face expiry as typed, MM/YY or MMYY; normalised to MMYY (the wire form). */
export const cardExpirySchema = z.pipe(
  visibleText(problem('expiry.required')).check(z.regex(/^(0[1-9]|1[0-2])\/?\d{2}$/, problem('expiry.format'))),
  z.transform((value: string) => value.replace('/', '')),
);

export const cvcSchema = z.string({ error: problem('cvc.required') }).check(z.regex(/^\d{3}$/, problem('cvc.format')));

export const zipCodeSchema = visibleText().check(z.regex(/^\d{5}$/, problem('delivery.zipCode')));

export const addressSchema = z.object({
  address: addressText().check(z.minLength(1, problem('delivery.address')), z.maxLength(255, tooLong(255))),
  addressDetail: addressText().check(z.minLength(1, problem('delivery.addressDetail')), z.maxLength(255, tooLong(255))),
  zipCode: zipCodeSchema,
});
export type Address = z.infer<typeof addressSchema>;

/** The key a form is opened with: one submission per key (lib/cards/submit-once.ts). */
export const idempotencyKeySchema = z.uuid(problem('formExpired'));
