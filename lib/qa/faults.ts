import * as z from 'zod/mini';
import { ENDPOINTS, isEndpoint, type EndpointKey } from './catalogue';

/** The sandbox's fault kinds, as QA switches them on per endpoint (or `*` for all). */
export const FAULT_TARGETS = ['*', ...ENDPOINTS] as const;

export const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.coerce.number().check(z.refine(Number.isInteger), z.gte(1), z.lte(60_000)) }),
  z.object({ kind: z.literal('http-5xx'), status: z.pipe(z.coerce.number(), z.union([z.literal(500), z.literal(502), z.literal(503)])) }),
  z.object({ kind: z.literal('drop') }),
  z.object({ kind: z.literal('malformed-json') }),
  z.object({ kind: z.literal('plaintext-answer') }),
]);
export type Fault = z.infer<typeof faultSchema>;

export const faultSwitchSchema = z.object({
  target: z.enum(FAULT_TARGETS),
  fault: z.nullable(faultSchema),
});

/** The `qa.faults` messages a fault is told with; any translator of that namespace fits. */
type FaultWords = (key: 'everyEndpoint' | `targets.${EndpointKey}` | `active.${Fault['kind']}`, values?: Record<string, number>) => string;

/** An endpoint of the sandbox by its name, or "every endpoint" for `*`; a target this build does not know, as the sandbox names it. */
export function describeFaultTarget(target: string, t: FaultWords): string {
  if (target === '*') return t('everyEndpoint');
  return isEndpoint(target) ? t(`targets.${target}`) : target;
}

/** The faults that are on, in words: "card-list → HTTP 503; every endpoint → 3000 ms latency". */
export function describeFaults(faults: Record<string, Fault>, t: FaultWords): string {
  return Object.entries(faults)
    .map(([target, fault]) => {
      const values: Record<string, number> | undefined = fault.kind === 'latency' ? { ms: fault.ms } : fault.kind === 'http-5xx' ? { status: fault.status } : undefined;
      return `${describeFaultTarget(target, t)} → ${t(`active.${fault.kind}`, values)}`;
    })
    .join('; ');
}
