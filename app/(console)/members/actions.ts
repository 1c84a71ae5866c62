'use server';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { invalidState, protectedAction } from '@/lib/auth/protected-action';
import { loadMemberCards } from '@/lib/cards/member-cards';
import type { ActionState } from '@/lib/domain/action-state';
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
    const result = await loadMemberCards(operator, { userId, physicalCardNo: cardNo });
    if (result.status === 'error') {
      return { status: 'upstream-error', message: result.message, code: result.code, correlationId: result.correlationId, outcomeUnknown: false };
    }
    const par = result.cards[0]?.par;
    if (!par) {
      // Words, not a problem: the field shows them as they are.
      const message = (await getTranslations('members.search'))('noCardWithNumber');
      return { status: 'invalid', message, fieldErrors: { cardNo: [message] } };
    }
    redirect(`/members/${userId}/cards/${par}`);
  },
);
