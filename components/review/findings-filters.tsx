'use client';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import NextLink from 'next/link';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslations } from 'next-intl';
import { FINDING_RULES, FINDING_SEVERITIES, FINDING_STATUSES } from '@/lib/domain/review';

type Values = Partial<Record<'status' | 'severity' | 'rule', string>>;

/** The findings page's filters as a GET form (empty ones left out of the URL), like the audit page's. */
export function FindingsFilters({ values }: { values: Values }) {
  const router = useRouter();
  const t = useTranslations('review');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value) params.set(key, value);
    }
    const query = params.toString();
    router.push(query ? `/review?${query}` : '/review');
  };
  const choice = (name: keyof Values, options: readonly string[], label: (value: string) => string) => (
    <TextField select name={name} label={t(`findings.filters.${name}`)} defaultValue={values[name] ?? ''} size="small" fullWidth>
      <MenuItem value="">{t('findings.filters.any')}</MenuItem>
      {options.map((value) => (
        <MenuItem key={value} value={value}>
          {label(value)}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      <form method="get" action="/review" onSubmit={onSubmit} aria-label={t('findings.filters.label')} key={JSON.stringify(values)}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 4, md: 3 }}>{choice('status', FINDING_STATUSES, (v) => t(`statuses.${v as (typeof FINDING_STATUSES)[number]}`))}</Grid>
          <Grid size={{ xs: 12, sm: 4, md: 3 }}>{choice('severity', FINDING_SEVERITIES, (v) => t(`severities.${v as (typeof FINDING_SEVERITIES)[number]}`))}</Grid>
          <Grid size={{ xs: 12, sm: 4, md: 6 }}>{choice('rule', FINDING_RULES, (v) => t(`rules.${v as (typeof FINDING_RULES)[number]}`))}</Grid>
        </Grid>
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button type="submit" variant="contained">
            {t('findings.filters.apply')}
          </Button>
          <Button component={NextLink} href="/review">
            {t('findings.filters.clear')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
