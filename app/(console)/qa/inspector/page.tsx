import type { Metadata } from 'next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { requirePagePermission } from '@/lib/auth/access';
import { formatDateTime } from '@/lib/format/date';
import { INSPECTOR_CAPACITY, inspectedExchanges } from '@/lib/qa/inspector';

export const metadata: Metadata = { title: 'Request inspector' };

export default async function InspectorPage({ searchParams }: { searchParams: Promise<{ correlationId?: string }> }) {
  await requirePagePermission('sandbox.control', '/qa/inspector');
  const { correlationId } = await searchParams;
  const entries = inspectedExchanges({ correlationId });

  return (
    <Stack spacing={2} sx={{ maxWidth: 1400 }}>
      <Typography variant="h5" component="h1">
        Request inspector
      </Typography>
      <Typography color="text.secondary">
        The last {INSPECTOR_CAPACITY} calls this console instance made to Konaplate, newest first; kept in memory only. Card
        numbers are masked and CVCs and identity numbers removed before anything is kept.
      </Typography>
      <Box component="form" method="get" role="search" aria-label="Filter by correlation id">
        <Stack direction="row" spacing={1}>
          <TextField name="correlationId" label="Correlation id" defaultValue={correlationId ?? ''} size="small" sx={{ minWidth: 280 }} />
          <Button type="submit" variant="contained">
            Filter
          </Button>
          {correlationId && <Button href="/qa/inspector">Show all</Button>}
        </Stack>
      </Box>
      {entries.length === 0 && <Typography data-testid="no-exchanges">No calls{correlationId ? ` with correlation id ${correlationId}` : ''} yet.</Typography>}
      {entries.map((entry) => (
        <Paper key={entry.id} variant="outlined" sx={{ p: 2 }} data-testid="exchange">
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
            <Chip size="small" color={entry.outcome === 'ok' ? 'success' : 'error'} label={entry.code ?? entry.outcome} />
            <Typography component="code" sx={{ fontWeight: 600 }}>
              {entry.path}
            </Typography>
            <Typography variant="body2">HTTP {entry.httpStatus ?? '—'}</Typography>
            <Typography variant="body2">{entry.durationMs} ms</Typography>
            <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
              {entry.correlationId}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {formatDateTime(entry.at)} · {entry.operator ?? 'no operator'}
            </Typography>
          </Stack>
          <details>
            <summary>Request and response</summary>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 1 }}>
              <Box component="pre" sx={{ flex: 1, m: 0, p: 1, bgcolor: 'action.hover', overflow: 'auto', fontSize: 12 }}>
                {entry.requestBody}
              </Box>
              <Box component="pre" sx={{ flex: 1, m: 0, p: 1, bgcolor: 'action.hover', overflow: 'auto', fontSize: 12 }}>
                {entry.responseBody ?? '(no answer)'}
              </Box>
            </Stack>
          </details>
        </Paper>
      ))}
    </Stack>
  );
}
