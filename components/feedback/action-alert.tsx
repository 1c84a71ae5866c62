'use client';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import type { ActionState } from '@/lib/domain/action-state';
import { CorrelationId } from './correlation-id-link';

/**
 * Any failed ActionState as an alert. Upstream failures show the Konaplate result code
 * and the correlation id, for the operator to quote.
 */
export function ActionAlert({ state }: { state: ActionState<unknown> }) {
  switch (state.status) {
    case 'idle':
    case 'ok':
      return null;
    case 'invalid':
      return <Alert severity="error">{state.message}</Alert>;
    case 'forbidden':
    case 'unauthenticated':
    case 'unavailable':
      return <Alert severity="error">{state.message}</Alert>;
    case 'upstream-error':
      return (
        <Alert severity={state.outcomeUnknown ? 'warning' : 'error'} data-testid="upstream-error">
          <AlertTitle>{state.outcomeUnknown ? 'Outcome unknown' : 'Konaplate refused the request'}</AlertTitle>
          {state.message}
          <Typography variant="body2" component="div" sx={{ mt: 1, fontFamily: 'monospace' }}>
            {state.code && <span>Result code {state.code} · </span>}
            <span>
              Correlation id <CorrelationId id={state.correlationId} />
            </span>
          </Typography>
        </Alert>
      );
  }
}
