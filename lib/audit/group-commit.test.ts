import { describe, expect, it } from 'vitest';
import { groupProbe } from './group-commit';

/** A probe whose runs the test ends one by one. */
function controlledProbe() {
  const runs: { settle: (error?: Error) => void }[] = [];
  const probe = () =>
    new Promise<void>((resolve, reject) => {
      runs.push({ settle: (error) => (error ? reject(error) : resolve()) });
    });
  return { probe, runs };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('groupProbe', () => {
  it('answers the callers that arrive during a run with one next run, never with the run already going', async () => {
    const { probe, runs } = controlledProbe();
    const check = groupProbe(probe);
    const order: string[] = [];
    const first = check().then(() => order.push('first'));
    const during = [check(), check(), check()].map((p, i) => p.then(() => order.push(`during ${i}`)));
    expect(runs).toHaveLength(1);
    runs[0]!.settle();
    await first;
    await tick();
    // The three that came during the first run wait for a run of their own: one for all three.
    expect(order).toEqual(['first']);
    expect(runs).toHaveLength(2);
    runs[1]!.settle();
    await Promise.all(during);
    expect(order).toEqual(['first', 'during 0', 'during 1', 'during 2']);
    expect(runs).toHaveLength(2);
  });

  it('fails every caller of a failed run, and the next caller runs it again', async () => {
    const { probe, runs } = controlledProbe();
    const check = groupProbe(probe);
    const first = check();
    const during = [check(), check()];
    runs[0]!.settle();
    await first;
    await tick();
    runs[1]!.settle(new Error('store down'));
    for (const caller of during) await expect(caller).rejects.toThrow('store down');
    const after = check();
    expect(runs).toHaveLength(3);
    runs[2]!.settle();
    await expect(after).resolves.toBeUndefined();
  });

  it('runs once per caller when callers do not overlap', async () => {
    const { probe, runs } = controlledProbe();
    const check = groupProbe(probe);
    for (let i = 0; i < 3; i++) {
      const caller = check();
      runs[i]!.settle();
      await caller;
    }
    expect(runs).toHaveLength(3);
  });
});
