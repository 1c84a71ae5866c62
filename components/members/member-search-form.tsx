'use client';
import { useActionState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import SearchIcon from '@mui/icons-material/Search';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import { memberSearchSchema } from '@/lib/schemas/member-search';
import { ActionAlert } from '@/components/feedback/action-alert';
import { FormTextField } from '@/components/forms/form-text-field';
import { useValidatedForm } from '@/components/forms/use-validated-form';

/**
 * The member id field's id, stable across pages and renders; the field also carries
 * `data-member-search`, which the `/` shortcut looks for to focus it.
 */
const MEMBER_SEARCH_INPUT_ID = 'member-search-user-id';

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
  const t = useTranslations('members.search');
  const router = useRouter();
  const [state, formAction, pending] = useActionState(findByCardNumber, IDLE);
  const form = useValidatedForm(memberSearchSchema, { userId: initial.userId ?? '', par: initial.par ?? '', cardNo: '' }, { answer: state });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const search = form.validateAll();
    if (!search) {
      event.preventDefault();
      return;
    }
    if (search.cardNo) return; // posted to the server action
    event.preventDefault();
    router.push(`/members/${search.userId}${search.par ? `?par=${encodeURIComponent(search.par)}` : ''}`);
  }

  return (
    <Box component="form" action={formAction} onSubmit={onSubmit} noValidate role="search" aria-label={t('form')}>
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
          <TextField
            {...form.textField('userId')}
            id={MEMBER_SEARCH_INPUT_ID}
            label={t('userId')}
            helperText={form.errorOf('userId') ?? t('userIdHint')}
            autoFocus
            required
            slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', 'data-member-search': '' } }}
            sx={{ minWidth: 260 }}
          />
          <FormTextField form={form} field="par" label={t('par')} hint={t('parHint')} autoComplete="off" sx={{ minWidth: 300 }} />
          <FormTextField
            form={form}
            field="cardNo"
            label={t('cardNo')}
            hint={t('cardNoHint')}
            inputMode="numeric"
            autoComplete="off"
            sx={{ minWidth: 240 }}
          />
          <Button type="submit" variant="contained" size="large" startIcon={<SearchIcon />} loading={pending} sx={{ mt: 1 }}>
            {t('submit')}
          </Button>
        </Stack>
        <div aria-live="polite">{state.status !== 'invalid' && <ActionAlert state={state} />}</div>
      </Stack>
    </Box>
  );
}
