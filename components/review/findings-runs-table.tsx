'use client';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslations } from 'next-intl';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import type { FindingsRunView } from '@/lib/domain/review';

/** The latest runs of the rules, newest first: the record that the trail is reviewed daily (PCI DSS 10.4.1.1). */
export function FindingsRunsTable({ runs }: { runs: FindingsRunView[] }) {
  const t = useTranslations('review.findings');
  const format = useLocaleFormat();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={t('runs.label')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('runs.startedAt')}</TableCell>
            <TableCell>{t('runs.trigger')}</TableCell>
            <TableCell>{t('runs.range')}</TableCell>
            <TableCell>{t('runs.status')}</TableCell>
            <TableCell>{t('runs.findings')}</TableCell>
            <TableCell>{t('runs.chain')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {runs.map((run) => (
            <TableRow key={run.id} data-testid="findings-run-row">
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(run.startedAt)}</TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{t(`runs.triggers.${run.trigger}`, { operator: run.requestedByEmail ?? '' })}</TableCell>
              <TableCell>{t('window', { start: format.dateTime(run.rangeFrom), end: format.dateTime(run.rangeTo) })}</TableCell>
              <TableCell>{t(`runStatuses.${run.status}`)}</TableCell>
              <TableCell>{t('runs.findingsCount', { new: run.findingsNew, updated: run.findingsUpdated })}</TableCell>
              <TableCell>
                {run.chainChecked == null ? t('runs.chainNone') : t('runs.chainChecked', { checked: format.count(run.chainChecked), full: run.chainFull ? 'yes' : 'no' })}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
