'use client';
import { useEffect, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { ActionAlert } from '@/components/feedback/action-alert';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import type { CardDelivery, CardDeliveryStatus } from '@/lib/domain/cards';

/** The way of a physical card, in order; LOST, RETURN, CANCEL and ETC leave it. */
const STEPS = ['READY', 'RECEIPT', 'PRE_SHIPPING', 'SHIPPING', 'ARRIVAL'] as const satisfies readonly CardDeliveryStatus[];
const EXCEPTIONS = ['LOST', 'RETURN', 'CANCEL', 'ETC'] as const satisfies readonly CardDeliveryStatus[];

/** Asks Konaplate again (a server action bound to the member and application). */
export type ReadDelivery = () => Promise<ActionState<CardDelivery>>;

/**
 * Where the physical card of an application is: a stepper READY → RECEIPT → PRE_SHIPPING →
 * SHIPPING → ARRIVAL, the exceptions said in words, and a refresh. Without a first answer
 * (after an issuance) it asks at once.
 */
export function CardDeliveryStatus({ cardApplyNo, initial, read }: { cardApplyNo: string; initial?: ActionState<CardDelivery>; read: ReadDelivery }) {
  const t = useTranslations('cards.delivery');
  const [state, setState] = useState<ActionState<CardDelivery>>(initial ?? IDLE);
  const [pending, startTransition] = useTransition();
  const refresh = () => startTransition(async () => setState(await read()));
  useEffect(() => {
    // The outcome of an issuance has no answer yet: ask once on arrival.
    if (!initial) startTransition(async () => setState(await read()));
  }, [initial, read]);

  const status = state.status === 'ok' ? state.data.status : undefined;
  const reached = status ? STEPS.indexOf(status as (typeof STEPS)[number]) : -1;
  const exception = EXCEPTIONS.find((e) => e === status);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={t('title')} data-testid="card-delivery" data-status={status ?? ''}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2, flexWrap: 'wrap', gap: 1 }}>
        <div>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {t('title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('application', { cardApplyNo })}
          </Typography>
        </div>
        <Button size="small" onClick={refresh} loading={pending}>
          {t('refresh')}
        </Button>
      </Stack>
      <div aria-live="polite">
        <ActionAlert state={state} />
        {status && (
          <Typography variant="body2" sx={{ mb: 1 }} data-testid="delivery-status">
            {t('now', { status: t(`status.${status}`), code: status })}
          </Typography>
        )}
        {exception && (
          <Alert severity={exception === 'CANCEL' ? 'info' : 'warning'} sx={{ mb: 2 }}>
            {t(`exception.${exception}`)}
          </Alert>
        )}
      </div>
      <Stepper activeStep={reached === STEPS.length - 1 ? STEPS.length : reached} alternativeLabel>
        {STEPS.map((step, index) => (
          <Step key={step} completed={index <= reached}>
            <StepLabel>{t(`status.${step}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
    </Paper>
  );
}
