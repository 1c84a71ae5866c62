import { z } from 'zod';
import { memberIdProblem } from '@/lib/domain/member-id';
import { addressText, groupedDigits, visibleText } from './text';

/**
 * Field schemas shared by the browser forms, the server actions and the Konaplate
 * client. No server-only imports here: forms validate with these as the operator types.
 */

/** Member id: 1..9999999999999999999, kept as a digit string (above JS safe integers). */
export const userIdSchema = visibleText('Enter the member id.').superRefine((value, ctx) => {
    const problem = memberIdProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** An optional field: left empty (or blank) it is not given; anything typed must pass `schema`. */
export function optionalField<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());
}

export const parSchema = visibleText().regex(/^[A-Za-z0-9]{27}$/, 'A PAR is 27 letters and digits.');

/** The vendor documents 15 characters; its product ids are letters and digits. */
export const SERVICE_ID_PATTERN = /^[A-Za-z0-9]{15}$/;
export const SERVICE_ID_MESSAGE = 'A card product id is 15 letters and digits.';
export const serviceIdSchema = visibleText().regex(SERVICE_ID_PATTERN, SERVICE_ID_MESSAGE);

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

export const cardNumberSchema = groupedDigits('A card number has digits only.').pipe(
  z
    .string()
    .min(1, 'Enter the card number.')
    .length(16, 'A card number has 16 digits.')
    .refine(isLuhnValid, 'This card number fails the check digit: look at it again.'),
);

/** Card-face expiry as typed, MM/YY or MMYY; normalised to MMYY (the wire form). */
export const cardExpirySchema = visibleText('Enter the expiry date.')
  .regex(/^(0[1-9]|1[0-2])\/?\d{2}$/, 'Expiry is MM/YY, e.g. 08/29.')
  .transform((value) => value.replace('/', ''));

export const cvcSchema = z
  .string({ message: 'Enter the CVC.' })
  .regex(/^\d{3}$/, 'The CVC is the 3 digits on the back of the card.');

export const zipCodeSchema = visibleText().regex(/^\d{5}$/, 'A postal code has 5 digits.');

export const addressSchema = z.object({
  address: addressText().min(1, 'Enter the road-name address.').max(255, 'At most 255 characters.'),
  addressDetail: addressText().min(1, 'Enter the address detail (building, unit).').max(255, 'At most 255 characters.'),
  zipCode: zipCodeSchema,
});
export type Address = z.infer<typeof addressSchema>;
