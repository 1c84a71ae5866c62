import { describe, expect, it } from 'vitest';
import { FAULT_TARGETS as SANDBOX_TARGETS } from '@/sandbox/faults';
import { describeFaults, describeFaultTarget, FAULT_TARGETS, faultSwitchSchema } from './faults';

const words = (key: string, values?: Record<string, number>) => `[${key}${values ? ` ${JSON.stringify(values)}` : ''}]`;

describe('fault targets', () => {
  it('are the sandbox’s: every endpoint and *', () => {
    expect([...FAULT_TARGETS].sort()).toEqual([...SANDBOX_TARGETS].sort());
    expect(faultSwitchSchema.safeParse({ target: 'member-info', fault: { kind: 'drop' } }).success).toBe(true);
    expect(faultSwitchSchema.safeParse({ target: '../reset', fault: null }).success).toBe(false);
  });

  it('are told by their names in the messages; one this build does not know, as the sandbox names it', () => {
    expect(describeFaultTarget('card-status', words)).toBe('[targets.card-status]');
    expect(describeFaultTarget('*', words)).toBe('[everyEndpoint]');
    expect(describeFaultTarget('card-discard', words)).toBe('card-discard');
    expect(describeFaults({ 'delivery-cancel': { kind: 'http-5xx', status: 503 } }, words)).toBe('[targets.delivery-cancel] → [active.http-5xx {"status":503}]');
  });
});
