import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { failureState, invalidState } from '@/lib/auth/protected-action';
import { AuditUnavailableError, recordAudit, type AuditAction } from '@/lib/audit/record';
import type { CurrentOperator } from '@/lib/auth/access';
import type { ActionState } from '@/lib/domain/action-state';
import { isMemberId } from '@/lib/domain/member-id';
import type { CallResult } from '@/lib/konaplate';
import { auditedCall } from '@/lib/upstream/audited-call';
import { forgetMemberReads } from './member-cards';

/**
 * One write to a member's cards (issuance, reissuance, suspension, resumption, cancellation):
 * the audited upstream call and the operator-facing result.
 * Never retried here: a lost answer is "outcome unknown". Whatever the answer, the member's
 * cards may have changed, so the next read of them is fresh.
 */
export async function runCardAction<T>(input: {
  operator: CurrentOperator;
  action: AuditAction;
  memberId: string;
  /** PAR of the card acted on (all but issuance). */
  cardRef?: string;
  /** What was asked, without identity numbers or card secrets. */
  request: Record<string, unknown>;
  call: () => Promise<CallResult<T>>;
  message: (data: T) => string;
  /** What the answer adds to the audit event (e.g. the new card's application number). */
  summarize?: (data: T) => Record<string, unknown>;
}): Promise<ActionState<T>> {
  const { operator, action, memberId, cardRef, request } = input;
  try {
    const outcome = await auditedCall({ actor: operator, action, memberId, cardRef, request }, input.call, input.summarize);
    if (!outcome.ok) return failureState(outcome.error);
    return { status: 'ok', data: outcome.data, message: input.message(outcome.data) };
  } catch (error) {
    // Nothing was sent: a plain answer the operator can retry, not an unknown outcome.
    if (error instanceof AuditUnavailableError) return failureState(error);
    throw error;
  } finally {
    forgetMemberReads(memberId);
  }
}

/**
 * A refusal before any upstream call (bad input), audited too. The bound ids are wrong only in a
 * tampered request (the page binds ids it has checked): then the page, not a field, is at fault.
 */
export async function refuseCardActionInput(
  operator: CurrentOperator,
  action: AuditAction,
  input: { error: z.core.$ZodError; memberId?: string },
): Promise<ActionState<never>> {
  const fields = [...new Set(input.error.issues.map((issue) => issue.path.join('.')))];
  await recordAudit({
    actor: operator,
    action,
    outcome: 'rejected',
    memberId: isMemberId(input.memberId) ? input.memberId : undefined,
    request: { invalidFields: fields },
  });
  const badPage = input.memberId === undefined ? (await getTranslations('cardActions.answer'))('badPage') : undefined;
  return invalidState(input.error, badPage);
}
