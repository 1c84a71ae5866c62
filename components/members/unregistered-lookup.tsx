'use client';
import { useActionState, useId, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import { decodeMobileStatus, decodePhysicalStatus } from '@/lib/domain/card-status';
import type { UnregisteredCard } from '@/lib/domain/cards';
import { unregisteredLookupSchema } from '@/lib/schemas/unregistered-card';
import { ActionAlert } from '@/components/feedback/action-alert';
import { UpstreamReference } from '@/components/feedback/correlation-id-link';
import { FormTextField } from '@/components/forms/form-text-field';
import { useValidatedForm } from '@/components/forms/use-validated-form';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { CardImage } from './card-image';
import { StatusChip } from './status-chip';
import { useExpiry } from './use-expiry';

type State = ActionState<UnregisteredCard>;

const EMPTY = { cardNo: '', expiry: '', cvc: '' };

export function UnregisteredLookup({ action }: { action: (prev: State, formData: FormData) => Promise<State> }) {
  const t = useTranslations('cards.unregistered');
  const [state, formAction, pending] = useActionState(action, IDLE);
  // The form is emptied by every answer: what was typed, the CVC above all, is gone.
  const form = useValidatedForm(unregisteredLookupSchema, EMPTY, { answer: state, forgetOnAnswer: 'all' });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!form.validateAll()) event.preventDefault();
  };

  return (
    <Stack spacing={3}>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Box component="form" action={formAction} onSubmit={onSubmit} noValidate aria-label={t('form')}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
            <FormTextField
              form={form}
              field="cardNo"
              label={t('cardNo')}
              required
              autoFocus
              hint={t('cardNoHint')}
              inputMode="numeric"
              autoComplete="off"
              sx={{ minWidth: 240 }}
            />
            <FormTextField
              form={form}
              field="expiry"
              label={t('expiry')}
              required
              hint={t('expiryHint')}
              autoComplete="off"
              sx={{ width: 170 }}
            />
            <FormTextField
              form={form}
              field="cvc"
              type="password"
              label={t('cvc')}
              required
              hint={t('cvcHint')}
              inputMode="numeric"
              autoComplete="off"
              sx={{ width: 130 }}
            />
            <Button type="submit" variant="contained" size="large" loading={pending} sx={{ mt: 1 }}>
              {t('submit')}
            </Button>
          </Stack>
        </Box>
      </Paper>
      <div aria-live="polite">
        <Answer state={state} />
      </div>
    </Stack>
  );
}

function Answer({ state }: { state: State }) {
  const t = useTranslations('cards');
  const { krw } = useLocaleFormat();
  const expiryOf = useExpiry();
  const headingId = useId();
  // "Not found" and "already registered" are answers about the card, not failures.
  if (state.status === 'upstream-error' && state.answer) {
    return (
      <Alert severity="info" data-testid="lookup-answer">
        <AlertTitle>{state.answer.meaning}</AlertTitle>
        {state.answer.tellMember}
        <Typography variant="body2" sx={{ mt: 1, fontFamily: 'monospace' }}>
          <UpstreamReference code={state.code} correlationId={state.correlationId} />
        </Typography>
      </Alert>
    );
  }
  if (state.status !== 'ok') return state.status === 'invalid' ? null : <ActionAlert state={state} />;
  const card = state.data;
  const expiry = expiryOf(card.expiryDate);
  const flags: [string, boolean | undefined][] = [
    [t('detail.abilities.rechargeable'), card.rechargeable],
    [t('detail.abilities.personalRechargeable'), card.personalRechargeable],
    [t('detail.abilities.refundable'), card.refundable],
    [t('detail.abilities.remittable'), card.remittable],
    [t('unregistered.overseas'), card.overseaPaymentable],
  ];
  return (
    <Paper variant="outlined" sx={{ p: 3 }} component="section" aria-labelledby={headingId} data-testid="lookup-result">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <CardImage src={card.serviceImageUrl} alt={t('imageAlt', { name: card.serviceName })} width={120} />
        <div>
          <Typography id={headingId} variant="h6" component="h2">
            {card.serviceName}
          </Typography>
          <Typography color="text.secondary">
            {t('unregistered.notRegistered', { number: card.physicalCardNoMasked ?? card.mobileCardNoMasked ?? '—' })}
          </Typography>
          <Stack direction="row" sx={{ gap: 0.5, mt: 1, flexWrap: 'wrap' }}>
            {card.mobileCardStatus && <StatusChip status={decodeMobileStatus(card.mobileCardStatus)} prefix={t('status.prefix.mobile')} />}
            {card.physicalCardStatus && (
              <StatusChip status={decodePhysicalStatus(card.physicalCardStatus)} prefix={t('status.prefix.physical')} />
            )}
          </Stack>
        </div>
      </Stack>
      <Alert severity="success" sx={{ mb: 2 }}>
        <AlertTitle>{t('unregistered.balance', { amount: krw(card.balance) })}</AlertTitle>
        {t('unregistered.summary', {
          rechargeable: krw(card.rechargeableAmount),
          minimum: krw(card.minRechargeAmount),
          date: expiry.date,
          relative: expiry.relative,
        })}
      </Alert>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        {flags
          .filter(([, value]) => value !== undefined)
          .map(([label, value]) => (
            <Chip key={label} size="small" variant="outlined" color={value ? 'success' : 'default'} label={t('unregistered.flag', { label, value: value ? 'yes' : 'no' })} />
          ))}
      </Stack>
    </Paper>
  );
}
