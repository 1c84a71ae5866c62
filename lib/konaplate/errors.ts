import 'server-only';
import { explainCode } from '@/lib/domain/result-codes';
import codeWords from '@/lib/i18n/messages/en/resultCodes.json';

/**
 * - `rejected`: Konaplate answered with a result code other than success.
 * - `upstream`: Konaplate failed (HTTP 5xx, with or without an envelope).
 * - `timeout`: no answer within the call's time limit.
 * - `network`: the connection failed or was dropped.
 * - `malformed-response`: an answer we cannot read (not JSON, not decryptable, wrong shape).
 */
export type KonaplateErrorKind = 'rejected' | 'upstream' | 'timeout' | 'network' | 'malformed-response';

export interface KonaplateErrorInit {
  kind: KonaplateErrorKind;
  endpoint: string;
  correlationId: string;
  /** Whether the call may have changed state upstream (issuance, reissuance). */
  mutating: boolean;
  httpStatus?: number;
  code?: string;
  vendorMessage?: string;
  durationMs?: number;
  cause?: unknown;
}

export class KonaplateError extends Error {
  readonly kind: KonaplateErrorKind;
  readonly endpoint: string;
  readonly correlationId: string;
  readonly httpStatus?: number;
  readonly code?: string;
  readonly vendorMessage?: string;
  readonly durationMs?: number;
  /**
   * What happened and what to tell the member, in English, for logs and engineers. Operators
   * read it in their own language from the messages (lib/auth/protected-action.ts).
   */
  readonly explanation: string;
  /**
   * True when a write may or may not have taken effect: it timed out, lost its
   * connection, or got a 5xx or unreadable answer. Never retry those blindly.
   */
  readonly outcomeUnknown: boolean;

  constructor(init: KonaplateErrorInit) {
    super(
      `Konaplate ${init.endpoint}: ${init.kind}` +
        (init.code ? ` ${init.code}` : '') +
        (init.httpStatus ? ` (HTTP ${init.httpStatus})` : '') +
        (init.vendorMessage ? `: ${init.vendorMessage}` : ''),
      { cause: init.cause },
    );
    this.name = 'KonaplateError';
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.correlationId = init.correlationId;
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.vendorMessage = init.vendorMessage;
    this.durationMs = init.durationMs;
    // Only a result code proves a write did not happen; a 5xx may come after the platform acted.
    this.outcomeUnknown = init.mutating && init.kind !== 'rejected';
    this.explanation = explain(init, this.outcomeUnknown);
  }

  /** What the browser may see: no stack, no cause. */
  toJSON() {
    return {
      kind: this.kind,
      code: this.code,
      httpStatus: this.httpStatus,
      vendorMessage: this.vendorMessage,
      correlationId: this.correlationId,
      explanation: this.explanation,
      outcomeUnknown: this.outcomeUnknown,
    };
  }
}

function explain(init: KonaplateErrorInit, outcomeUnknown: boolean): string {
  if (outcomeUnknown) {
    return 'Outcome unknown: Konaplate did not give a readable answer, so the request may or may not have gone through. Check the card list before retrying.';
  }
  const known = explainCode(init.code);
  if (known?.tellsMember) return `${codeWords[known.code].meaning} ${codeWords[known.code].tellMember}`;
  if (known) return codeWords[known.code].meaning;
  switch (init.kind) {
    case 'timeout':
      return 'Konaplate did not answer in time. Try again in a moment.';
    case 'network':
      return 'Konaplate could not be reached. Try again in a moment; if it persists, report it.';
    case 'malformed-response':
      return 'Konaplate sent an answer the console cannot read. Report it with the correlation id.';
    case 'upstream':
      return 'Konaplate had an internal error. Try again in a moment.';
    case 'rejected':
      return `Konaplate refused the request${init.vendorMessage ? `: ${init.vendorMessage}` : ''}.`;
  }
}
