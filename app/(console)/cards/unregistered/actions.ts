'use server';
import type { ActionState } from '@/lib/domain/action-state';
import { failureState, invalidState, protectedAction } from '@/lib/auth/protected-action';
import { recordAudit } from '@/lib/audit/record';
import { maskCardNumber } from '@/lib/format/card-number';
import { konaplate, KonaplateError, type UnregisteredCard } from '@/lib/konaplate';
import { unregisteredLookupSchema } from '@/lib/schemas/unregistered-card';

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
    const cardRef = maskCardNumber(cardNo);
    try {
      const result = await konaplate().lookupUnregisteredCard({ cardNo, expiryDate: expiry, cardCVC: cvc });
      await recordAudit({
        actor: operator,
        action: 'unregistered-lookup',
        outcome: 'ok',
        cardRef,
        resultCode: '000_000',
        correlationId: result.correlationId,
        durationMs: result.durationMs,
      });
      return { status: 'ok', data: result.data };
    } catch (error) {
      if (error instanceof KonaplateError) {
        await recordAudit({
          actor: operator,
          action: 'unregistered-lookup',
          outcome: error.kind === 'rejected' ? 'rejected' : 'upstream_error',
          cardRef,
          resultCode: error.code,
          correlationId: error.correlationId,
          durationMs: error.durationMs,
        });
      }
      return failureState(error);
    }
  },
);
