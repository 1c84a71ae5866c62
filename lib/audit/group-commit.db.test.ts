import { expect, it, vi } from 'vitest';
import type { Database } from '@/lib/db/client';
import { groupCommitter } from './group-commit';
import { auditInput, describeOnDatabases } from './testing/database-suite';
import { verifyAuditChain } from './verify';

describeOnDatabases('group commit of audit events', (fresh) => {
  it('commits a burst in few transactions, each event chained, each caller told its own event', async () => {
    const db = await fresh();
    const transaction = vi.spyOn(db, 'transaction');
    const append = groupCommitter(async () => db);
    const events = await Promise.all(Array.from({ length: 50 }, (_, i) => append(auditInput({ correlationId: `c${i}` }))));
    expect(new Set(events.map((e) => e.id)).size).toBe(50);
    expect(transaction.mock.calls.length).toBeLessThanOrEqual(3);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 50 });
    const rows = await db.query.auditEvents.findMany();
    for (const [i, event] of events.entries()) expect(rows.find((r) => Number(r.id) === event.id)?.correlationId).toBe(`c${i}`);
  });

  it('fails every event of a batch that does not commit, and carries on with the next', async () => {
    const db = await fresh();
    let failNext = true;
    const flaky = new Proxy(db, {
      get(target, property, receiver) {
        if (property === 'transaction' && failNext) {
          failNext = false;
          return async () => {
            throw new Error('connection lost');
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    }) as Database;
    const append = groupCommitter(async () => flaky);
    await expect(append(auditInput())).rejects.toThrow('connection lost');
    await expect(append(auditInput())).resolves.toMatchObject({ id: expect.any(Number) });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 1 });
  });
});
