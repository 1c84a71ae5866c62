'use client';
import { useActionState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useTranslations } from 'next-intl';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import { changePasswordSchema, type ChangePasswordInput } from '@/lib/schemas/operator';
import { FormTextField } from '@/components/forms/form-text-field';
import { useValidatedForm } from '@/components/forms/use-validated-form';

const EMPTY: ChangePasswordInput = { currentPassword: '', code: '', newPassword: '', confirmPassword: '' };

/** Current password, a current code from the app, and the new password twice. */
export function ChangePasswordForm({ changePassword }: { changePassword: (prev: ActionState, formData: FormData) => Promise<ActionState> }) {
  const t = useTranslations('account.password');
  const [state, formAction, pending] = useActionState(changePassword, IDLE);
  // A change made empties the form; a refusal keeps what was typed, the reason next to its field.
  const form = useValidatedForm(changePasswordSchema, EMPTY, {
    answer: state,
    forgetOnAnswer: (answer) => (answer.status === 'ok' ? 'all' : []),
  });
  const fieldRefusal = state.status === 'invalid' && Object.keys(state.fieldErrors).length > 0;
  return (
    <Box
      component="form"
      aria-label={t('heading')}
      action={formAction}
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        if (!form.validateAll()) event.preventDefault();
      }}
      noValidate
    >
      <Stack spacing={2} sx={{ maxWidth: 480 }}>
        <div aria-live="polite">
          {state.status === 'ok' && <Alert severity="success">{state.message}</Alert>}
          {state.status !== 'ok' && state.status !== 'idle' && !fieldRefusal && <Alert severity="error">{state.message}</Alert>}
        </div>
        <FormTextField form={form} field="currentPassword" type="password" label={t('current')} autoComplete="current-password" required />
        <FormTextField
          form={form}
          field="code"
          label={t('code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          hint={t('codeHint')}
        />
        <FormTextField
          form={form}
          field="newPassword"
          type="password"
          label={t('new')}
          autoComplete="new-password"
          required
          hint={t('newHint')}
        />
        <FormTextField form={form} field="confirmPassword" type="password" label={t('confirm')} autoComplete="new-password" required />
        <Box>
          <Button type="submit" variant="contained" loading={pending}>
            {t('submit')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
