import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, queryRows, type Database } from '@/lib/db/client';
import { auditEvents } from '@/lib/db/schema';
import { postgresUnavailableReason, startPostgres, type PostgresServer } from '@/lib/db/testing/postgres-server';
import type { MemberCard } from '@/lib/domain/cards';
import { appendAuditEvent, type AuditInput } from './append';
import { getCardStateTimeline, listMemberTimeline, recordCardObservations } from './card-state-history';
import { decodeCursor, parseAuditQuery } from './filters';
import { purgeAuditEvents } from './purge';
import { iterateAuditEvents, listAuditEvents } from './queries';
import { describeVerification, verifyAuditChain } from './verify';

/** Message, cause and SQLSTATE of a failure (Drizzle wraps driver errors in `cause`). */
async function failureOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const parts: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) parts.push(e.message);
    return parts.join(' | ');
  }
  throw new Error('expected the operation to fail, but it succeeded');
}

const DAY = 86_400_000;
const MEMBER = '9007199254740993123';
const AGENT = { id: '11111111-1111-4111-8111-111111111111', email: 'agent@konaplate.test', roles: ['agent'] as const };
const MANAGER = { id: '22222222-2222-4222-8222-222222222222', email: 'manager@konaplate.test', roles: ['manager'] as const };
const PAR_A = 'PAR0000000000000000000000A1';
const PAR_B = 'PAR0000000000000000000000B2';

function event(overrides: Partial<AuditInput> = {}): AuditInput {
  return { actor: { ...AGENT, roles: [...AGENT.roles] }, action: 'search', outcome: 'ok', memberId: MEMBER, ...overrides };
}

function card(par: string, overrides: Partial<MemberCard> = {}): MemberCard {
  return {
    par,
    serviceId: 'SVC000000000001',
    serviceName: 'Prepaid',
    serviceImageUrl: 'https://example.test/card.png',
    mobileCardStatus: 'ACTIVE',
    expiryDate: '20301231',
    balance: 1000,
    pendingAmount: 0,
    cardLifeStatus: '60',
    cardBizStatus: '60',
    ...overrides,
  } as MemberCard;
}

interface Target {
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** A new, migrated, empty database. */
  fresh(): Promise<Database>;
}

