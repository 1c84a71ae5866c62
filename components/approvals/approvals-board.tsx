'use client';
import { useActionState, useTransition } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import useSWR from 'swr';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ActionAlert } from '@/components/feedback/action-alert';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import type { ApprovalRequestView } from '@/lib/domain/approvals';
import { useApprovalWords } from './approval-words';

export interface ApprovalsBoardData {
  pending: ApprovalRequestView[];
  mine: ApprovalRequestView[];
  mayDecide: boolean;
}

async function fetchBoard(url: string): Promise<ApprovalsBoardData> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  // The session ended: reloading lets the console send the operator to sign in and back.
  if (response.status === 401) window.location.reload();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as ApprovalsBoardData;
}

/**
 * The checkers' queue and the operator's own requests, refreshed every few seconds so that a
 * decision made elsewhere shows without a reload.
 */
export function ApprovalsBoard({ initial, withdraw }: { initial: ApprovalsBoardData; withdraw: (requestId: string) => Promise<ActionState<undefined>> }) {
  const t = useTranslations('approvals');
  const { data = initial, mutate } = useSWR('/api/approvals', fetchBoard, { fallbackData: initial, refreshInterval: 10_000, revalidateOnMount: false });
  const [withdrawn, withdrawAction] = useActionState(async (_prev: ActionState<undefined>, requestId: string) => {
    const answer = await withdraw(requestId);
    await mutate();
    return answer;
  }, IDLE);
  const [pendingWithdrawal, startWithdrawal] = useTransition();

  return (
    <Stack spacing={3}>
      {data.mayDecide && (
        <section aria-labelledby="approvals-queue">
          <Typography id="approvals-queue" variant="h6" component="h2" gutterBottom>
            {t('queue.heading')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 1 }} data-testid="approvals-count">
            {t('queue.count', { count: data.pending.length })}
          </Typography>
          {data.pending.length > 0 && <RequestTable caption={t('queue.caption')} requests={data.pending} showMaker />}
        </section>
      )}
      <section aria-labelledby="approvals-mine">
        <Typography id="approvals-mine" variant="h6" component="h2" gutterBottom>
          {t('mine.heading')}
        </Typography>
        {withdrawn.status === 'ok' && (
          <Alert severity="success" sx={{ mb: 1 }}>
            {withdrawn.message}
          </Alert>
        )}
        <ActionAlert state={withdrawn} />
        {data.mine.length === 0 ? (
          <Typography color="text.secondary">{t('mine.empty')}</Typography>
        ) : (
          <RequestTable
            caption={t('mine.caption')}
            requests={data.mine}
            showStatus
            withdraw={(id) => startWithdrawal(() => withdrawAction(id))}
            withdrawing={pendingWithdrawal}
          />
        )}
      </section>
    </Stack>
  );
}

function RequestTable({
  caption,
  requests,
  showMaker = false,
  showStatus = false,
  withdraw,
  withdrawing = false,
}: {
  caption: string;
  requests: ApprovalRequestView[];
  showMaker?: boolean;
  showStatus?: boolean;
  withdraw?: (requestId: string) => void;
  withdrawing?: boolean;
}) {
  const t = useTranslations('approvals');
  const words = useApprovalWords();
  const format = useLocaleFormat();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small">
        <caption style={{ captionSide: 'top', textAlign: 'start' }}>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableCell>{t('queue.action')}</TableCell>
            <TableCell>{t('queue.member')}</TableCell>
            <TableCell>{t('queue.reason')}</TableCell>
            {showMaker && <TableCell>{t('queue.maker')}</TableCell>}
            <TableCell>{t('queue.requestedAt')}</TableCell>
            <TableCell>{showStatus ? t('mine.status') : t('queue.expiresAt')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {requests.map((request) => (
            <TableRow key={request.id} data-testid="approval-row">
              <TableCell>{words.action(request)}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{request.memberId}</TableCell>
              <TableCell>{words.reason(request)}</TableCell>
              {showMaker && <TableCell>{request.makerEmail}</TableCell>}
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(request.createdAt)}</TableCell>
              <TableCell>
                {showStatus ? (
                  <>
                    {t(`statuses.${request.status}`)}
                    {request.outcome && (
                      <Typography variant="body2" color="text.secondary">
                        {request.outcome.message}
                        {request.outcome.code && ` (${request.outcome.code})`}
                      </Typography>
                    )}
                  </>
                ) : (
                  <span style={{ whiteSpace: 'nowrap' }}>{format.dateTime(request.expiresAt)}</span>
                )}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                <Button component={Link} href={`/approvals/${request.id}`} size="small" aria-label={t('queue.openLabel', { id: request.id.slice(0, 8) })}>
                  {t('queue.open')}
                </Button>
                {withdraw && request.status === 'pending' && (
                  <Button size="small" disabled={withdrawing} onClick={() => withdraw(request.id)} aria-label={t('mine.withdrawLabel', { id: request.id.slice(0, 8) })}>
                    {t('mine.withdraw')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
