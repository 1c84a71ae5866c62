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
import { auditActionLabel, type AuditEventView } from '@/lib/domain/audit';
import { formatDateTime } from '@/lib/format/date';
import { CorrelationLink } from './event-summary';
import { OutcomeChip, summaryText } from './outcome-chip';

export function AuditTable({ rows }: { rows: AuditEventView[] }) {
  if (rows.length === 0) {
    return (
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography color="text.secondary">No audit events match these filters.</Typography>
      </Paper>
    );
  }
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Audit events">
        <TableHead>
          <TableRow>
            <TableCell>Time (KST)</TableCell>
            <TableCell>Operator</TableCell>
            <TableCell>Action</TableCell>
            <TableCell>Member / card</TableCell>
            <TableCell>Outcome</TableCell>
            <TableCell>Code</TableCell>
            <TableCell>Correlation id</TableCell>
            <TableCell align="right">ms</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid="audit-row" data-event-id={row.id} hover>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <time dateTime={row.at} title={row.at}>
                  {formatDateTime(row.at)}
                </time>
              </TableCell>
              <TableCell>
                <Typography variant="body2">{row.operatorEmail ?? 'system'}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {row.operatorRoles.join(', ')}
                  {row.clientIp ? ` · ${row.clientIp}` : ''}
                </Typography>
              </TableCell>
              <TableCell>
                <Typography variant="body2">{auditActionLabel(row.action)}</Typography>
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
