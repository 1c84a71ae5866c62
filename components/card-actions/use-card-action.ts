'use client';
import { useActionState, useId, useState } from 'react';
import { IDLE, type ActionState } from '@/lib/domain/action-state';

type Result<T> = ActionState<T> & { replayed?: true };

/**
 * What every card-action form shares: the action's state, the idempotency key it submits,
 * the review-then-confirm step, and the lock.
 *
 * The key is created when the form opens and kept across double clicks and resubmissions;
 * only a definite refusal from Konaplate (nothing was done) frees the operator to correct
 * the form and send a new request. An unknown outcome keeps the key and locks the form:
 * resubmitting could only replay, and the card list must be checked first.
 */
export function useCardAction<T>(action: (prev: Result<T>, formData: FormData) => Promise<Result<T>>, idempotencyKey: string) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [key, setKey] = useState(idempotencyKey);
  const [seen, setSeen] = useState<Result<T>>(state);
  if (seen !== state) {
    setSeen(state);
    if (state.status === 'upstream-error' && !state.outcomeUnknown) setKey(crypto.randomUUID());
  }
  // The confirmation dialog renders in a portal: its button submits the form by id.
  const formId = useId();
  const [confirming, setConfirming] = useState(false);

  return {
    state,
    formAction,
    pending,
    key,
    formId,
    confirming,
    serverErrors: state.status === 'invalid' ? state.fieldErrors : undefined,
    locked: pending || (state.status === 'upstream-error' && state.outcomeUnknown),
    /** Opens the confirmation when the form is valid. */
    review: (valid: boolean) => valid && setConfirming(true),
    close: () => setConfirming(false),
  };
}
