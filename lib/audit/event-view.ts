import 'server-only';
import { auditEvents, type AuditEvent } from '@/lib/db/schema';
import type { AuditEventView } from '@/lib/domain/audit';

/**
 * The one projection of audit_events: the columns the audit page, the CSV export, the timelines
 * and the verifier read (prev_hash only the verifier adds), and the row → view mapping.
 */
export const auditEventColumns = {
  id: auditEvents.id,
  at: auditEvents.at,
  operatorId: auditEvents.operatorId,
  operatorEmail: auditEvents.operatorEmail,
  operatorRoles: auditEvents.operatorRoles,
  action: auditEvents.action,
  memberId: auditEvents.memberId,
  cardRef: auditEvents.cardRef,
  requestSummary: auditEvents.requestSummary,
  outcome: auditEvents.outcome,
  resultCode: auditEvents.resultCode,
  correlationId: auditEvents.correlationId,
  durationMs: auditEvents.durationMs,
  clientIp: auditEvents.clientIp,
  userAgent: auditEvents.userAgent,
  hash: auditEvents.hash,
};

export type AuditEventRow = Omit<AuditEvent, 'prevHash'>;

export function toAuditEventView({ at, ...stored }: AuditEventRow): AuditEventView {
  return { ...stored, at: at.toISOString() };
}
