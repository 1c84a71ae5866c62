'use client';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import NextLink from 'next/link';
import { AUDIT_ACTION_LABELS, AUDIT_OUTCOME_LABELS, type AuditFilterKey, type RawAuditFilters } from '@/lib/domain/audit';

interface Props {
  values: RawAuditFilters;
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
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value.trim()) params.set(key, value.trim());
    }
    const query = params.toString();
    router.push(query ? `${action}?${query}` : action);
  };

  const text = (name: AuditFilterKey, label: string, extra: Record<string, unknown> = {}) => (
    <TextField name={name} label={label} defaultValue={values[name] ?? ''} size="small" fullWidth {...extra} />
  );
  /** One of `labels` (value → label), or any. */
  const choice = (name: AuditFilterKey, label: string, anyLabel: string, labels: Record<string, string>) => (
    <TextField select name={name} label={label} defaultValue={values[name] ?? ''} size="small" fullWidth>
      <MenuItem value="">{anyLabel}</MenuItem>
      {Object.entries(labels).map(([value, optionLabel]) => (
        <MenuItem key={value} value={value}>
          {optionLabel}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      {/* key: a new URL resets the uncontrolled fields to its values */}
      <form method="get" action={action} onSubmit={onSubmit} aria-label="Audit filters" key={JSON.stringify(values)}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            {text('from', 'From (Korea time)', { type: 'datetime-local', slotProps: { inputLabel: { shrink: true } } })}
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            {text('to', 'To (Korea time)', { type: 'datetime-local', slotProps: { inputLabel: { shrink: true } } })}
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>{text('operator', 'Operator (email or id)')}</Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>{text('member', 'Member id', { slotProps: { htmlInput: { inputMode: 'numeric' } } })}</Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>{choice('action', 'Action', 'Any action', AUDIT_ACTION_LABELS)}</Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>{choice('outcome', 'Outcome', 'Any outcome', AUDIT_OUTCOME_LABELS)}</Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>{text('code', 'Result code')}</Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>{text('correlationId', 'Correlation id')}</Grid>
        </Grid>
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button type="submit" variant="contained">
            Apply filters
          </Button>
          <Button component={NextLink} href={action}>
            Clear
          </Button>
          {exportHref && (
            <Button component="a" href={exportHref} download variant="outlined" sx={{ ml: 'auto !important' }}>
              Export CSV
            </Button>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
