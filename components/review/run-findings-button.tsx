'use client';
import { useActionState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useTranslations } from 'next-intl';
import { ActionAlert } from '@/components/feedback/action-alert';
import { IDLE, type ActionState } from '@/lib/domain/action-state';

/** Runs the findings rules now (management only); the answer says what the run found. */
export function RunFindingsButton({ run }: { run: () => Promise<ActionState> }) {
  const t = useTranslations('review.findings');
  const [state, formAction, pending] = useActionState(run, IDLE);
  return (
    <Stack component="form" action={formAction} spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button type="submit" variant="contained" loading={pending}>
        {t('run')}
      </Button>
      <div aria-live="polite">{state.status === 'ok' ? <Alert severity="success">{state.message}</Alert> : <ActionAlert state={state} />}</div>
    </Stack>
  );
}
