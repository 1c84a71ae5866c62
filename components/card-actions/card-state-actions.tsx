'use client';
import { useCallback, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/domain/action-state';
import { ActionAlert } from '@/components/feedback/action-alert';
import { useSWRConfig } from 'swr';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { CardStateActions as Offers } from '@/lib/domain/card-status';
import type { CancelledCardApplication } from '@/lib/domain/cards';
import { CardStateDialog } from './card-state-dialog';
import { ConsequencePreview } from './consequence-preview';
import type { CardAction } from './use-card-action';

/**
 * The card page's actions: suspend, resume, reissue, cancel the application; each one offered
 * only when the card's state and the operator's role allow it, with why not for the reissue.
 * After a change the page is read again (fresh: the write cleared the shared reads), so the
 * next step shows at once: after a suspension as lost, the reissue.
 */
export function CardStateActions({
  userId,
  offers,
  reissue,
  keys,
  changeStatus,
  cancelApplication,
}: {
  userId: string;
  offers: Offers;
  /** Absent when the operator's role does not reissue. */
  reissue?: { offered: boolean; href: string; reason: string };
  /** A fresh idempotency key per change, from the page's render. */
  keys: Record<'suspend' | 'resume' | 'cancel', string>;
  changeStatus: CardAction<null>;
  cancelApplication?: CardAction<CancelledCardApplication>;
}) {
  const t = useTranslations('cards.page');
  const router = useRouter();
  const { mutate } = useSWRConfig();
  const [done, setDone] = useState<Extract<ActionState<unknown>, { status: 'ok' | 'held' }>>();
  const onDone = useCallback(
    (answer: Extract<ActionState<unknown>, { status: 'ok' | 'held' }>) => {
      setDone(answer);
      void mutate((key) => typeof key === 'string' && key.startsWith(`/api/members/${userId}/cards`));
      router.refresh();
    },
    [mutate, router, userId],
  );

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="card-actions">
      <Typography id="card-actions" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
        {t('actions')}
      </Typography>
      <Stack spacing={2}>
        <div aria-live="polite">
          {done?.status === 'ok' && (
            <Alert severity="success" data-testid="state-change-done" onClose={() => setDone(undefined)}>
              {done.message}
            </Alert>
          )}
          {done?.status === 'held' && <ActionAlert state={done} />}
        </div>
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
          {offers.suspend && (
            <CardStateDialog
              key={keys.suspend}
              kind="suspend"
              action={changeStatus}
              idempotencyKey={keys.suspend}
              preview={<ConsequencePreview kind="suspend" />}
              onDone={onDone}
            />
          )}
          {offers.resume && <CardStateDialog key={keys.resume} kind="resume" action={changeStatus} idempotencyKey={keys.resume} onDone={onDone} />}
          {reissue?.offered && (
            <Button variant="contained" href={reissue.href}>
              {t('reissue')}
            </Button>
          )}
          {offers.cancel && cancelApplication && (
            <CardStateDialog key={keys.cancel} kind="cancel" action={cancelApplication} idempotencyKey={keys.cancel} onDone={onDone} />
          )}
        </Stack>
        {reissue &&
          (reissue.offered ? (
            <Typography variant="body2" color="text.secondary">
              {t('offered', { reason: reissue.reason })}
            </Typography>
          ) : (
            <Alert severity="info" data-testid="reissue-not-offered">
              {t('notOffered', { reason: reissue.reason })}
            </Alert>
          ))}
      </Stack>
    </Paper>
  );
}
