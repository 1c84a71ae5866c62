'use client';
import type { ComponentProps, ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { ActionAlert } from '@/components/feedback/action-alert';
import { ConfirmDialog } from '@/components/forms/confirm-dialog';
import { CardsAfterUnknownOutcome } from './cards-after-unknown-outcome';
import type { useCardAction } from './use-card-action';

/**
 * The frame of every card-action form: the idempotency key, the answer, the member's cards
 * after an unknown outcome, the review button and the confirmation that submits.
 */
export function CardActionForm({
  submission,
  label,
  userId,
  hidden = {},
  reviewLabel,
  validate,
  confirm,
  children,
}: {
  submission: ReturnType<typeof useCardAction<unknown>>;
  /** Accessible name of the form. */
  label: string;
  userId: string;
  /** Further hidden fields (e.g. the card's PAR). */
  hidden?: Record<string, string>;
  reviewLabel: string;
  /** Shows every field error; true when the form may be reviewed. */
  validate: () => boolean;
  confirm: Omit<ComponentProps<typeof ConfirmDialog>, 'open' | 'formId' | 'onClose'>;
  children: ReactNode;
}) {
  const { state } = submission;
  return (
    <Box component="form" id={submission.formId} action={submission.formAction} noValidate aria-label={label}>
      <input type="hidden" name="idempotencyKey" value={submission.key} />
      <input type="hidden" name="userId" value={userId} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Stack spacing={2} sx={{ maxWidth: 560 }}>
        <div aria-live="polite">
          <ActionAlert state={state} />
        </div>
        {state.status === 'upstream-error' && state.outcomeUnknown && <CardsAfterUnknownOutcome userId={userId} />}
        {children}
        <div>
          <Button variant="contained" disabled={submission.locked} loading={submission.pending} onClick={() => submission.review(validate())}>
            {reviewLabel}
          </Button>
        </div>
      </Stack>
      <ConfirmDialog {...confirm} open={submission.confirming} formId={submission.formId} onClose={submission.close} />
    </Box>
  );
}
