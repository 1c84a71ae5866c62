'use client';
import type { ComponentProps, ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { ActionAlert } from '@/components/feedback/action-alert';
import { ConfirmDialog } from '@/components/forms/confirm-dialog';
import { CardsAfterUnknownOutcome } from './cards-after-unknown-outcome';
import { IssuedCardOutcome, type NewCard } from './issued-card-outcome';
import type { CardActionKind, CardActionSubmission, ReadDeliveryOf } from './use-card-action';

/**
 * The frame of every card-action form: the idempotency key, the answer (the new card once
 * issued), the member's cards after an unknown outcome, the review button and the
 * confirmation that submits. The member id and PAR are bound into the action, not fields.
 * Each kind has its words (`cardActions.form.<kind>`): the form's name, its two buttons, the
 * confirmation and the answer.
 */
export function CardActionForm({
  kind,
  userId,
  submission,
  validate,
  confirmRows,
  warning,
  readDelivery,
  delivered,
  children,
}: {
  kind: CardActionKind;
  /** The member acted for, as the page's route names them. */
  userId: string;
  submission: CardActionSubmission<NewCard>;
  /** Shows every field error; returns the parsed values when the form may be reviewed. */
  validate: () => unknown;
  /** What the confirmation restates, after the member. */
  confirmRows: ComponentProps<typeof ConfirmDialog>['rows'];
  /** Said in the confirmation, below what will be sent. */
  warning?: ReactNode;
  readDelivery: ReadDeliveryOf;
  /** A physical card was asked for: the outcome follows its delivery. */
  delivered: boolean;
  children: ReactNode;
}) {
  const t = useTranslations('cardActions');
  const { state } = submission;
  if (state.status === 'ok') {
    return (
      <IssuedCardOutcome
        title={t(`form.${kind}.outcome`)}
        userId={userId}
        card={state.data}
        replayed={state.replayed}
        readDelivery={delivered ? readDelivery : undefined}
      />
    );
  }
  // Held for a checker: this form's request is made; it is followed on Approvals.
  if (state.status === 'held') return <ActionAlert state={state} />;
  return (
    <Box component="form" id={submission.formId} action={submission.formAction} noValidate aria-label={t(`form.${kind}.name`)}>
      <input type="hidden" name="idempotencyKey" value={submission.key} />
      <Stack spacing={2} sx={{ maxWidth: 560 }}>
        <div aria-live="polite">
          <ActionAlert state={state} />
        </div>
        {state.status === 'upstream-error' && state.outcomeUnknown && <CardsAfterUnknownOutcome userId={userId} />}
        {children}
        <div>
          <Button
            variant="contained"
            disabled={submission.locked}
            loading={submission.pending}
            onClick={() => submission.review(validate() !== undefined)}
          >
            {t(`form.${kind}.review`)}
          </Button>
        </div>
      </Stack>
      <ConfirmDialog
        title={t(`form.${kind}.confirmTitle`)}
        rows={[[t('confirm.member'), userId], ...confirmRows]}
        warning={warning}
        confirmLabel={t(`form.${kind}.confirm`)}
        open={submission.confirming}
        formId={submission.formId}
        onClose={submission.close}
      />
    </Box>
  );
}
