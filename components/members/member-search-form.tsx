'use client';
import { useActionState, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import SearchIcon from '@mui/icons-material/Search';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import { cardNumberSchema, parSchema, userIdSchema } from '@/lib/schemas/fields';
import { ActionAlert } from '@/components/feedback/action-alert';

const firstError = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, value: string) =>
  value === '' ? undefined : schema.safeParse(value).error?.issues[0]?.message;

/**
 * Member id (validated as typed), optionally narrowed to one card by PAR or card number.
 * Enter searches. Id and PAR go in the URL; a card number never does (it is posted).
 */
export function MemberSearchForm({
  initial = {},
  findByCardNumber,
}: {
  initial?: { userId?: string; par?: string };
  findByCardNumber: (prev: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(findByCardNumber, IDLE);
  const [values, setValues] = useState({ userId: initial.userId ?? '', par: initial.par ?? '', cardNo: '' });
  const [submitted, setSubmitted] = useState(false);
  const serverErrors = state.status === 'invalid' ? state.fieldErrors : {};

  const errors = {
    userId: values.userId === '' ? (submitted ? 'Enter the member id.' : undefined) : firstError(userIdSchema, values.userId),
    par: firstError(parSchema, values.par),
    cardNo: firstError(cardNumberSchema, values.cardNo) ?? serverErrors.cardNo?.[0],
    filter: values.par && values.cardNo ? 'Filter by PAR or by card number, not both.' : undefined,
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    setSubmitted(true);
    const invalid = !values.userId || errors.userId || errors.par || errors.filter || firstError(cardNumberSchema, values.cardNo);
    if (invalid) {
      event.preventDefault();
      return;
    }
    if (values.cardNo) return; // posted to the server action
    event.preventDefault();
    const userId = values.userId.trim();
    router.push(`/members/${userId}${values.par ? `?par=${encodeURIComponent(values.par.trim())}` : ''}`);
  }

  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [field]: event.target.value }));

  return (
    <Box component="form" action={formAction} onSubmit={onSubmit} noValidate role="search" aria-label="Find a member's cards">
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
          <TextField
            name="userId"
            label="Member id"
            value={values.userId}
            onChange={set('userId')}
            error={!!errors.userId}
            helperText={errors.userId ?? 'Digits only, up to 19.'}
            autoFocus
            required
            slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', maxLength: 19 } }}
            sx={{ minWidth: 260 }}
          />
          <TextField
            name="par"
            label="PAR (optional)"
            value={values.par}
            onChange={set('par')}
            error={!!errors.par}
            helperText={errors.par ?? '27 characters.'}
            slotProps={{ htmlInput: { autoComplete: 'off', maxLength: 27 } }}
            sx={{ minWidth: 300 }}
          />
          <TextField
            name="cardNo"
            label="Card number (optional)"
            value={values.cardNo}
            onChange={set('cardNo')}
            error={!!errors.cardNo || !!errors.filter}
            helperText={errors.cardNo ?? errors.filter ?? 'Physical card, 16 digits; not kept.'}
            slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', maxLength: 19 } }}
            sx={{ minWidth: 240 }}
          />
          <Button type="submit" variant="contained" size="large" startIcon={<SearchIcon />} loading={pending} sx={{ mt: 1 }}>
            Search
          </Button>
        </Stack>
        <div aria-live="polite">{state.status !== 'invalid' && <ActionAlert state={state} />}</div>
      </Stack>
    </Box>
  );
}
