import type { EndpointKey } from './result-codes';

/** The last API requests and per-endpoint call counts, for tests and QA (control endpoint). */

export interface LoggedRequest {
  at: string;
  endpoint: EndpointKey;
  path: string;
  correlationId: string | null;
  /** Exactly as received, or the decrypted plaintext of an encrypted call; RRN and CVC masked. */
  rawBody: string;
  /** null when the connection was dropped without an answer. */
  status: number | null;
  code: string | null;
}

export const REQUEST_LOG_LIMIT = 200;
/** How many correlation ids the ledger keeps (the oldest go first). */
export const LEDGER_LIMIT = 50_000;

/** Identity numbers and CVCs never reach the log, not even in the sandbox. */
const SECRET_FIELDS = /("(?:residentRegistrationNo|cardCVC)"\s*:\s*")((?:[^"\\]|\\.)*)(")/g;
export const maskSecrets = (text: string) => text.replace(SECRET_FIELDS, (_m, start: string, value: string, end: string) => start + '*'.repeat(value.length) + end);

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private counts = new Map<EndpointKey, number>();
  private ledger: string[] = [];

  /**
   * Counted on arrival, so a dropped or faulted call still counts as an upstream call. Its
   * correlation id also goes to the ledger, which a reset keeps: tests check the console's
   * audit trail against every call the sandbox ever received.
   */
  count(endpoint: EndpointKey, correlationId?: string): void {
    this.counts.set(endpoint, (this.counts.get(endpoint) ?? 0) + 1);
    if (correlationId) {
      this.ledger.push(correlationId);
      if (this.ledger.length > LEDGER_LIMIT) this.ledger.splice(0, this.ledger.length - LEDGER_LIMIT);
    }
  }

  /** Correlation ids of the API calls received since the sandbox started, oldest first. */
  correlationIds(): string[] {
    return [...this.ledger];
  }

  record(entry: LoggedRequest): void {
    this.entries.push({ ...entry, rawBody: maskSecrets(entry.rawBody) });
    if (this.entries.length > REQUEST_LOG_LIMIT) this.entries.splice(0, this.entries.length - REQUEST_LOG_LIMIT);
  }

  /** Oldest first, the last `limit` of them. */
  last(limit = REQUEST_LOG_LIMIT): LoggedRequest[] {
    return limit <= 0 ? [] : this.entries.slice(-limit);
  }

  calls(): Partial<Record<EndpointKey, number>> {
    return Object.fromEntries(this.counts);
  }

  clear(): void {
    this.entries = [];
    this.counts.clear();
  }
}
