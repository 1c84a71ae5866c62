import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import type { MemberCardsResult } from '@/lib/domain/cards';
import { CorrelationId } from '@/components/feedback/correlation-id-link';

/** Not a member (a plain answer) or a failure to quote: code and correlation id. */
export function CardsError({ userId, result }: { userId: string; result: Extract<MemberCardsResult, { status: 'error' }> }) {
  if (result.memberNotFound) {
    return (
      <Alert severity="info" data-testid="member-not-found">
        <AlertTitle>No member with id {userId}</AlertTitle>
        {result.message}
        <Typography variant="body2" sx={{ mt: 1, fontFamily: 'monospace' }}>
          Result code {result.code} · Correlation id <CorrelationId id={result.correlationId} />
        </Typography>
      </Alert>
    );
  }
  return (
    <Alert severity="error" data-testid="upstream-error">
      <AlertTitle>The cards could not be read</AlertTitle>
      {result.message}
      <Typography variant="body2" sx={{ mt: 1, fontFamily: 'monospace' }}>
        {result.code && <span>Result code {result.code} · </span>}
        Correlation id <CorrelationId id={result.correlationId} />
      </Typography>
    </Alert>
  );
}
