'use client';
import { useActionState, useId, useState } from 'react';
import type * as z from 'zod/mini';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import type { MemberProfile } from '@/lib/domain/member';
import type { CardDelivery } from '@/lib/domain/cards';
import { useValidatedForm, type ValidatedFormOptions } from '@/components/forms/use-validated-form';
import type { ProductOption } from './product-field';

/** A card action's answer: a replayed one is the first submission's outcome, sent again. */
export type CardActionResult<T> = ActionState<T> & { replayed?: true };

/** The server action, the member id (and the card's PAR) already bound by the page. */
export type CardAction<T> = (prev: CardActionResult<T>, formData: FormData) => Promise<CardActionResult<T>>;

/** The card actions, named as the audit trail names them. */
export type CardActionKind = 'issue-prepaid' | 'issue-debit' | 'reissue-prepaid';

/** What the page gives every card-action form. */
export interface CardActionFormProps<T> {
  /** The member acted for: shown, never submitted (the action has it bound). */
  userId: string;
  idempotencyKey: string;
  products: ProductOption[];
  /** Why the products have no names (the product inquiry failed): the operator types the id. */
  productsFailure?: ActionState<never>;
  action: CardAction<T>;
  /** Asks where the new card's delivery is (bound to the member by the page). */
  readDelivery: ReadDeliveryOf;
  /** The member's profile as the page read it: its address may fill the delivery fields. */
  memberProfile?: Promise<ActionState<MemberProfile>>;
}

/** The delivery inquiry of an application, as the outcome of an issuance asks it. */
export type ReadDeliveryOf = (cardApplyNo: string) => Promise<ActionState<CardDelivery>>;

/**
 * What every card-action form shares: the action's state, the idempotency key it submits,
 * the review-then-confirm step, and the lock.
 *
 * The key is created when the form opens and kept across double clicks and resubmissions;
 * only a definite refusal from Konaplate (nothing was done) frees the operator to correct
 * the form and send a new request. An unknown outcome keeps the key and locks the form:
 * resubmitting could only replay, and the card list must be checked first.
 */
export function useCardAction<T>(action: CardAction<T>, idempotencyKey: string) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [key, setKey] = useState(idempotencyKey);
  const [seen, setSeen] = useState<CardActionResult<T>>(state);
  if (seen !== state) {
    setSeen(state);
    if ((state.status === 'upstream-error' && !state.outcomeUnknown) || state.status === 'unavailable') setKey(crypto.randomUUID());
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
    locked: pending || (state.status === 'upstream-error' && state.outcomeUnknown),
    /** Opens the confirmation when the form is valid. */
    review: (valid: boolean) => valid && setConfirming(true),
    close: () => setConfirming(false),
  };
}

export type CardActionSubmission<T> = ReturnType<typeof useCardAction<T>>;

/**
 * A card-action form's state: the submission, and the fields validated by `schema` (its
 * field errors from the action's answer included). `frame` is what CardActionForm takes.
 */
export function useCardActionForm<T, S extends z.ZodMiniType<unknown, Record<string, unknown>>>(
  kind: CardActionKind,
  { userId, idempotencyKey, action, readDelivery }: Omit<CardActionFormProps<T>, 'products' | 'productsFailure'>,
  schema: S,
  initial: z.input<S> & Record<string, unknown>,
  { forgetOnAnswer }: Pick<ValidatedFormOptions, 'forgetOnAnswer'> = {},
) {
  const submission = useCardAction(action, idempotencyKey);
  const form = useValidatedForm(schema, initial, { answer: submission.state, forgetOnAnswer });
  const delivered = form.values.delivery === 'delivery';
  return { form, state: submission.state, frame: { kind, userId, submission, validate: form.validateAll, readDelivery, delivered } };
}
