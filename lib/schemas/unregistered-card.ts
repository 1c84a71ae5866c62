import * as z from 'zod/mini';
import { cardExpirySchema, cardNumberSchema, cvcSchema } from './fields';

/** The unregistered-card lookup form; the CVC is checked here and sent once, never kept. */
export const unregisteredLookupSchema = z.object({
  cardNo: cardNumberSchema,
  expiry: cardExpirySchema,
  cvc: cvcSchema,
});
