'use client';
import NextLink from 'next/link';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { auditActionLabel, type AuditEventView } from '@/lib/domain/audit';
import { formatDateTime } from '@/lib/format/date';
import { OutcomeChip } from './outcome-chip';

/** The audit trail filtered on one correlation id: every event of the same upstream exchange. */
export function CorrelationLink({ correlationId, variant = 'inherit' }: { correlationId: string; variant?: 'inherit' | 'caption' }) {
  return (
    <Link component={NextLink} href={`/audit?correlationId=${encodeURIComponent(correlationId)}`} variant={variant}>
      {correlationId}
    </Link>
  );
}

/**
 * One audit event as a line of a timeline: what was done and by whom, its outcome, result code,
 * (optionally) the card, and its correlation id. Meant for a wrapping row (a Stack).
 */
export function AuditEventSummary({ event, withTime = false, withCardRef = false }: { event: AuditEventView; withTime?: boolean; withCardRef?: boolean }) {
  return (
    <>
      <Typography variant="body2">
        {withTime && `${formatDateTime(event.at)} · `}
        {auditActionLabel(event.action)} by {event.operatorEmail ?? 'system'}
      </Typography>
      <OutcomeChip outcome={event.outcome} />
      {event.resultCode && (
        <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
          {event.resultCode}
        </Typography>
      )}
      {withCardRef && event.cardRef && (
        <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
          {event.cardRef}
        </Typography>
      )}
      {event.correlationId && <CorrelationLink correlationId={event.correlationId} variant="caption" />}
    </>
  );
}
