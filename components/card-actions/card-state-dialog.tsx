'use client';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import type * as z from 'zod/mini';
import { ActionAlert } from '@/components/feedback/action-alert';
import type { ActionState } from '@/lib/domain/action-state';
import { useValidatedForm } from '@/components/forms/use-validated-form';
import { cancelApplicationFormSchema, cardStatusFormSchema } from '@/lib/schemas/card-requests';
import { ReasonFields } from './reason-fields';
import { useCardAction, type CardAction } from './use-card-action';

/** The state changes of a card's page, named as their words are (`cardActions.stateChange.<kind>`). */
export type CardStateChange = 'suspend' | 'resume' | 'cancel';

const STATUS = { suspend: 'SUSPEND', resume: 'RESUME' } as const;

/**
 * One state change of a card: its button, and a dialog that asks for the reason, says what
 * will happen and sends once (the idempotency key of the page's render). The dialog opens on
 * the first reason; Enter in the reason's words confirms. `onDone` hears the answer (done, or held for approval).
 */
export function CardStateDialog<T>({
  kind,
  action,
  idempotencyKey,
  preview,
  onDone,
}: {
  kind: CardStateChange;
  action: CardAction<T>;
  idempotencyKey: string;
  /** What will happen, below the reason. */
  preview?: ReactNode;
  onDone: (answer: Extract<ActionState<unknown>, { status: 'ok' | 'held' }>) => void;
}) {
  const t = useTranslations('cardActions.stateChange');
  const submission = useCardAction(action, idempotencyKey);
  const { state } = submission;
  // No reason is chosen for the operator: the form opens without one, and the schema asks for it.
  const schema: z.ZodMiniType<unknown, Record<string, unknown>> = kind === 'cancel' ? cancelApplicationFormSchema : cardStatusFormSchema;
  const form = useValidatedForm(schema, { idempotencyKey, reason: '', reasonText: '', ...(kind === 'cancel' ? {} : { status: STATUS[kind] }) }, { answer: state });
  const [open, setOpen] = useState(false);
  const titleId = useId();

  // A success closes the dialog (adjusting state during render) and tells the page (an effect: it refreshes the page).
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state.status === 'ok' || state.status === 'held') setOpen(false);
  }
  useEffect(() => {
    if (state.status === 'ok' || state.status === 'held') onDone(state);
  }, [state, onDone]);

  return (
    <>
      <Button variant={kind === 'resume' ? 'contained' : 'outlined'} color={kind === 'suspend' ? 'error' : 'primary'} onClick={() => setOpen(true)}>
        {t(`${kind}.open`)}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} maxWidth="sm" fullWidth>
        <Box
          component="form"
          id={submission.formId}
          action={submission.formAction}
          noValidate
          aria-label={t(`${kind}.title`)}
          onSubmit={(event) => {
            // Nothing is sent while a field is wrong: the errors show instead.
            if (submission.locked || form.validateAll() === undefined) event.preventDefault();
          }}
        >
          <input type="hidden" name="idempotencyKey" value={submission.key} />
          {kind !== 'cancel' && <input type="hidden" name="status" value={STATUS[kind]} />}
          <DialogTitle id={titleId}>{t(`${kind}.title`)}</DialogTitle>
          <DialogContent>
            <Stack spacing={2}>
              <DialogContentText>{t(`${kind}.intro`)}</DialogContentText>
              <div aria-live="polite">
                <ActionAlert state={state} />
              </div>
              <ReasonFields form={form} question={t('reasonQuestion')} autoFocus />
              {preview}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{t('back')}</Button>
            <Button type="submit" variant="contained" color={kind === 'resume' ? 'primary' : 'error'} disabled={submission.locked} loading={submission.pending}>
              {t(`${kind}.confirm`)}
            </Button>
          </DialogActions>
        </Box>
      </Dialog>
    </>
  );
}
