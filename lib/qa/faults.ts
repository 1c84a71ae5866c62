import { z } from 'zod';

/** The sandbox's fault kinds, as QA switches them on per endpoint (or `*` for all). */
export const FAULT_TARGETS = ['*', 'card-list', 'unregistered-card', 'prepaid-issue', 'prepaid-reissue', 'debit-issue'] as const;

export const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.coerce.number().int().min(1).max(60_000) }),
  z.object({ kind: z.literal('http-5xx'), status: z.coerce.number().pipe(z.union([z.literal(500), z.literal(502), z.literal(503)])) }),
  z.object({ kind: z.literal('drop') }),
  z.object({ kind: z.literal('malformed-json') }),
  z.object({ kind: z.literal('plaintext-answer') }),
]);
export type Fault = z.infer<typeof faultSchema>;

export const faultSwitchSchema = z.object({
  target: z.enum(FAULT_TARGETS),
  fault: faultSchema.nullable(),
});

export function describeFault(fault: Fault): string {
  switch (fault.kind) {
    case 'latency':
      return `${fault.ms} ms latency`;
    case 'http-5xx':
      return `HTTP ${fault.status}`;
    case 'drop':
      return 'dropped connection';
    case 'malformed-json':
      return 'malformed JSON';
    case 'plaintext-answer':
      return 'unencrypted answer on an encrypted endpoint';
  }
}
