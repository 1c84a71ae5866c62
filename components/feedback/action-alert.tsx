'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import type { ActionState } from '@/lib/domain/action-state';
import { UpstreamReference } from './correlation-id-link';

/** An action held for a checker: nothing was sent; where to follow it. */
function HeldForApproval({ message, requestId }: { message: string; requestId: string }) {
  const t = useTranslations('approvals.held');
  return (
    <Alert severity="info" data-testid="held-for-approval">
      <AlertTitle>{t('title')}</AlertTitle>
      {message} <Link href={`/approvals/${requestId}`}>{t('follow')}</Link>
    </Alert>
  );
}

/**
 * Any failed or held ActionState as an alert, in the words the server wrote for the operator. Upstream
 * failures show the Konaplate result code and the correlation id, for the operator to quote.
 */
export function ActionAlert({ state }: { state: ActionState<unknown> }) {
  const t = useTranslations('resultCodes.alert');
  switch (state.status) {
    case 'idle':
    case 'ok':
      return null;
    case 'invalid':
    case 'forbidden':
    case 'unauthenticated':
    case 'unavailable':
      return <Alert severity="error">{state.message}</Alert>;
    case 'held':
      return <HeldForApproval message={state.message} requestId={state.requestId} />;
    case 'upstream-error':
      return (
        <Alert severity={state.outcomeUnknown ? 'warning' : 'error'} data-testid="upstream-error">
          <AlertTitle>{state.outcomeUnknown ? t('outcomeUnknown') : t('refused')}</AlertTitle>
          {state.message}
          <Typography variant="body2" component="div" sx={{ mt: 1, fontFamily: 'monospace' }}>
            <UpstreamReference code={state.code} correlationId={state.correlationId} />
          </Typography>
        </Alert>
      );
  }
}
