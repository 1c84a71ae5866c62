'use client';
import { useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/domain/action-state';
import { HeldForApproval } from '@/components/approvals/held-for-approval';
import { Alert } from '@/components/primitives/alert';
import primitives from '@/components/primitives/primitives.module.css';
import { UpstreamReference } from './correlation-id-link';

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
        <Alert severity={state.outcomeUnknown ? 'warning' : 'error'} title={state.outcomeUnknown ? t('outcomeUnknown') : t('refused')} data-testid="upstream-error">
          {state.message}
          <div className={primitives.reference}>
            <UpstreamReference code={state.code} correlationId={state.correlationId} />
          </div>
        </Alert>
      );
  }
}
