'use server';
import { failureState, invalidState, protectedAction } from '@/lib/auth/protected-action';
import type { ActionState } from '@/lib/domain/action-state';
import type { UnregisteredCard } from '@/lib/domain/cards';
import { maskCardNumber } from '@/lib/format/card-number';
import { unregisteredLookupSchema } from '@/lib/schemas/unregistered-card';
import { auditedCall } from '@/lib/upstream/audited-call';
import { konaplate } from '@/lib/upstream/client';

/**
 * Looks up a card no member has registered. The answer carries nothing the operator
 * typed: no card number, expiry or CVC goes back to the browser, into a log or the audit.
 */
export const lookupUnregisteredCardAction = protectedAction(
  'cards.lookupUnregistered',
  async (operator, _prev: ActionState<UnregisteredCard>, formData: FormData): Promise<ActionState<UnregisteredCard>> => {
    const parsed = unregisteredLookupSchema.safeParse({
      cardNo: formData.get('cardNo'),
      expiry: formData.get('expiry'),
      cvc: formData.get('cvc'),
    });
    if (!parsed.success) return invalidState(parsed.error);
    const { cardNo, expiry, cvc } = parsed.data;
    const outcome = await auditedCall({ actor: operator, action: 'unregistered-lookup', cardRef: maskCardNumber(cardNo) }, () =>
      konaplate().lookupUnregisteredCard({ cardNo, expiryDate: expiry, cardCVC: cvc }),
    );
    return outcome.ok ? { status: 'ok', data: outcome.data } : failureState(outcome.error);
  },
);
