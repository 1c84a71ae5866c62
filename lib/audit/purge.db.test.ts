import { expect, it } from 'vitest';
import { auditEvents } from '@/lib/db/schema';
import { appendAuditEvent } from './append';
import { purgeAuditEvents } from './purge';
import { auditInput, DAY, describeOnDatabases, failureOf } from './testing/database-suite';
import { verifyAuditChain } from './verify';

describeOnDatabases('the audit purge', (fresh) => {
  it('purges only events older than the retention period, audits the purge, and the chain still verifies', async () => {
    const db = await fresh();
    const now = Date.now();
    const old1 = await appendAuditEvent(db, auditInput({ action: 'sign-in' }), { at: new Date(now - 400 * DAY) });
    const old2 = await appendAuditEvent(db, auditInput({ action: 'view-card' }), { at: new Date(now - 390 * DAY) });
    const mid = await appendAuditEvent(db, auditInput({ action: 'issue-prepaid' }), { at: new Date(now - 200 * DAY) });
    await appendAuditEvent(db, auditInput({ action: 'reissue-prepaid' }), { at: new Date(now - 5 * DAY) });

    const dry = await purgeAuditEvents(db, { retentionDays: 365, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, deletedEvents: 2, purgeEventId: null, lastPurged: { id: old2.id, hash: old2.hash } });

    const report = await purgeAuditEvents(db, { retentionDays: 365, context: { by: 'test' } });
    expect(report).toMatchObject({ deletedEvents: 2, lastPurged: { id: old2.id } });
    const remaining = await db.select({ id: auditEvents.id, action: auditEvents.action, request: auditEvents.requestSummary }).from(auditEvents).orderBy(auditEvents.id);
    expect(remaining.map((r) => Number(r.id))).not.toContain(old1.id);
    expect(remaining[0]!.id).toBe(mid.id);
    const purge = remaining.find((r) => r.action === 'audit-purge');
    expect(purge?.request).toMatchObject({ retentionDays: 365, deletedEvents: 2, lastPurgedId: old2.id, lastPurgedHash: old2.hash, by: 'test' });

    const verified = await verifyAuditChain(db);
    expect(verified).toMatchObject({ ok: true, checked: 3, start: { kind: 'purge', id: mid.id, purgeEventId: report.purgeEventId } });

    // A second purge moves the anchor on; nothing recent is touched.
    const second = await purgeAuditEvents(db, { retentionDays: 100 });
    expect(second.deletedEvents).toBe(1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, start: { kind: 'purge' } });

    // Retention under the floor is refused before touching anything.
    expect(await failureOf(purgeAuditEvents(db, { retentionDays: 7 }))).toMatch(/at least 30 days/);
  });

  it('a refused purge is audited as rejected and removes nothing', async () => {
    const db = await fresh();
    await appendAuditEvent(db, auditInput(), { at: new Date(Date.now() - 400 * DAY) });
    await appendAuditEvent(db, auditInput());
    // The clock says "far future", so the computed cutoff passes JS checks but the database's floor
    // (real now - 30 days) refuses it: the trigger, not the script, is the last word.
    const message = await failureOf(purgeAuditEvents(db, { retentionDays: 30, now: new Date(Date.now() + 20 * DAY) }));
    expect(message).toMatch(/minimum retention/);
    const rows = await db.select({ action: auditEvents.action, outcome: auditEvents.outcome }).from(auditEvents).orderBy(auditEvents.id);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toEqual({ action: 'audit-purge', outcome: 'rejected' });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