function auditSuite(target: Target) {
  const opened: Database[] = [];
  const fresh = async () => {
    const db = await target.fresh();
    opened.push(db);
    return db;
  };

  beforeAll(() => target.setup(), 120_000);
  afterAll(async () => {
    for (const db of opened) await closeDatabase(db);
    await target.teardown();
  }, 60_000);

  it('chains appended events and verifies them; the chain survives concurrent writers', async () => {
    const db = await fresh();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 0, start: { kind: 'empty' }, head: null });
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAuditEvent(db, event({ request: { query: `q${i}`, amount: 12.5 } }))));
    const result = await verifyAuditChain(db, { batchSize: 7 });
    expect(result).toMatchObject({ ok: true, checked: 20, start: { kind: 'genesis' }, broken: null });
    expect(describeVerification(result)).toMatch(/Audit chain OK: 20 events verified from the genesis event/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE from an ordinary connection', async () => {
    const db = await fresh();
    const { id } = await appendAuditEvent(db, event());
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
    for (let i = 0; i < 6; i++) ids.push((await appendAuditEvent(db, event({ resultCode: `000_00${i}` }))).id);
    // What an attacker with database rights would do: disable the trigger, edit, re-enable.
    await db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await db.execute(sql`update audit_events set outcome = 'rejected' where id = ${ids[3]!}`);
    await db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    const result = await verifyAuditChain(db, { batchSize: 2 });
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({ id: ids[3], kind: 'hash-mismatch', previousId: ids[2] });
    expect(result.broken!.expected).toMatch(/^[0-9a-f]{64}$/);
    expect(result.broken!.expected).not.toBe(result.broken!.stored);
    expect(result.checked).toBe(4);
    expect(describeVerification(result)).toContain(`BROKEN at event ${ids[3]}`);
  });

  it('finds a removed row and a re-hashed row (the next link breaks)', async () => {
    const db = await fresh();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await appendAuditEvent(db, event())).id);
    await db.execute(sql`alter table audit_events disable trigger user`);
    await db.execute(sql`delete from audit_events where id = ${ids[1]!}`);
    await db.execute(sql`update audit_events set hash = 'forged' where id = ${ids[3]!}`);
    await db.execute(sql`alter table audit_events enable trigger user`);
    const result = await verifyAuditChain(db);
    expect(result.broken).toMatchObject({ id: ids[2], kind: 'prev-hash-mismatch', previousId: ids[0] });
  });

  it('purges only events older than the retention period, audits the purge, and the chain still verifies', async () => {
    const db = await fresh();
    const now = Date.now();
    const old1 = await appendAuditEvent(db, event({ action: 'sign-in' }), { at: new Date(now - 400 * DAY) });
    const old2 = await appendAuditEvent(db, event({ action: 'view-card' }), { at: new Date(now - 390 * DAY) });
    const mid = await appendAuditEvent(db, event({ action: 'issue-prepaid' }), { at: new Date(now - 200 * DAY) });
    await appendAuditEvent(db, event({ action: 'reissue-prepaid' }), { at: new Date(now - 5 * DAY) });

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
    await appendAuditEvent(db, event(), { at: new Date(Date.now() - 400 * DAY) });
    await appendAuditEvent(db, event());
    // The clock says "far future", so the computed cutoff passes JS checks but the database's floor
    // (real now - 30 days) refuses it: the trigger, not the script, is the last word.
    const message = await failureOf(purgeAuditEvents(db, { retentionDays: 30, now: new Date(Date.now() + 20 * DAY) }));
    expect(message).toMatch(/minimum retention/);
    const rows = await db.select({ action: auditEvents.action, outcome: auditEvents.outcome }).from(auditEvents).orderBy(auditEvents.id);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toEqual({ action: 'audit-purge', outcome: 'rejected' });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('reports an unaccounted-for missing start (a prefix deleted behind the trigger)', async () => {
    const db = await fresh();
    const first = await appendAuditEvent(db, event());
    const second = await appendAuditEvent(db, event());
    await db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await db.execute(sql`delete from audit_events where id = ${first.id}`);
    await db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    expect((await verifyAuditChain(db)).broken).toMatchObject({ id: second.id, kind: 'unanchored-start', stored: first.hash });
  });

  it('filters and keyset-paginates the audit trail, with ties on the timestamp', async () => {
    const db = await fresh();
    const tie = new Date('2026-03-01T00:00:00.000Z');
    for (let i = 0; i < 7; i++) await appendAuditEvent(db, event({ action: 'view-card', cardRef: PAR_A }), { at: tie });
    for (let i = 0; i < 5; i++) {
      await appendAuditEvent(db, event({ actor: { ...MANAGER, roles: ['manager'] }, action: 'forbidden', outcome: 'forbidden', memberId: undefined, correlationId: `corr-${i}` }), {
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
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      return listAuditEvents(parsed.filters, { db });
    };
    expect((await q({ operator: 'MANAGER@konaplate.test' })).rows).toHaveLength(5);
    expect((await q({ operator: MANAGER.id })).rows).toHaveLength(5);
    expect((await q({ action: 'view-card', member: MEMBER })).rows).toHaveLength(7);
    expect((await q({ outcome: 'forbidden', correlationId: 'corr-3' })).rows.map((r) => r.correlationId)).toEqual(['corr-3']);
    // 2026-03-01 09:00 to 09:02 Korea time = 00:00 to 00:02:59 UTC: the 7 ties and the first two.
    expect((await q({ from: '2026-03-01T09:00', to: '2026-03-01T09:02' })).rows).toHaveLength(9);
    expect((await q({ from: '2026-03-02' })).rows).toHaveLength(0);

    const batches: number[] = [];
    for await (const batch of iterateAuditEvents({ action: 'view-card' }, { batchSize: 3, db })) batches.push(batch.length);
    expect(batches).toEqual([3, 3, 1]);
  });

  it('records card states only when they change and builds the card and member timelines', async () => {
    const db = await fresh();
    const view = await appendAuditEvent(db, event({ action: 'search' }));
    expect(await recordCardObservations(MEMBER, [card(PAR_A), card(PAR_B, { balance: 5000 })], { auditEventId: view.id, db })).toEqual({ changed: 2 });
    expect(await recordCardObservations(MEMBER, [card(PAR_A), card(PAR_B, { balance: 5000 })], { db })).toEqual({ changed: 0 });
    expect(await recordCardObservations(MEMBER, [], { db })).toEqual({ changed: 0 });
    await expect(recordCardObservations('12a', [card(PAR_A)], { db })).rejects.toThrow(/1 to 19 digits/);

    // The agent suspends… then reissues card A; the next read sees A as 3A/30 and a new card C.
    await recordCardObservations(MEMBER, [card(PAR_A, { cardBizStatus: '31', mobileCardStatus: 'SUSPENDED' }), card(PAR_B, { balance: 5000 })], { db });
    const reissue = await appendAuditEvent(db, event({ action: 'reissue-prepaid', cardRef: PAR_A, resultCode: '000_000', correlationId: 'corr-reissue' }));
    const PAR_C = 'PAR0000000000000000000000C3';
    expect(
      await recordCardObservations(MEMBER, [card(PAR_A, { cardBizStatus: '3A', cardLifeStatus: '30', mobileCardStatus: 'SUSPENDED' }), card(PAR_B, { balance: 5000 }), card(PAR_C)], { db }),
    ).toEqual({ changed: 2 });

    const timeline = await getCardStateTimeline(MEMBER, PAR_A, { db });
    expect(timeline.map((e) => e.state.bizStatus)).toEqual(['3A', '31', '60']);
    expect(timeline[0]!.changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['lifeStatus', '60', '30'],
      ['bizStatus', '31', '3A'],
    ]);
    expect(timeline[0]!.actions).toEqual([expect.objectContaining({ id: reissue.id, action: 'reissue-prepaid', direct: false, correlationId: 'corr-reissue' })]);
    expect(timeline[1]!.actions).toEqual([]);
    expect(timeline[2]).toMatchObject({ first: true, actions: [expect.objectContaining({ id: view.id, direct: true })] });
    // The new card's first sighting links to the reissue that created it.
    const cTimeline = await getCardStateTimeline(MEMBER, PAR_C, { db });
    expect(cTimeline[0]).toMatchObject({ first: true, actions: [expect.objectContaining({ id: reissue.id })] });

    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listMemberTimeline>> = await listMemberTimeline(MEMBER, { cursor, limit: 3, db });
      all.push(...page.items.map((i) => i.key));
      cursor = page.nextCursor;
    } while (cursor);
    // 2 events + 5 state rows (A×3, B×1, C×1), newest first, each exactly once across pages.
    const full = await listMemberTimeline(MEMBER, { limit: 100, db });
    expect(all).toEqual(full.items.map((i) => i.key));
    expect(full.items).toHaveLength(2 + 5);
    expect(full.items[full.items.length - 1]!.key).toMatch(/^(action|state)-/);
    const times = full.items.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    await expect(listMemberTimeline(MEMBER, { cursor: 'bogus!', db })).rejects.toThrow(/invalid timeline cursor/);
  });
}

describe('audit trail on PGlite', () => {
  auditSuite({
    setup: async () => undefined,
    teardown: async () => undefined,
    fresh: () => openDatabase({ pgliteDir: 'memory://' }),
  });
});

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`[lib/audit] Skipping the PostgreSQL suite: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('audit trail on PostgreSQL', () => {
  let server: PostgresServer | undefined;
  let n = 0;
  auditSuite({
    setup: async () => {
      server = await startPostgres({ database: 'konaplate_audit' });
    },
    teardown: async () => {
      await server?.stop();
    },
    fresh: async () => openDatabase({ databaseUrl: await server!.createDatabase(`audit_${++n}`) }),
  });
});
