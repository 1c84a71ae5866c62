'use client';
import NextLink from 'next/link';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslations } from 'next-intl';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import type { AuditEventView } from '@/lib/domain/audit';
import { CorrelationLink } from './event-summary';
import { OutcomeChip, summaryText } from './outcome-chip';
import { useAuditWords } from './use-audit-words';

export function AuditTable({ rows }: { rows: AuditEventView[] }) {
  const t = useTranslations('audit.table');
  const words = useAuditWords();
  const format = useLocaleFormat();
  if (rows.length === 0) {
    return (
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography color="text.secondary">{t('empty')}</Typography>
      </Paper>
    );
  }
  return (
    <TableContainer component={Paper} variant="outlined">
      {/* keep-all: Korean words wrap whole, at spaces, as English ones do */}
      <Table size="small" aria-label={t('label')} sx={{ wordBreak: 'keep-all' }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('time')}</TableCell>
            <TableCell>{t('operator')}</TableCell>
            <TableCell>{t('action')}</TableCell>
            <TableCell>{t('target')}</TableCell>
            <TableCell>{t('outcome')}</TableCell>
            <TableCell>{t('code')}</TableCell>
            <TableCell>{t('correlationId')}</TableCell>
            <TableCell align="right">{t('duration')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid="audit-row" data-event-id={row.id} hover>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <time dateTime={row.at} title={row.at}>
                  {format.dateTime(row.at)}
                </time>
              </TableCell>
              <TableCell>
                <Typography variant="body2">{words.operator(row.operatorEmail)}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {row.operatorRoles.map(words.role).join(', ')}
                  {row.clientIp ? ` · ${row.clientIp}` : ''}
                </Typography>
              </TableCell>
              <TableCell>
                <Typography variant="body2">{words.action(row.action)}</Typography>
                {row.requestSummary && (
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block', maxWidth: 320, overflowWrap: 'anywhere' }}>
                    {summaryText(row.requestSummary)}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {row.memberId && (
                  <Link component={NextLink} href={`/members/${row.memberId}/timeline`} variant="body2">
                    {row.memberId}
                  </Link>
                )}
                {row.cardRef && (
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block', fontFamily: 'monospace' }}>
                    {row.cardRef}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <OutcomeChip outcome={row.outcome} />
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{row.resultCode}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' }}>
                {row.correlationId && <CorrelationLink correlationId={row.correlationId} />}
              </TableCell>
              <TableCell align="right">{row.durationMs ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
