'use client';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import NextLink from 'next/link';
import { useTranslations } from 'next-intl';
import { AUDIT_ACTIONS, AUDIT_OUTCOME_NAMES, type AuditFilterKey, type RawAuditFilters } from '@/lib/domain/audit';
import { useAuditWords } from './use-audit-words';

interface Props {
  /** The filters as typed, and `signIns: 'show'` when sign-ins and sign-outs show (lib/audit/filters.ts). */
  values: RawAuditFilters & { signIns?: string };
  /** Where the form goes (the audit page). */
  action?: string;
  /** The CSV export link for the current filters; absent for roles that may not export. */
  exportHref?: string;
}

/**
 * Filters as a plain GET form: without JavaScript it still works; with it, empty fields are
 * left out of the URL so shared links stay short.
 */
export function AuditFilters({ values, action = '/audit', exportHref }: Props) {
  const router = useRouter();
  const t = useTranslations('audit.filters');
  const words = useAuditWords();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value.trim()) params.set(key, value.trim());
    }
    const query = params.toString();
    router.push(query ? `${action}?${query}` : action);
  };

  const text = (name: AuditFilterKey, extra: Record<string, unknown> = {}) => (
    <TextField name={name} label={t(`fields.${name}`)} defaultValue={values[name] ?? ''} size="small" fullWidth {...extra} />
  );
  /** One of `options` in words, or any. */
  const choice = (name: AuditFilterKey, anyLabel: string, options: readonly string[], label: (value: string) => string) => (
    <TextField select name={name} label={t(`fields.${name}`)} defaultValue={values[name] ?? ''} size="small" fullWidth>
      <MenuItem value="">{anyLabel}</MenuItem>
      {options.map((value) => (
        <MenuItem key={value} value={value}>
          {label(value)}
        </MenuItem>
      ))}
    </TextField>
  );
  const dateTime = { type: 'datetime-local', slotProps: { inputLabel: { shrink: true } } };

  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      {/* key: a new URL resets the uncontrolled fields to its values */}
      <form method="get" action={action} onSubmit={onSubmit} aria-label={t('label')} key={JSON.stringify(values)}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            {text('from', dateTime)}
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            {text('to', dateTime)}
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>{text('operator')}</Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>{text('member', { slotProps: { htmlInput: { inputMode: 'numeric' } } })}</Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>{choice('action', t('anyAction'), AUDIT_ACTIONS, words.action)}</Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>{choice('outcome', t('anyOutcome'), AUDIT_OUTCOME_NAMES, words.outcome)}</Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>{text('code')}</Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>{text('cardState')}</Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>{text('correlationId')}</Grid>
        </Grid>
        <FormControlLabel
          sx={{ mt: 1 }}
          control={<Checkbox name="signIns" value="show" defaultChecked={values.signIns === 'show'} />}
          label={t('showSignIns')}
        />
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button type="submit" variant="contained">
            {t('apply')}
          </Button>
          <Button component={NextLink} href={action}>
            {t('clear')}
          </Button>
          {exportHref && (
            <Button component="a" href={exportHref} download variant="outlined" sx={{ ml: 'auto !important' }}>
              {t('export')}
            </Button>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
