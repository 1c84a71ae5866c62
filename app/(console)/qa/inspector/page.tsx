import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { requirePagePermission } from '@/lib/auth/access';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { localeFormat } from '@/lib/format/locale-format';
import { INSPECTOR_CAPACITY, inspectedExchanges } from '@/lib/qa/inspector';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('qa.inspector');
  return { title: t('title') };
}

export default async function InspectorPage({ searchParams }: { searchParams: Promise<{ correlationId?: string }> }) {
  await requirePagePermission('sandbox.control', '/qa/inspector');
  const t = await getTranslations('qa.inspector');
  const format = localeFormat(await getLocale());
  const { correlationId } = await searchParams;
  const entries = inspectedExchanges({ correlationId });

  return (
    <MuiTheme>
      <Stack spacing={2} sx={{ maxWidth: 1400 }}>
        <Typography variant="h5" component="h1">
          {t('title')}
        </Typography>
        <Typography color="text.secondary">{t('intro', { capacity: INSPECTOR_CAPACITY })}</Typography>
        <Box component="form" method="get" role="search" aria-label={t('filterLabel')}>
          <Stack direction="row" spacing={1}>
            <TextField name="correlationId" label={t('correlationId')} defaultValue={correlationId ?? ''} size="small" sx={{ minWidth: 280 }} />
            <Button type="submit" variant="contained">
              {t('filter')}
            </Button>
            {correlationId && <Button href="/qa/inspector">{t('showAll')}</Button>}
          </Stack>
        </Box>
        {entries.length === 0 && (
          <Typography data-testid="no-exchanges">{correlationId ? t('noneWithId', { correlationId }) : t('none')}</Typography>
        )}
        {entries.map((entry) => (
          <Paper key={entry.id} variant="outlined" sx={{ p: 2 }} data-testid="exchange">
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
              <Chip size="small" color={entry.outcome === 'ok' ? 'success' : 'error'} label={entry.code ?? t(`outcomes.${entry.outcome}`)} />
              <Typography component="code" sx={{ fontWeight: 600 }}>
                {entry.path}
              </Typography>
              <Typography variant="body2">{t('http', { status: entry.httpStatus ?? '—' })}</Typography>
              <Typography variant="body2">{t('duration', { ms: entry.durationMs })}</Typography>
              <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
                {entry.correlationId}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {format.dateTime(entry.at)} · {entry.operator ?? t('noOperator')}
              </Typography>
            </Stack>
            <details>
              <summary>{t('details')}</summary>
              <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 1 }}>
                <Box component="pre" sx={{ flex: 1, m: 0, p: 1, bgcolor: 'action.hover', overflow: 'auto', fontSize: 12 }}>
                  {entry.requestBody}
                </Box>
                <Box component="pre" sx={{ flex: 1, m: 0, p: 1, bgcolor: 'action.hover', overflow: 'auto', fontSize: 12 }}>
                  {entry.responseBody ?? t('noAnswer')}
                </Box>
              </Stack>
            </details>
          </Paper>
        ))}
      </Stack>
    </MuiTheme>
  );
}
