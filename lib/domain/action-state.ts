/**
 * What every server action returns: rendered by forms through useActionState. Messages are
 * in the operator's language, written by the server; field errors are validation problems
 * (lib/schemas/problem.ts). Browser-safe (types and constructors only).
 */
export type ActionState<T = undefined> =
  | { status: 'idle' }
  | { status: 'ok'; data: T; message?: string }
  | { status: 'invalid'; message: string; fieldErrors: Record<string, string[] | undefined> }
  | {
      status: 'upstream-error';
      message: string;
      code?: string;
      correlationId: string;
      /** A write whose fate is unknown: check before retrying. */
      outcomeUnknown: boolean;
      /** Set when the code is an answer about the card or member, not a failure (e.g. card not found). */
      answer?: { meaning: string; tellMember?: string };
    }
  /** Held for a second operator's approval (maker–checker): nothing was sent yet. */
  | { status: 'held'; message: string; requestId: string }
  | { status: 'forbidden'; message: string }
  /** The console could not record the action, so it sent nothing. */
  | { status: 'unavailable'; message: string }
  | { status: 'unauthenticated'; message: string };

export const IDLE: ActionState<never> = { status: 'idle' };
