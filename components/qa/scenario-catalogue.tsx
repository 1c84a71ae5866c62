'use client';
import { useState, useTransition } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ActionState } from '@/lib/domain/action-state';
import { ENDPOINTS, type CatalogueRow } from '@/lib/qa/catalogue';
import { ActionAlert } from '@/components/feedback/action-alert';

type LookupResult = ActionState<{ serviceName: string; balance: number; correlationId: string }>;

export function ScenarioCatalogue({
  rows,
  explanations,
  runLookup,
}: {
  rows: CatalogueRow[];
  explanations: Record<string, string>;
  runLookup: (index: number) => Promise<LookupResult>;
}) {
  const t = useTranslations('qa');
  const [results, setResults] = useState<Record<number, LookupResult>>({});
  const [pending, startTransition] = useTransition();
  // The sandbox's own words when the messages do not have its description (a fixture newer than this build).
  const description = (row: CatalogueRow) => (t.has(`scenarios.${row.descriptionKey}` as never) ? t(`scenarios.${row.descriptionKey}` as never) : row.description);
  const instruction = ({ instruction: { key, values, inputNote } }: CatalogueRow) =>
    inputNote ? `${t(`instructions.${key}`, values)} ${t('instructions.inputNote')}` : t(`instructions.${key}`, values);

  return (
    <Stack spacing={3}>
      {ENDPOINTS.map((endpoint) => (
        <Paper key={endpoint} variant="outlined" component="section" aria-label={t(`endpoints.${endpoint}`)}>
          <Typography variant="h6" component="h2" sx={{ p: 2, pb: 0 }}>
            {t(`endpoints.${endpoint}`)}
          </Typography>
          {/* keep-all: Korean words wrap whole, at spaces */}
          <Table size="small" sx={{ wordBreak: 'keep-all' }}>
            <TableHead>
              <TableRow>
                <TableCell>{t('catalogue.code')}</TableCell>
                <TableCell>{t('catalogue.scenario')}</TableCell>
                <TableCell>{t('catalogue.data')}</TableCell>
                <TableCell>{t('catalogue.todo')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows
                .filter((row) => row.endpoint === endpoint)
                .map((row) => {
                  const result = results[row.index];
                  return (
                    <TableRow key={row.index} data-testid={`scenario-${endpoint}-${row.code}`}>
                      <TableCell>
                        <Chip size="small" label={row.code} color={row.code === '000_000' ? 'success' : 'default'} />
                      </TableCell>
                      <TableCell>
                        {description(row)}
                        <Typography variant="body2" color="text.secondary">
                          {explanations[row.code]}
                        </Typography>
                      </TableCell>
                      <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>
                        {[row.userId, row.par, row.serviceId].filter(Boolean).join(' · ') || '—'}
                      </TableCell>
                      <TableCell sx={{ maxWidth: 420 }}>
                        <Typography variant="body2">{instruction(row)}</Typography>
                        {row.href && (
                          <Link
                            href={row.href}
                            aria-label={t('catalogue.openLabel', { endpoint: t(`endpoints.${endpoint}`), code: row.code, description: description(row) })}
                          >
                            {t('catalogue.open')}
                          </Link>
                        )}
                        {endpoint === 'unregistered-card' && (
                          <Stack spacing={1} sx={{ mt: 1 }}>
                            <Button
                              size="small"
                              variant="outlined"
                              disabled={pending}
                              onClick={() => startTransition(async () => {
                                const answer = await runLookup(row.index);
                                setResults((previous) => ({ ...previous, [row.index]: answer }));
                              })}
                            >
                              {t('catalogue.runLookup')}
                            </Button>
                            {result?.status === 'ok' && (
                              <Typography variant="body2" data-testid="lookup-outcome">
                                {t('catalogue.lookupOutcome', { code: '000_000', serviceName: result.data.serviceName, correlationId: result.data.correlationId })}
                              </Typography>
                            )}
                            {result && result.status !== 'ok' && <ActionAlert state={result} />}
                          </Stack>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
            </TableBody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}
