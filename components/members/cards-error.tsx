'use client';
import { useTranslations } from 'next-intl';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import type { MemberCardsResult } from '@/lib/domain/cards';
import { UpstreamReference } from '@/components/feedback/correlation-id-link';

/** Not a member (a plain answer) or a failure to quote: code and correlation id. */
export function CardsError({ userId, result }: { userId: string; result: Extract<MemberCardsResult, { status: 'error' }> }) {
  const t = useTranslations('members.error');
  return (
    <Alert severity={result.memberNotFound ? 'info' : 'error'} data-testid={result.memberNotFound ? 'member-not-found' : 'upstream-error'}>
      <AlertTitle>{result.memberNotFound ? t('notFound', { userId }) : t('unreadable')}</AlertTitle>
      {result.message}
      <Typography variant="body2" sx={{ mt: 1, fontFamily: 'monospace' }}>
        <UpstreamReference code={result.code} correlationId={result.correlationId} />
      </Typography>
    </Alert>
  );
}
