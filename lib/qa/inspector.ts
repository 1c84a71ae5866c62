import 'server-only';
import { getCurrentOperator } from '@/lib/auth/access';
import type { Exchange } from '@/lib/konaplate/transport';
import { redactBody } from './redact';

/**
 * The last upstream calls of this console instance, for QA: in memory, bounded, never
 * persisted, card data redacted before anything is kept.
 */
export const INSPECTOR_CAPACITY = 300;

export interface InspectedExchange extends Omit<Exchange, 'requestBody' | 'responseBody'> {
  id: number;
  operator?: string;
  requestBody?: string;
  responseBody?: string;
}

interface Store {
  entries: InspectedExchange[];
  nextId: number;
}

// On globalThis: one store per process, whatever module instances Next creates.
const key = Symbol.for('konaplate.request-inspector');
const store = ((globalThis as Record<symbol, Store | undefined>)[key] ??= { entries: [], nextId: 1 });

export function inspectExchange(exchange: Exchange): void {
  const entry: InspectedExchange = {
    ...exchange,
    id: store.nextId++,
    requestBody: redactBody(exchange.requestBody),
    responseBody: redactBody(exchange.responseBody),
  };
  store.entries.push(entry);
  if (store.entries.length > INSPECTOR_CAPACITY) store.entries.splice(0, store.entries.length - INSPECTOR_CAPACITY);
  // Who made the call: the operator of the request this exchange belongs to, if any.
  getCurrentOperator().then(
    (operator) => (entry.operator = operator?.email),
    () => undefined,
  );
}

/** Newest first; optionally only the calls of one correlation id (or a part of one). */
export function inspectedExchanges(filter: { correlationId?: string } = {}): InspectedExchange[] {
  const needle = filter.correlationId?.trim().toLowerCase();
  return store.entries
    .filter((entry) => !needle || entry.correlationId.toLowerCase().includes(needle))
    .reverse();
}
