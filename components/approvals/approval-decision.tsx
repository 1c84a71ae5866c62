'use client';
import { useActionState, useId, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { ActionAlert } from '@/components/feedback/action-alert';
import { FormTextField } from '@/components/forms/form-text-field';
import { useValidatedForm } from '@/components/forms/use-validated-form';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import type { ApprovalOutcome } from '@/lib/domain/approvals';
import { decisionFormSchema, identityDecisionFormSchema } from '@/lib/schemas/approvals';

type Decide = (prev: ActionState<ApprovalOutcome>, formData: FormData) => Promise<ActionState<ApprovalOutcome>>;

/**
 * Approve (after a confirmation: it sends the action) or reject (with a comment). The identity
 * number of a debit issuance is asked here because the request does not keep it.
 */
export function ApprovalDecision({ decide, needsIdentityNumber }: { decide: Decide; needsIdentityNumber: boolean }) {
  const t = useTranslations('approvals.decision');
  const tDialog = useTranslations('common.confirmDialog');
  const formId = useId();
  const titleId = useId();
  const [state, formAction, pending] = useActionState(decide, IDLE);
  const [confirming, setConfirming] = useState(false);
  const schema = needsIdentityNumber ? identityDecisionFormSchema : decisionFormSchema;
  const form = useValidatedForm(schema, { decision: 'approve', comment: '', residentRegistrationNo: '' }, { answer: state });

  if (state.status === 'ok') {
    return (
      <Alert severity={state.data.status === 'rejected' ? 'info' : 'success'} role="status" data-testid="decision-outcome">
        {state.message}
      </Alert>
    );
  }
  return (
    <Box
      component="form"
      id={formId}
      action={formAction}
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        const decision = submitter?.value === 'reject' ? 'reject' : 'approve';
        if (!schema.safeParse({ ...form.values, decision }).success) {
          // The rules of this decision (a rejection's comment) show at their fields.
          form.setField('decision', decision);
          form.validateAll();
          event.preventDefault();
        }
      }}
      noValidate
    >
      <Stack spacing={2} sx={{ maxWidth: 640 }}>
        <ActionAlert state={state} />
        <FormTextField form={form} field="comment" label={t('comment')} hint={t('commentHint')} />
        {needsIdentityNumber && (
          <FormTextField
            form={form}
            field="residentRegistrationNo"
            type="password"
            autoComplete="off"
            inputMode="numeric"
            label={t('identityNumber')}
            hint={t('identityNumberHint')}
            required
          />
        )}
        <Stack direction="row" spacing={1}>
          <Button
            variant="contained"
            loading={pending}
            onClick={() => {
              // The confirmation opens only for an approval that would pass the checks.
              if (!schema.safeParse({ ...form.values, decision: 'approve' }).success) form.validateAll();
              else setConfirming(true);
            }}
          >
            {t('approve')}
          </Button>
          <Button type="submit" name="decision" value="reject" variant="outlined" color="error" disabled={pending}>
            {t('reject')}
          </Button>
        </Stack>
      </Stack>
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby={titleId}>
        <DialogTitle id={titleId}>{t('confirmApproveTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('confirmApproveBody')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{tDialog('back')}</Button>
          <Button type="submit" form={formId} name="decision" value="approve" variant="contained" autoFocus onClick={() => setConfirming(false)}>
            {t('approve')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
