import 'server-only';
import type { AppendedEvent, AuditActor, AuditInput } from '@/lib/audit/append';
import type { ReviewReadTarget } from '@/lib/domain/review';

/**
 * How the review module writes the audit trail: `recordAudit` (lib/audit/record.ts, with the
 * caller's address) by default; tests and scripts pass their own (e.g. appendAuditEvent on a
 * given database).
 */
export type AuditRecorder = (input: AuditInput) => Promise<AppendedEvent>;

export const defaultAuditRecorder: AuditRecorder = async (input) => {
  const { recordAudit } = await import('@/lib/audit/record');
  return recordAudit(input);
};

/**
 * Records that `actor` read `target` (PCI DSS 10.2.1.3: access to the audit trail is itself
 * logged). For the pages: the findings list and its runs (with the filters in `detail`), the
 * access review, a sign-off (its id), the overview charts (their range).
 */
export function recordReviewRead(
  actor: AuditActor,
  target: ReviewReadTarget,
  detail: Record<string, unknown> = {},
  audit: AuditRecorder = defaultAuditRecorder,
): Promise<AppendedEvent> {
  return audit({ actor, action: 'review-read', outcome: 'ok', request: { target, ...detail } });
}
