import 'server-only';
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

export function failureState(error: unknown): ActionState<never> {
  if (error instanceof UnauthenticatedError) return { status: 'unauthenticated', message: error.message };
  if (error instanceof ForbiddenError) return { status: 'forbidden', message: error.message };
  if (error instanceof AuditUnavailableError) return { status: 'unavailable', message: error.message };
  if (error instanceof KonaplateError) {
    const explained = explainCode(error.code);
    return {
      status: 'upstream-error',
      message: error.explanation,
      code: error.code,
      correlationId: error.correlationId,
      outcomeUnknown: error.outcomeUnknown,
      ...(explained?.answer ? { answer: { meaning: explained.meaning, tellMember: explained.tellMember } } : {}),
    };
  }
  throw error;
}

/** Field errors of a zod failure, in the shape forms show next to each field. */
export function invalidState(error: z.ZodError, message = 'Check the highlighted fields.'): ActionState<never> {
  return { status: 'invalid', message, fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]> };
}
