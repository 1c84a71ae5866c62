'use client';
import NextLink from 'next/link';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useTranslations } from 'next-intl';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import type { AuditEventView } from '@/lib/domain/audit';
import { OutcomeChip } from './outcome-chip';
import { useAuditWords } from './use-audit-words';

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
  const t = useTranslations('audit.event');
  const words = useAuditWords();
  const format = useLocaleFormat();
  const reason = words.reason(event.requestSummary);
  return (
    <>
      <Typography variant="body2">
        {withTime && `${format.dateTime(event.at)} · `}
        {t('by', { action: words.action(event.action), operator: words.operator(event.operatorEmail) })}
      </Typography>
      {reason && (
        <Typography variant="body2" color="text.secondary" data-testid="event-reason">
          {t('reason', { reason })}
        </Typography>
      )}
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
