import * as z from 'zod/mini';
import { cardNumberSchema, optionalField, parSchema, userIdSchema } from './fields';
import { problem } from './problem';

/** The member search: a member id, optionally narrowed to one card by its PAR or its card number. */
export const memberSearchSchema = z
  .object({
    userId: userIdSchema,
    par: optionalField(parSchema),
    cardNo: optionalField(cardNumberSchema),
  })
  .check(
    z.superRefine((search, ctx) => {
      if (search.par && search.cardNo) {
        ctx.addIssue({ code: 'custom', path: ['cardNo'], message: problem('search.parOrCardNo') });
      }
    }),
  );
