'use client';
import { useActionState, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import { decodeMobileStatus, decodePhysicalStatus } from '@/lib/domain/card-status';
import type { UnregisteredCard } from '@/lib/domain/cards';
import { describeExpiry } from '@/lib/format/expiry';
import { formatKrw } from '@/lib/format/money';
import { unregisteredLookupSchema } from '@/lib/schemas/unregistered-card';
import { ActionAlert } from '@/components/feedback/action-alert';
import { CorrelationId } from '@/components/feedback/correlation-id-link';
import { CardImage } from './card-image';
import { StatusChip } from './status-chip';

type State = ActionState<UnregisteredCard>;

/** Codes that are answers about the card, not failures. */
const PLAIN_ANSWERS: Record<string, string> = {
  '003_901': 'Card not found: no card matches this number, expiry and CVC. Ask the caller to read them again.',
  '003_902': "Already registered: this card belongs to a member. Search by the member's id instead.",
};

export function UnregisteredLookup({ action }: { action: (prev: State, formData: FormData) => Promise<State> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <Stack spacing={3}>
      {/* A new form after every answer: what was typed, the CVC above all, is gone. */}
      <LookupForm key={JSON.stringify(state)} formAction={formAction} pending={pending} serverErrors={state.status === 'invalid' ? state.fieldErrors : {}} />
      <div aria-live="polite">
        <Answer state={state} />
      </div>
    </Stack>
  );
}

function LookupForm({
  formAction,
  pending,
  serverErrors,
}: {
  formAction: (formData: FormData) => void;
  pending: boolean;
  serverErrors: Record<string, string[] | undefined>;
}) {
  const [values, setValues] = useState({ cardNo: '', expiry: '', cvc: '' });
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const parsed = unregisteredLookupSchema.safeParse(values);
  const errorOf = (field: keyof typeof values) => {
    if (!touched[field]) return serverErrors[field]?.[0];
    return parsed.success ? undefined : parsed.error.issues.find((issue) => issue.path[0] === field)?.message;
  };
  const bind = (field: keyof typeof values) => ({
    name: field,
    value: values[field],
    onChange: (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value })),
    onBlur: () => setTouched((t) => ({ ...t, [field]: true })),
    error: !!errorOf(field),
  });

  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <Box
        component="form"
        action={formAction}
        noValidate
        aria-label="Unregistered card"
        onSubmit={(event) => {
          setTouched({ cardNo: true, expiry: true, cvc: true });
          if (!parsed.success) event.preventDefault();
        }}
      >
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
          <TextField
            {...bind('cardNo')}
            label="Card number"
            required
            autoFocus
            helperText={errorOf('cardNo') ?? '16 digits.'}
            slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', maxLength: 19 } }}
            sx={{ minWidth: 240 }}
          />
          <TextField
            {...bind('expiry')}
            label="Expiry (MM/YY)"
            required
            helperText={errorOf('expiry') ?? 'As on the card.'}
            slotProps={{ htmlInput: { autoComplete: 'off', maxLength: 5 } }}
            sx={{ width: 150 }}
          />
          <TextField
            {...bind('cvc')}
            type="password"
            label="CVC"
            required
            helperText={errorOf('cvc') ?? '3 digits; never kept.'}
            slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', maxLength: 3 } }}
            sx={{ width: 130 }}
          />
          <Button type="submit" variant="contained" size="large" loading={pending} sx={{ mt: 1 }}>
            Look up
          </Button>
        </Stack>
      </Box>
    </Paper>
  );
}

function Answer({ state }: { state: State }) {
  if (state.status === 'upstream-error' && state.code && PLAIN_ANSWERS[state.code]) {
    return (
      <Alert severity="info" data-testid="lookup-answer">
        {PLAIN_ANSWERS[state.code]}
        <Typography variant="body2" sx={{ mt: 1, fontFamily: 'monospace' }}>
          Result code {state.code} · Correlation id <CorrelationId id={state.correlationId} />
        </Typography>
      </Alert>
    );
  }
  if (state.status !== 'ok') return state.status === 'invalid' ? null : <ActionAlert state={state} />;
  const card = state.data;
  const expiry = describeExpiry(card.expiryDate);
  const flags: [string, boolean | undefined][] = [
    ['Rechargeable', card.rechargeable],
    ['From a personal account', card.personalRechargeable],
    ['Refundable', card.refundable],
    ['Remittable', card.remittable],
    ['Overseas payments', card.overseaPaymentable],
  ];
  return (
    <Paper variant="outlined" sx={{ p: 3 }} data-testid="lookup-result">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <CardImage src={card.serviceImageUrl} alt={`${card.serviceName} card`} width={120} />
        <div>
          <Typography variant="h6" component="h2">
            {card.serviceName}
          </Typography>
          <Typography color="text.secondary">
            Not registered to any member · {card.physicalCardNoMasked ?? card.mobileCardNoMasked}
          </Typography>
          <Stack direction="row" sx={{ gap: 0.5, mt: 1, flexWrap: 'wrap' }}>
            {card.mobileCardStatus && <StatusChip status={decodeMobileStatus(card.mobileCardStatus)} prefix="Mobile" />}
            {card.physicalCardStatus && <StatusChip status={decodePhysicalStatus(card.physicalCardStatus)} prefix="Physical" />}
          </Stack>
        </div>
      </Stack>
      <Alert severity="success" sx={{ mb: 2 }}>
        <AlertTitle>Balance {formatKrw(card.balance)}</AlertTitle>
        Rechargeable {formatKrw(card.rechargeableAmount)} · minimum top-up {formatKrw(card.minRechargeAmount)} · expiry {expiry.date} (
        {expiry.label})
      </Alert>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        {flags
          .filter(([, value]) => value !== undefined)
          .map(([label, value]) => (
            <Chip key={label} size="small" variant="outlined" color={value ? 'success' : 'default'} label={`${label}: ${value ? 'yes' : 'no'}`} />
          ))}
      </Stack>
    </Paper>
  );
}
