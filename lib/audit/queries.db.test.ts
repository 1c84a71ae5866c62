import { expect, it } from 'vitest';
import { cardStateHistory } from '@/lib/db/schema';
import { appendAuditEvent } from './append';
import { decodeCursor } from './cursor';
import { parseAuditQuery } from './filters';
import { iterateAuditEvents, listAuditEvents } from './queries';
import { auditInput, describeOnDatabases, MANAGER, MEMBER, PAR_A, PAR_B } from './testing/database-suite';

describeOnDatabases('the audit page queries', (fresh) => {
  it('filters and keyset-paginates the audit trail, with ties on the timestamp', async () => {
    const db = await fresh();
    const tie = new Date('2026-03-01T00:00:00.000Z');
    for (let i = 0; i < 7; i++) await appendAuditEvent(db, auditInput({ action: 'view-card', cardRef: PAR_A }), { at: tie });
    for (let i = 0; i < 5; i++) {
      await appendAuditEvent(db, auditInput({ actor: { ...MANAGER, roles: ['manager'] }, action: 'forbidden', outcome: 'forbidden', memberId: undefined, correlationId: `corr-${i}` }), {
        at: new Date(tie.getTime() + (i + 1) * 60_000),
      });
    }
    const seen: number[] = [];
    let cursor = null;
    do {
      const page = await listAuditEvents({}, { cursor, limit: 5, db });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ? decodeCursor(page.nextCursor) : null;
    } while (cursor);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);

    const q = (params: Record<string, string>) => {
      const parsed = parseAuditQuery(params);
      if (!parsed.ok) throw new Error(parsed.problems.join('; '));
      return listAuditEvents(parsed.filters, { db });
    };
    expect((await q({ operator: 'MANAGER@konaplate.test' })).rows).toHaveLength(5);
    expect((await q({ operator: MANAGER.id })).rows).toHaveLength(5);
    expect((await q({ action: 'view-card', member: MEMBER })).rows).toHaveLength(7);
    expect((await q({ outcome: 'forbidden', correlationId: 'corr-3' })).rows.map((r) => r.correlationId)).toEqual(['corr-3']);
    // 2026-03-01 09:00 to 09:02 Korea time = 00:00 to 00:02:59 UTC: the 7 ties and the first two.
    expect((await q({ from: '2026-03-01T09:00', to: '2026-03-01T09:02' })).rows).toHaveLength(9);
    expect((await q({ from: '2026-03-02' })).rows).toHaveLength(0);

    // Sign-ins, sign-outs and reads of the trail show when asked for, or when the action filter names them.
    for (const action of ['sign-in', 'sign-out', 'sign-out-everywhere', 'audit-read', 'review-read', 'sign-in-failure'] as const) {
      await appendAuditEvent(db, auditInput({ action, memberId: undefined }), { at: new Date(tie.getTime() + 10 * 60_000) });
    }
    expect((await q({})).rows.map((r) => r.action)).not.toContain('sign-in');
    expect((await q({})).rows.map((r) => r.action)).not.toContain('audit-read');
    expect((await q({})).rows).toHaveLength(13);
    expect((await q({ signIns: 'show' })).rows).toHaveLength(18);
    expect((await q({ action: 'sign-out' })).rows).toHaveLength(1);
    expect((await q({ action: 'audit-read' })).rows).toHaveLength(1);

    // Events without a result code (`code=none`), and the events whose card-state record saw a state.
    const timeout = await appendAuditEvent(db, auditInput({ action: 'search', outcome: 'unknown', resultCode: undefined }), { at: new Date(tie.getTime() + 11 * 60_000) });
    const lost = await appendAuditEvent(db, auditInput({ action: 'suspend-card', resultCode: '000_000', cardRef: PAR_A }), { at: new Date(tie.getTime() + 12 * 60_000) });
    const state = { lifeStatus: '30', bizStatus: '31', mobileStatus: 'SUSPENDED', physicalStatus: 'SUSPENDED', balance: '0', pendingAmount: '0', expiryDate: '2030-12' };
    await db.insert(cardStateHistory).values([
      { memberId: MEMBER, par: PAR_A, state, stateHash: 'lost', auditEventId: lost.id, observedAt: new Date(tie.getTime() + 12 * 60_000) },
      { memberId: MEMBER, par: PAR_B, state: { ...state, bizStatus: '' }, stateHash: 'none', auditEventId: timeout.id, observedAt: new Date(tie.getTime() + 11 * 60_000) },
    ]);
    expect((await q({ code: 'none', action: 'search' })).rows.map((r) => r.id)).toEqual([timeout.id]);
    expect((await q({ code: 'none' })).rows.every((r) => r.resultCode === null)).toBe(true);
    expect((await q({ cardState: '31' })).rows.map((r) => r.id)).toEqual([lost.id]);
    expect((await q({ cardState: 'unknown' })).rows.map((r) => r.id)).toEqual([timeout.id]);
    expect((await q({ cardState: '31', from: '2026-03-01T09:13' })).rows).toHaveLength(0);

    const batches: number[] = [];
    for await (const batch of iterateAuditEvents({ action: 'view-card' }, { batchSize: 3, db })) batches.push(batch.length);
    expect(batches).toEqual([3, 3, 1]);
  });
});
