import { z } from 'zod';
import { ENDPOINT_KEYS, type EndpointKey } from './result-codes';

/** Injected platform faults, one per endpoint key or '*' for all endpoints. Off by default. */

export const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.number().int().min(0).max(120_000) }),
  z.object({ kind: z.literal('http-5xx'), status: z.union([z.literal(500), z.literal(502), z.literal(503)]) }),
  z.object({ kind: z.literal('drop') }),
  z.object({ kind: z.literal('malformed-json') }),
  z.object({ kind: z.literal('plaintext-answer') }),
]);
export type Fault = z.output<typeof faultSchema>;

export const FAULT_TARGETS = [...ENDPOINT_KEYS, '*'] as const;
export type FaultTarget = (typeof FAULT_TARGETS)[number];

export const isFaultTarget = (value: string): value is FaultTarget =>
  (FAULT_TARGETS as readonly string[]).includes(value);

export class FaultStore {
  private faults = new Map<FaultTarget, Fault>();

  set(target: FaultTarget, fault: Fault): void {
    this.faults.set(target, fault);
  }

  delete(target: FaultTarget): void {
    this.faults.delete(target);
  }

  clear(): void {
    this.faults.clear();
  }

  /** The endpoint's own fault wins over the '*' one. */
  for(endpoint: EndpointKey): Fault | undefined {
    return this.faults.get(endpoint) ?? this.faults.get('*');
  }

  list(): Partial<Record<FaultTarget, Fault>> {
    return Object.fromEntries(this.faults);
  }
}
