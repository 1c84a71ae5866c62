import 'server-only';
import type { z } from 'zod';
import type { ActionState } from '@/lib/domain/action-state';
import { failureState } from '@/lib/auth/protected-action';
import { recordAudit, type AuditAction } from '@/lib/audit/record';
import type { CurrentOperator } from '@/lib/auth/access';
import { KonaplateError, type CallResult } from '@/lib/konaplate';

/**
 * One issuance or reissuance: the upstream call, its audit entry whatever happens, and
 * the operator-facing result. Never retried here: a lost answer is "outcome unknown".
 */
export async function runCardAction<T>(input: {
  operator: CurrentOperator;
  action: AuditAction;
  memberId: string;
  /** PAR of the card acted on (reissuance). */
  cardRef?: string;
  /** What was asked, without identity numbers or card secrets. */
  request: Record<string, unknown>;
  call: () => Promise<CallResult<T>>;
  message: (data: T) => string;
}): Promise<ActionState<T>> {
  const { operator, action, memberId, cardRef, request } = input;
  try {
    const result = await input.call();
    await recordAudit({
      actor: operator,
      action,
      outcome: 'ok',
      memberId,
      cardRef,
      request,
      resultCode: '000_000',
      correlationId: result.correlationId,
      durationMs: result.durationMs,
    });
    return { status: 'ok', data: result.data, message: input.message(result.data) };
  } catch (error) {
    if (!(error instanceof KonaplateError)) throw error;
    await recordAudit({
      actor: operator,
      action,
      outcome: error.outcomeUnknown ? 'unknown' : error.kind === 'rejected' ? 'rejected' : 'upstream_error',
      memberId,
      cardRef,
      request,
      resultCode: error.code,
      correlationId: error.correlationId,
      durationMs: error.durationMs,
    });
    return failureState(error);
  }
}

/** A refusal before any upstream call (bad input) is audited too. */
export async function auditRefusedInput(
  operator: CurrentOperator,
  action: AuditAction,
  memberId: string | undefined,
  error: z.ZodError,
): Promise<void> {
  const fields = [...new Set(error.issues.map((issue) => issue.path.join('.')))];
  await recordAudit({
    actor: operator,
    action,
    outcome: 'rejected',
    memberId: memberId && /^\d{1,19}$/.test(memberId) ? memberId : undefined,
    request: { invalidFields: fields },
  });
}
