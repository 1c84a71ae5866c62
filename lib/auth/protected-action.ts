import 'server-only';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import {
  ForbiddenError,
  requireEnrollingOperator,
  requireOperator,
  requirePermission,
  UnauthenticatedError,
  type CurrentOperator,
} from '@/lib/auth/access';
import type { Permission } from '@/lib/domain/permissions';
import { AuditUnavailableError } from '@/lib/audit/record';
import { KonaplateError } from '@/lib/konaplate';
import type { ActionState } from '@/lib/domain/action-state';
import { explainCode } from '@/lib/domain/result-codes';

/**
 * Wraps a server action so that its first step is the permission check, on the server,
 * whatever the UI showed; and so that no thrown error reaches the operator as a crash.
 */
export function protectedAction<T, Args extends unknown[]>(
  permission: Permission,
  handler: (operator: CurrentOperator, ...args: Args) => Promise<ActionState<T>>,
): (...args: Args) => Promise<ActionState<T>> {
  return guardedAction(() => requirePermission(permission), handler);
}

/**
 * protectedAction for what every signed-in operator may do to their own account, whatever
 * their roles: the first step is the session check (no enrolling session passes).
 */
export function signedInAction<T, Args extends unknown[]>(
  handler: (operator: CurrentOperator, ...args: Args) => Promise<ActionState<T>>,
): (...args: Args) => Promise<ActionState<T>> {
  return guardedAction(requireOperator, handler);
}

/** The MFA enrolment step's action: only a session that is enrolling passes. */
export function enrollingAction<T, Args extends unknown[]>(
  handler: (operator: CurrentOperator, ...args: Args) => Promise<ActionState<T>>,
): (...args: Args) => Promise<ActionState<T>> {
  return guardedAction(requireEnrollingOperator, handler);
}

function guardedAction<T, Args extends unknown[]>(
  guard: () => Promise<CurrentOperator>,
  handler: (operator: CurrentOperator, ...args: Args) => Promise<ActionState<T>>,
): (...args: Args) => Promise<ActionState<T>> {
  return async (...args: Args) => {
    try {
      const operator = await guard();
      return await handler(operator, ...args);
    } catch (error) {
      return failureState(error);
    }
  };
}

/**
 * What an operator reads about a failed Konaplate call, in their language: the code's meaning
 * and what to tell the member, or what the kind of failure means. `answer` is set for codes
 * that answer a question about the card or member (e.g. card not found) rather than fail.
 */
export async function explainUpstreamError(error: KonaplateError): Promise<{ message: string; answer?: { meaning: string; tellMember?: string } }> {
  const t = await getTranslations('resultCodes');
  if (error.outcomeUnknown) return { message: t('failure.outcomeUnknown') };
  const known = explainCode(error.code);
  if (known) {
    const meaning = t(`${known.code}.meaning`);
    const tellMember = known.tellsMember ? t(`${known.code}.tellMember`) : undefined;
    return {
      message: tellMember ? `${meaning} ${tellMember}` : meaning,
      ...(known.answer ? { answer: { meaning, tellMember } } : {}),
    };
  }
  if (error.kind === 'rejected') {
    return { message: error.vendorMessage ? t('failure.rejectedSaying', { vendorMessage: error.vendorMessage }) : t('failure.rejected') };
  }
  return { message: t(`failure.${error.kind}`) };
}

/** A refusal or failure as the operator's answer; anything else (a redirect too) is thrown on. */
export async function failureState(error: unknown): Promise<ActionState<never>> {
  if (error instanceof KonaplateError) {
    return {
      status: 'upstream-error',
      ...(await explainUpstreamError(error)),
      code: error.code,
      correlationId: error.correlationId,
      outcomeUnknown: error.outcomeUnknown,
    };
  }
  const status =
    error instanceof UnauthenticatedError
      ? 'unauthenticated'
      : error instanceof ForbiddenError
        ? 'forbidden'
        : error instanceof AuditUnavailableError
          ? 'unavailable'
          : undefined;
  if (!status) throw error;
  return { status, message: (await getTranslations('resultCodes.failure'))(status) };
}

/** Field errors of a zod failure, in the shape forms show next to each field; `message` is already in the operator's language. */
export async function invalidState(error: z.core.$ZodError, message?: string): Promise<ActionState<never>> {
  return {
    status: 'invalid',
    message: message ?? (await getTranslations('resultCodes.failure'))('checkFields'),
    fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]>,
  };
}
