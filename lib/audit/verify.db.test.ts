import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '@/lib/db/client';
import { appendAuditEvent } from './append';
import { auditInput, DAY, describeOnDatabases, failureOf } from './testing/database-suite';
import { describeVerification, verifyAuditChain } from './verify';

describeOnDatabases('the audit chain', (fresh) => {
  it('chains appended events and verifies them; the chain survives concurrent writers', async () => {
    const db = await fresh();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 0, start: { kind: 'empty' }, head: null });
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAuditEvent(db, auditInput({ request: { query: `q${i}`, amount: 12.5 } }))));
    const result = await verifyAuditChain(db, { batchSize: 7 });
    expect(result).toMatchObject({ ok: true, checked: 20, start: { kind: 'genesis' }, broken: null });
    expect(describeVerification(result)).toMatch(/Audit chain OK: 20 events verified from the genesis event/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE from an ordinary connection', async () => {
    const db = await fresh();
    const { id } = await appendAuditEvent(db, auditInput());
    expect(await failureOf(db.execute(sql`update audit_events set outcome = 'rejected' where id = ${id}`))).toMatch(/append-only: UPDATE refused/);
    expect(await failureOf(db.execute(sql`delete from audit_events where id = ${id}`))).toMatch(/append-only: DELETE refused/);
    expect(await failureOf(db.execute(sql`truncate audit_events cascade`))).toMatch(/append-only: TRUNCATE refused/);
    // Even with every purge setting, the database refuses a cutoff inside the 30-day floor…
    expect(
      await failureOf(
        db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('konaplate.audit_purge', 'on', true), set_config('konaplate.audit_purge_xact', txid_current()::text, true),
                                      set_config('konaplate.audit_purge_before', ${new Date(Date.now() + DAY).toISOString()}, true)`);
          await tx.execute(sql`delete from audit_events`);
        }),
      ),
    ).toMatch(/within the minimum retention of 30 days/);
    // …and a session-level flag (not bound to the deleting transaction) does nothing.
    expect(
      await failureOf(
        db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('konaplate.audit_purge', 'on', false), set_config('konaplate.audit_purge_xact', '1', false),
                                      set_config('konaplate.audit_purge_before', ${new Date(Date.now() - 400 * DAY).toISOString()}, false)`);
          await tx.execute(sql`delete from audit_events`);
        }),
      ),
    ).toMatch(/append-only: DELETE refused/);
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_events`);
    expect(Number(row?.n)).toBe(1);
  });

  it('finds a row changed behind the trigger: first broken link with expected and stored hashes', async () => {
    const db = await fresh();
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((await appendAuditEvent(db, auditInput({ resultCode: `000_00${i}` }))).id);
    // What an attacker with database rights would do: disable the trigger, edit, re-enable.
    await db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await db.execute(sql`update audit_events set outcome = 'rejected' where id = ${ids[3]!}`);
    await db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    const result = await verifyAuditChain(db, { batchSize: 2 });
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({ id: ids[3], kind: 'hash-mismatch', previousId: ids[2] });
    expect(result.broken!.expected).toMatch(/^k[0-9a-f]{8}:[0-9a-f]{64}$/);
    expect(result.broken!.expected).not.toBe(result.broken!.stored);
    expect(result.checked).toBe(4);
    expect(describeVerification(result)).toContain(`BROKEN at event ${ids[3]}`);
  });

  it('finds a removed row and a re-hashed row (the next link breaks)', async () => {
    const db = await fresh();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await appendAuditEvent(db, auditInput())).id);
    await db.execute(sql`alter table audit_events disable trigger user`);
    await db.execute(sql`delete from audit_events where id = ${ids[1]!}`);
    await db.execute(sql`update audit_events set hash = 'forged' where id = ${ids[3]!}`);
    await db.execute(sql`alter table audit_events enable trigger user`);
    const result = await verifyAuditChain(db);
    expect(result.broken).toMatchObject({ id: ids[2], kind: 'prev-hash-mismatch', previousId: ids[0] });
  });

  it('reports an unaccounted-for missing start (a prefix deleted behind the trigger)', async () => {
    const db = await fresh();
    const first = await appendAuditEvent(db, auditInput());
    const second = await appendAuditEvent(db, auditInput());
    await db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await db.execute(sql`delete from audit_events where id = ${first.id}`);
    await db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    expect((await verifyAuditChain(db)).broken).toMatchObject({ id: second.id, kind: 'unanchored-start', stored: first.hash });
  });
});
