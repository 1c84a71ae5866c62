'use client';
import { useMemo, useState, useTransition } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ActionState } from '@/lib/domain/action-state';
import {
  catalogueFilterQuery,
  catalogueTextSchema,
  ENDPOINTS,
  filterCatalogue,
  isEndpoint,
  type CatalogueFilter,
  type CatalogueRow,
} from '@/lib/qa/catalogue';
import { ActionAlert } from '@/components/feedback/action-alert';
import { useProblemText } from '@/components/forms/use-problem-text';

type LookupResult = ActionState<{ serviceName: string; balance: number; correlationId: string }>;

/** Rows shown before "Show all": the page stays short until QA narrows it or asks for everything. */
const FIRST_ROWS = 15;

export function ScenarioCatalogue({
  rows,
  initialFilter,
  explanations,
  runLookup,
}: {
  rows: CatalogueRow[];
  initialFilter: CatalogueFilter;
  explanations: Record<string, string>;
  runLookup: (index: number) => Promise<LookupResult>;
}) {
  const t = useTranslations('qa');
  const problemText = useProblemText();
  const [filter, setFilter] = useState(initialFilter);
  const [showAll, setShowAll] = useState(false);
  const [results, setResults] = useState<Record<number, LookupResult>>({});
  const [pending, startTransition] = useTransition();
  // The sandbox's own words when the messages do not have its description (a fixture newer than this build).
  const description = (row: CatalogueRow) => (t.has(`scenarios.${row.descriptionKey}` as never) ? t(`scenarios.${row.descriptionKey}` as never) : row.description);
  const instruction = ({ instruction: { key, values } }: CatalogueRow) => t(`instructions.${key}`, values);
  const endpointName = (endpoint: CatalogueRow['endpoint']) => t(`faults.targets.${endpoint}`);

  const text = catalogueTextSchema.safeParse(filter.text);
  const textError = text.success ? undefined : problemText(text.error.issues[0]?.message ?? '');
  const codes = useMemo(
    () => [...new Set(rows.filter((row) => !filter.endpoint || row.endpoint === filter.endpoint).map((row) => row.code))].sort(),
    [rows, filter.endpoint],
  );
  // A code the chosen endpoint does not answer (from an edited link) is not a choice: left unselected.
  const code = filter.code && codes.includes(filter.code) ? filter.code : undefined;
  // Text that breaks the field's rule filters nothing: the error says why.
  const shown = filterCatalogue(rows, { ...filter, code, text: text.success ? text.data : '' }, (row) => [endpointName(row.endpoint), description(row), instruction(row)]);
  const visible = showAll ? shown : shown.slice(0, FIRST_ROWS);

  function change(next: CatalogueFilter) {
    setFilter(next);
    setShowAll(false);
    // The filter lives in the URL so that a link shares it; no server round trip for it.
    const query = catalogueFilterQuery(next);
    window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
  }

  return (
    <Stack spacing={2}>
      <Stack
        component="form"
        role="search"
        aria-label={t('filter.label')}
        onSubmit={(event) => event.preventDefault()}
        direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          select
          label={t('filter.endpoint')}
          value={filter.endpoint ?? ''}
          onChange={(e) => change({ ...filter, endpoint: isEndpoint(e.target.value) ? e.target.value : undefined, code: undefined })}
          sx={{ minWidth: 260 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">{t('filter.allEndpoints')}</MenuItem>
          {ENDPOINTS.map((endpoint) => (
            <MenuItem key={endpoint} value={endpoint}>
              {endpointName(endpoint)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('filter.code')}
          value={code ?? ''}
          onChange={(e) => change({ ...filter, code: e.target.value || undefined })}
          sx={{ minWidth: 180 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">{t('filter.allCodes')}</MenuItem>
          {codes.map((code) => (
            <MenuItem key={code} value={code}>
              {code}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          type="search"
          label={t('filter.text')}
          value={filter.text}
          onChange={(e) => change({ ...filter, text: e.target.value })}
          error={!!textError}
          helperText={textError ?? t('filter.textHint')}
          autoComplete="off"
          sx={{ minWidth: 320, flexGrow: 1 }}
        />
        <Button onClick={() => change({ text: '' })} sx={{ mt: 1 }} disabled={!filter.endpoint && !code && !filter.text}>
          {t('filter.clear')}
        </Button>
      </Stack>
      <Typography role="status" data-testid="catalogue-count">
        {t('filter.count', { shown: shown.length, total: rows.length })}
        {shown.length > visible.length && ` ${t('filter.shownFirst', { limit: visible.length })}`}
      </Typography>
      {visible.length > 0 && (
        <Paper variant="outlined" component="section" aria-label={t('catalogue.label')}>
          {/* keep-all: Korean words wrap whole, at spaces */}
          <Table size="small" sx={{ wordBreak: 'keep-all' }}>
            <TableHead>
              <TableRow>
                <TableCell>{t('catalogue.endpoint')}</TableCell>
                <TableCell>{t('catalogue.code')}</TableCell>
                <TableCell>{t('catalogue.scenario')}</TableCell>
                <TableCell>{t('catalogue.data')}</TableCell>
                <TableCell>{t('catalogue.todo')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {visible.map((row) => {
                const result = results[row.index];
                return (
                  <TableRow key={row.index} data-testid={`scenario-${row.endpoint}-${row.code}`}>
                    <TableCell>{endpointName(row.endpoint)}</TableCell>
                    <TableCell>
                      <Chip size="small" label={row.code} color={row.code === '000_000' ? 'success' : 'default'} />
                    </TableCell>
                    <TableCell>
                      {description(row)}
                      <Typography variant="body2" color="text.secondary">
                        {explanations[row.code]}
                      </Typography>
                    </TableCell>
                    <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>
                      {[row.userId, row.par, row.serviceId, row.cardApplyNo].filter(Boolean).join(' · ') || '—'}
                    </TableCell>
                    <TableCell sx={{ maxWidth: 420 }}>
                      <Typography variant="body2">{instruction(row)}</Typography>
                      {row.instruction.inputNote && <Chip size="small" variant="outlined" label={t('catalogue.inputCheck')} sx={{ mt: 0.5 }} />}
                      {(row.instruction.key === 'notFromConsole' || row.instruction.key === 'handMadeRequest') && (
                        <Chip size="small" variant="outlined" label={t(`catalogue.${row.instruction.key}`)} sx={{ mt: 0.5 }} />
                      )}
                      {row.href && (
                        <Typography variant="body2" sx={{ mt: 0.5 }}>
                          <Link
                            href={row.href}
                            aria-label={t('catalogue.openLabel', { endpoint: endpointName(row.endpoint), code: row.code, description: description(row) })}
                          >
                            {t('catalogue.open')}
                          </Link>
                        </Typography>
                      )}
                      {row.endpoint === 'unregistered-card' && (
                        <Stack spacing={1} sx={{ mt: 1 }}>
                          <Button
                            size="small"
                            variant="outlined"
                            disabled={pending}
                            onClick={() =>
                              startTransition(async () => {
                                const answer = await runLookup(row.index);
                                setResults((previous) => ({ ...previous, [row.index]: answer }));
                              })
                            }
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
      )}
      {shown.length > visible.length && (
        <Button onClick={() => setShowAll(true)} sx={{ alignSelf: 'flex-start' }}>
          {t('catalogue.showAll', { count: shown.length })}
        </Button>
      )}
    </Stack>
  );
}
