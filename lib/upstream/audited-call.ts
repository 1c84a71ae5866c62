import 'server-only';
import { assertAuditWritable, recordAudit, type AuditActor, type AuditInput } from '@/lib/audit/record';
import type { AuditAction } from '@/lib/domain/audit';
import type { AuditOutcome } from '@/lib/db/schema';
import { KonaplateError, type CallResult } from '@/lib/konaplate';
import { errorFields, logger } from '@/lib/log/logger';

/** Who asks, what for, and about whom: the audit event's subject (the permission is already checked). */
export interface AuditedCallSubject {
  actor: AuditActor;
  action: AuditAction;
  memberId?: string;
  /** Masked PAN or PAR: never a clear card number. */
  cardRef?: string;
  /** What was asked, without card secrets (no CVC, no full PAN, no identity number). */
  request?: Record<string, unknown>;
}

export type AuditedCallResult<T> =
  | (CallResult<T> & { ok: true; auditEventId: number })
  | { ok: false; error: KonaplateError };

/**
 * Every use of Konaplate goes through here: the call, then its audit event (ok, rejected,
 * upstream error or outcome unknown, with the correlation id), then a typed result. When the
 * audit store does not answer, nothing is sent (AuditUnavailableError).
 * `summarize` adds what the answer says to the event (e.g. how many cards came back).
 * Errors other than Konaplate's propagate: they are the console's own faults.
 */
export async function auditedCall<T>(
  subject: AuditedCallSubject,
  call: () => Promise<CallResult<T>>,
  summarize?: (data: T) => Record<string, unknown>,
): Promise<AuditedCallResult<T>> {
  const { actor, action, memberId, cardRef, request } = subject;
  await assertAuditWritable();
  try {
    const result = await call();
    const event = await recordOrLog({
      actor,
      action,
      outcome: 'ok',
      memberId,
      cardRef,
      request: summarize ? { ...request, ...summarize(result.data) } : request,
      resultCode: '000_000',
      correlationId: result.correlationId,
      durationMs: result.durationMs,
    });
    logger().info(
      { correlationId: result.correlationId, operator: actor.email, action, outcome: 'ok', durationMs: result.durationMs },
      'upstream call',
    );
    return { ...result, ok: true, auditEventId: event.id };
  } catch (error) {
    if (!(error instanceof KonaplateError)) throw error;
    const outcome = failureOutcome(error);
    // A refusal with a result code is an answer; a failure without one is worth a warning.
    logger()[outcome === 'rejected' ? 'info' : 'warn'](
      { correlationId: error.correlationId, operator: actor.email, action, outcome, resultCode: error.code, kind: error.kind, durationMs: error.durationMs },
      'upstream call failed',
    );
    await recordOrLog({
      actor,
      action,
      outcome,
      memberId,
      cardRef,
      request,
      resultCode: error.code,
      correlationId: error.correlationId,
      durationMs: error.durationMs,
    });
    return { ok: false, error };
  }
}

/**
 * The upstream has acted: if its event cannot be stored after all, the event goes to the log
 * whole (it holds no card data), so it is not lost, and the failure propagates.
 */
async function recordOrLog(event: AuditInput) {
  try {
    return await recordAudit(event);
  } catch (error) {
    logger().error({ correlationId: event.correlationId, auditEvent: event, error: errorFields(error) }, 'audit event not stored');
    throw error;
  }
}

function failureOutcome(error: KonaplateError): AuditOutcome {
  if (error.outcomeUnknown) return 'unknown';
  return error.kind === 'rejected' ? 'rejected' : 'upstream_error';
}
