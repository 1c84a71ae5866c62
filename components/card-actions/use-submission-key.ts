'use client';
import { useState } from 'react';
import type { ActionState } from '@/lib/actions/action-state';

/**
 * The idempotency key a card-action form submits. It is created when the form opens and
 * kept across double clicks and resubmissions; only a definite refusal from Konaplate
 * (nothing was done) frees the operator to correct the form and send a new request.
 * An unknown outcome keeps the key: resubmitting then replays, never re-sends.
 */
export function useSubmissionKey(initialKey: string, state: ActionState<unknown>): string {
  const [key, setKey] = useState(initialKey);
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state.status === 'upstream-error' && !state.outcomeUnknown) setKey(crypto.randomUUID());
  }
  return key;
}
