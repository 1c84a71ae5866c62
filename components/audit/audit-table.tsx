'use client';
import { Fragment, useState } from 'react';
import NextLink from 'next/link';
import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@mui/icons-material/KeyboardArrowRight';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
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

/** One line, cut with an ellipsis where the column ends (the details row has all of it). */
const ONE_LINE = { display: 'block', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

/**
 * The audit trail, made to fit 1366 px without a horizontal scrollbar: fixed columns, each event
 * on its lines (details cut to one line, the rest on demand in a row below), correlation ids
 * never wrapped.
 */
export function AuditTable({ rows }: { rows: AuditEventView[] }) {
  const t = useTranslations('audit.table');
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
      <Table size="small" aria-label={t('label')} sx={{ wordBreak: 'keep-all', tableLayout: 'fixed', '& th, & td': { px: 1 } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 40 }}>
              <Box component="span" sx={{ position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
                {t('details')}
              </Box>
            </TableCell>
            <TableCell sx={{ width: 136 }}>{t('time')}</TableCell>
            <TableCell sx={{ width: '20%' }}>{t('operator')}</TableCell>
            <TableCell>{t('action')}</TableCell>
            <TableCell sx={{ width: 168 }}>{t('target')}</TableCell>
            <TableCell sx={{ width: 128 }}>{t('outcome')}</TableCell>
            <TableCell sx={{ width: 76 }}>{t('code')}</TableCell>
            <TableCell sx={{ width: 172 }}>{t('correlationId')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <AuditRow key={row.id} row={row} />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function AuditRow({ row }: { row: AuditEventView }) {
  const t = useTranslations('audit.table');
  const words = useAuditWords();
  const format = useLocaleFormat();
  const [open, setOpen] = useState(false);
  const detailsId = `audit-event-${row.id}-details`;
  const reason = words.reason(row.requestSummary);
  // All of it in the line (it is cut where the column ends; the details row lays it out).
  const summary = summaryText(row.requestSummary, Infinity);
  return (
    <Fragment>
      <TableRow data-testid="audit-row" data-event-id={row.id} hover sx={{ '& > td': { borderBottom: open ? 'none' : undefined, verticalAlign: 'top' } }}>
        <TableCell>
          <IconButton size="small" aria-expanded={open} aria-controls={detailsId} aria-label={t(open ? 'hideDetails' : 'showDetails')} onClick={() => setOpen(!open)}>
            {open ? <KeyboardArrowDownIcon fontSize="small" /> : <KeyboardArrowRightIcon fontSize="small" />}
          </IconButton>
        </TableCell>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>
          <time dateTime={row.at} title={row.at}>
            {format.dateTime(row.at)}
          </time>
        </TableCell>
        <TableCell>
          <Typography variant="body2" sx={ONE_LINE} title={row.operatorEmail ?? undefined}>
            {words.operator(row.operatorEmail)}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={ONE_LINE}>
            {row.operatorRoles.map(words.role).join(', ')}
          </Typography>
        </TableCell>
        <TableCell>
          <Typography variant="body2" sx={ONE_LINE}>
            {words.action(row.action)}
          </Typography>
          {reason && (
            <Typography variant="caption" sx={ONE_LINE} data-testid="event-reason">
              {t('reason', { reason })}
            </Typography>
          )}
          {summary && (
            <Typography variant="caption" color="text.secondary" sx={ONE_LINE} data-testid="audit-summary">
              {summary}
            </Typography>
          )}
        </TableCell>
        <TableCell>
          {row.memberId && (
            <Link component={NextLink} href={`/members/${row.memberId}/timeline`} variant="body2" sx={ONE_LINE}>
              {row.memberId}
            </Link>
          )}
          {row.cardRef && (
            <Typography variant="caption" color="text.secondary" sx={{ ...ONE_LINE, fontFamily: 'monospace' }} title={row.cardRef}>
              {row.cardRef}
            </Typography>
          )}
        </TableCell>
        <TableCell>
          <OutcomeChip outcome={row.outcome} />
        </TableCell>
        <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{row.resultCode}</TableCell>
        <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, whiteSpace: 'nowrap' }}>
          {row.correlationId && <CorrelationLink correlationId={row.correlationId} />}
        </TableCell>
      </TableRow>
      <TableRow id={detailsId} hidden={!open}>
        {open && (
          <TableCell colSpan={8} sx={{ pt: 0 }}>
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0, ml: 5, '& dd': { m: 0, overflowWrap: 'anywhere' } }}>
              {row.requestSummary &&
                Object.entries(row.requestSummary).map(([key, value]) => (
                  <Fragment key={key}>
                    <Typography component="dt" variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                      {key}
                    </Typography>
                    <Typography component="dd" variant="caption" sx={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap' }}>
                      {typeof value === 'string' ? value : JSON.stringify(value, null, 1)}
                    </Typography>
                  </Fragment>
                ))}
              <Typography component="dt" variant="caption" color="text.secondary">
                {t('clientIp')}
              </Typography>
              <Typography component="dd" variant="caption">
                {row.clientIp ?? '–'}
              </Typography>
              <Typography component="dt" variant="caption" color="text.secondary">
                {t('userAgent')}
              </Typography>
              <Typography component="dd" variant="caption">
                {row.userAgent ?? '–'}
              </Typography>
              <Typography component="dt" variant="caption" color="text.secondary">
                {t('duration')}
              </Typography>
              <Typography component="dd" variant="caption">
                {row.durationMs ?? '–'}
              </Typography>
              <Typography component="dt" variant="caption" color="text.secondary">
                {t('eventId')}
              </Typography>
              <Typography component="dd" variant="caption" sx={{ fontFamily: 'monospace' }}>
                {row.id} · {row.hash}
              </Typography>
            </Box>
          </TableCell>
        )}
      </TableRow>
    </Fragment>
  );
}
