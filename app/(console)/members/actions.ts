'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/domain/action-state';
import { invalidState, protectedAction } from '@/lib/auth/protected-action';
import { recordAudit } from '@/lib/audit/record';
import { konaplate, KonaplateError } from '@/lib/konaplate';
import { maskCardNumber } from '@/lib/format/card-number';
import { cardNumberSchema, userIdSchema } from '@/lib/schemas/fields';

const findByCardNumberSchema = z.object({ userId: userIdSchema, cardNo: cardNumberSchema });

/**
 * Finds a member's card by its physical card number. A POST, so that the full number is
 * never in a URL; the answer is the card's page, addressed by PAR.
 */
export const findCardByNumberAction = protectedAction(
  'cards.view',
  async (operator, _prev: ActionState, formData: FormData): Promise<ActionState> => {
    const parsed = findByCardNumberSchema.safeParse({ userId: formData.get('userId'), cardNo: formData.get('cardNo') });
    if (!parsed.success) return invalidState(parsed.error);
    const { userId, cardNo } = parsed.data;
    let par: string | undefined;
    try {
      const result = await konaplate().searchCards({ userId, physicalCardNo: cardNo });
      par = result.data[0]?.par;
      await recordAudit({
        actor: operator,
        action: 'search',
        outcome: 'ok',
        memberId: userId,
        cardRef: maskCardNumber(cardNo),
        request: { by: 'card number', found: result.data.length },
        resultCode: '000_000',
        correlationId: result.correlationId,
        durationMs: result.durationMs,
      });
    } catch (error) {
      if (error instanceof KonaplateError) {
        await recordAudit({
          actor: operator,
          action: 'search',
          outcome: error.kind === 'rejected' ? 'rejected' : 'upstream_error',
          memberId: userId,
          cardRef: maskCardNumber(cardNo),
          resultCode: error.code,
          correlationId: error.correlationId,
          durationMs: error.durationMs,
        });
      }
      throw error;
    }
    if (!par) {
      return { status: 'invalid', message: 'No card of this member has that number.', fieldErrors: { cardNo: ['No card of this member has that number.'] } };
    }
    redirect(`/members/${userId}/cards/${par}`);
  },
);
