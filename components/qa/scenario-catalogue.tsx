'use client';
import { useState, useTransition } from 'react';
import Link from 'next/link';
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
import { ENDPOINT_LABELS, type CatalogueRow, type EndpointKey } from '@/lib/qa/catalogue';
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
  const [results, setResults] = useState<Record<number, LookupResult>>({});
  const [pending, startTransition] = useTransition();
  const endpoints = Object.keys(ENDPOINT_LABELS) as EndpointKey[];

  return (
    <Stack spacing={3}>
      {endpoints.map((endpoint) => (
        <Paper key={endpoint} variant="outlined" component="section" aria-label={ENDPOINT_LABELS[endpoint]}>
          <Typography variant="h6" component="h2" sx={{ p: 2, pb: 0 }}>
            {ENDPOINT_LABELS[endpoint]}
          </Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>Code</TableCell>
                <TableCell>Scenario</TableCell>
                <TableCell>Member · card · product</TableCell>
                <TableCell>What to do</TableCell>
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
                        {row.description}
                        <Typography variant="body2" color="text.secondary">
                          {explanations[row.code]}
                        </Typography>
                      </TableCell>
                      <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>
                        {[row.userId, row.par, row.serviceId].filter(Boolean).join(' · ') || '—'}
                      </TableCell>
                      <TableCell sx={{ maxWidth: 420 }}>
                        <Typography variant="body2">{row.instruction}</Typography>
                        {row.href && (
                          <Link href={row.href} aria-label={`Open: ${ENDPOINT_LABELS[endpoint]} ${row.code} ${row.description}`}>
                            Open ready for the action
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
                              Run this lookup
                            </Button>
                            {result?.status === 'ok' && (
                              <Typography variant="body2" data-testid="lookup-outcome">
                                000_000 · {result.data.serviceName} · correlation id {result.data.correlationId}
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
