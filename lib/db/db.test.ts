import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import journal from './migrations/meta/_journal.json';
import { verifyPassword } from '@/lib/auth/password';
import {
  closeDatabase,
  databaseDriver,
  migrate,
  openDatabase,
  queryRows,
  type Database,
  type OpenDatabaseOptions,
} from './client';
import {
  auditEvents,
  cardStateHistory,
  idempotencyKeys,
  operatorSessions,
  operators,
  type NewAuditEvent,
} from './schema';
import { DEMO_OPERATOR_PASSWORD, DEMO_OPERATORS, seedDemoOperators } from './seed';
import { postgresUnavailableReason, startPostgres, type PostgresServer } from './testing/postgres-server';

/** Migrations in lib/db/migrations (the journal drizzle-kit keeps). */
const MIGRATIONS = journal.entries.length;

/** Message, cause and SQLSTATE of a failure (Drizzle wraps driver errors in `cause`). */
async function failureOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const parts: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) {
      parts.push(e.message);
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string') parts.push(`code=${code}`);
    }
    return parts.join(' | ');
  }
  throw new Error('expected the operation to fail, but it succeeded');
}

const BIG_MEMBER_ID = '9007199254740993123'; // 19 digits, far beyond Number.MAX_SAFE_INTEGER

function auditEvent(overrides: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return {
    operatorEmail: 'agent@konaplate.test',
    operatorRoles: ['agent'],
    action: 'card.suspend',
    memberId: BIG_MEMBER_ID,
    cardRef: '5412 75** **** 1234',
    requestSummary: { reason: 'lost', amount: '12.50' },
    outcome: 'ok',
    resultCode: '0000',
    correlationId: randomUUID(),
    durationMs: 42,
    clientIp: '127.0.0.1',
    userAgent: 'vitest',
    prevHash: null,
    hash: 'h-' + randomUUID(),
    ...overrides,
  };
}

interface Target {
  /** Options for openDatabase, available once beforeAll ran. */
  options: () => OpenDatabaseOptions;
  setup: () => Promise<void>;
  teardown: () => Promise<void>;
}

function databaseSuite(target: Target) {
  let db: Database;

  beforeAll(async () => {
    await target.setup();
    db = await openDatabase(target.options());
  }, 120_000);

  afterAll(async () => {
    if (db) await closeDatabase(db);
    await target.teardown();
  }, 60_000);

  it('migrates on open; migrating again is a no-op', async () => {
    const first = await migrate(db);
    expect(first).toEqual({ applied: 0, total: MIGRATIONS });
    const second = await migrate(db);
    expect(second).toEqual({ applied: 0, total: MIGRATIONS });

    const [{ n } = { n: -1 }] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(Number(n)).toBe(MIGRATIONS);
    const tables = await queryRows<{ table_name: string }>(
      db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      'audit_events',
      'card_state_history',
      'idempotency_keys',
      'operator_sessions',
      'operators',
    ]);
  });

  it('seeds the demo operators idempotently without overwriting a changed password', async () => {
    const first = await seedDemoOperators(db, { password: DEMO_OPERATOR_PASSWORD });
    expect(first.created.sort()).toEqual(DEMO_OPERATORS.map((o) => o.email).sort());
    expect(first.existing).toEqual([]);

    const agent = await db.query.operators.findFirst({ where: eq(operators.email, 'agent@konaplate.test') });
    expect(agent).toMatchObject({ name: 'Ada Agent', roles: ['agent'], active: true, failedAttempts: 0 });
    expect(agent?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(agent?.createdAt).toBeInstanceOf(Date);
    expect(await verifyPassword(DEMO_OPERATOR_PASSWORD, agent?.passwordHash)).toBe(true);

    // An admin changes a password and a role set; re-seeding must leave both alone.
    await db
      .update(operators)
      .set({ passwordHash: 'changed-by-admin', roles: ['manager', 'qa'] })
      .where(eq(operators.email, 'manager@konaplate.test'));

    const second = await seedDemoOperators(db, { password: 'something-else' });
    expect(second.created).toEqual([]);
    expect(second.existing).toHaveLength(4);

    const all = await db.select().from(operators).orderBy(operators.email);
    expect(all).toHaveLength(4);
    const manager = all.find((o) => o.email === 'manager@konaplate.test');
    expect(manager?.passwordHash).toBe('changed-by-admin');
    expect(manager?.roles).toEqual(['manager', 'qa']);
    expect(manager!.updatedAt.getTime()).toBeGreaterThanOrEqual(manager!.createdAt.getTime());
    const admin = all.find((o) => o.email === 'admin@konaplate.test');
    expect(admin?.roles).toEqual(['admin']);
    expect(await verifyPassword(DEMO_OPERATOR_PASSWORD, admin?.passwordHash)).toBe(true);
  });

  it('keeps operator emails unique and lowercased, and roles known', async () => {
    expect(await failureOf(db.insert(operators).values({ email: 'agent@konaplate.test', name: 'Dup' }))).toMatch(
      /operators_email_unique|duplicate key|23505/,
    );
    expect(await failureOf(db.insert(operators).values({ email: 'Mixed@Case.test', name: 'X' }))).toMatch(
      /operators_email_lowercase|23514/,
    );
    expect(
      await failureOf(
        db.insert(operators).values({ email: 'x@konaplate.test', name: 'X', roles: ['root' as 'admin'] }),
      ),
    ).toMatch(/operators_roles_known|23514/);
    const oidcOnly = await db
      .insert(operators)
      .values({ email: 'oidc@konaplate.test', name: 'Olive OIDC', roles: ['agent', 'qa'] })
      .returning();
    expect(oidcOnly[0]).toMatchObject({ passwordHash: null, lockedUntil: null, lastSignInAt: null });
  });

  it('stores and reads an audit event with a 19-digit member id intact', async () => {
    const [inserted] = await db.insert(auditEvents).values(auditEvent()).returning();
    expect(inserted).toBeDefined();
    expect(typeof inserted!.id).toBe('number');
    expect(inserted!.at).toBeInstanceOf(Date);

    const [read] = await db.select().from(auditEvents).where(eq(auditEvents.id, inserted!.id));
    expect(read?.memberId).toBe(BIG_MEMBER_ID);
    expect(read?.requestSummary).toEqual({ reason: 'lost', amount: '12.50' });
    expect(read?.operatorRoles).toEqual(['agent']);
    expect(read?.outcome).toBe('ok');

    // Filtering by member id compares text, not a rounded number.
    const byMember = await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(eq(auditEvents.memberId, '9007199254740992123'));
    expect(byMember).toEqual([]);

    // Keyset pagination order: at desc, id desc.
    await db.insert(auditEvents).values([auditEvent({ action: 'card.view' }), auditEvent({ action: 'card.view' })]);
    const page = await db.select().from(auditEvents).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(2);
    expect(page).toHaveLength(2);
    expect(page[0]!.id).toBeGreaterThan(page[1]!.id);

    expect(await failureOf(db.insert(auditEvents).values(auditEvent({ memberId: '12345678901234567890' })))).toMatch(
      /audit_events_member_id_digits|23514/,
    );
    expect(await failureOf(db.insert(auditEvents).values(auditEvent({ memberId: '12a4' })))).toMatch(
      /audit_events_member_id_digits|23514/,
    );
    expect(await failureOf(db.insert(auditEvents).values(auditEvent({ outcome: 'maybe' as 'ok' })))).toMatch(
      /audit_events_outcome_known|23514/,
    );
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_events', async () => {
    const [row] = await db.insert(auditEvents).values(auditEvent({ action: 'card.resume' })).returning();
    const id = row!.id;

    expect(await failureOf(db.update(auditEvents).set({ outcome: 'rejected' }).where(eq(auditEvents.id, id)))).toMatch(
      /append-only: UPDATE refused/,
    );
    expect(await failureOf(db.delete(auditEvents).where(eq(auditEvents.id, id)))).toMatch(/append-only: DELETE refused/);
    expect(await failureOf(db.execute(sql`delete from audit_events`))).toMatch(/append-only: DELETE refused/);
    expect(await failureOf(db.execute(sql`truncate audit_events cascade`))).toMatch(/append-only: TRUNCATE refused/);

    // A refused change inside a transaction rolls the transaction back.
    expect(
      await failureOf(
        db.transaction(async (tx) => {
          await tx.insert(auditEvents).values(auditEvent({ action: 'in-tx' }));
          await tx.update(auditEvents).set({ hash: 'x' });
        }),
      ),
    ).toMatch(/append-only/);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, 'in-tx'))).toEqual([]);

    const [still] = await db.select().from(auditEvents).where(eq(auditEvents.id, id));
    expect(still?.outcome).toBe('ok');
  });

  it('records card state history linked to an audit event', async () => {
    const [event] = await db.insert(auditEvents).values(auditEvent({ action: 'card.inquire' })).returning();
    const state = {
      lifeStatus: 'ACTIVE',
      bizStatus: 'NORMAL',
      mobileStatus: 'ACTIVE',
      physicalStatus: 'NOT_ISSUED',
      balance: '1000.00',
      pendingAmount: '0.00',
      expiryDate: '2030-12',
    };
    await db.insert(cardStateHistory).values([
      { memberId: BIG_MEMBER_ID, par: 'PAR-1', state, stateHash: 'a', observedAt: new Date('2026-01-01T00:00:00Z') },
      {
        memberId: BIG_MEMBER_ID,
        par: 'PAR-1',
        state: { ...state, lifeStatus: 'SUSPENDED' },
        stateHash: 'b',
        auditEventId: event!.id,
        observedAt: new Date('2026-01-02T00:00:00Z'),
      },
    ]);
    const [latest] = await db
      .select()
      .from(cardStateHistory)
      .where(eq(cardStateHistory.par, 'PAR-1'))
      .orderBy(desc(cardStateHistory.observedAt))
      .limit(1);
    expect(latest).toMatchObject({ stateHash: 'b', auditEventId: event!.id, memberId: BIG_MEMBER_ID });
    expect(latest?.state.lifeStatus).toBe('SUSPENDED');
  });

  it('stores operator sessions and drops them with their operator', async () => {
    const [op] = await db.insert(operators).values({ email: 'temp@konaplate.test', name: 'Temp' }).returning();
    const [session] = await db.insert(operatorSessions).values({ operatorId: op!.id, userAgent: 'vitest' }).returning();
    expect(session).toMatchObject({ operatorId: op!.id, revokedAt: null });
    expect(session!.lastSeenAt).toBeInstanceOf(Date);
    await db.delete(operators).where(eq(operators.id, op!.id));
    expect(await db.select().from(operatorSessions).where(eq(operatorSessions.id, session!.id))).toEqual([]);
  });

  it('keeps idempotency keys unique', async () => {
    const [agent] = await db.select().from(operators).where(eq(operators.email, 'agent@konaplate.test'));
    const key = randomUUID();
    await db.insert(idempotencyKeys).values({ key, operatorId: agent!.id, action: 'card.suspend' });

    expect(
      await failureOf(db.insert(idempotencyKeys).values({ key, operatorId: agent!.id, action: 'card.suspend' })),
    ).toMatch(/idempotency_keys_pkey|duplicate key|23505/);
    // The claim pattern callers use: a second claim inserts nothing.
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ key, operatorId: agent!.id, action: 'card.suspend' })
      .onConflictDoNothing()
      .returning();
    expect(claimed).toEqual([]);

    const [inFlight] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(inFlight).toMatchObject({ completedAt: null, outcome: null });
    await db
      .update(idempotencyKeys)
      .set({ completedAt: new Date(), outcome: { status: 'ok', resultCode: '0000' } })
      .where(and(eq(idempotencyKeys.key, key), eq(idempotencyKeys.operatorId, agent!.id)));
    const [done] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(done?.outcome).toEqual({ status: 'ok', resultCode: '0000' });
    expect(done?.completedAt).toBeInstanceOf(Date);
  });

  it('keeps data across close and reopen, without re-applying migrations', async () => {
    await closeDatabase(db);
    db = await openDatabase({ ...target.options(), migrate: false });
    expect(await migrate(db)).toEqual({ applied: 0, total: MIGRATIONS });
    const rows = await db.select().from(operators);
    expect(rows.length).toBeGreaterThanOrEqual(4);
  });
}

describe('database on PGlite', () => {
  let dir = '';
  it('uses the PGlite driver and creates the data directory', async () => {
    expect(existsSync(path.join(dir, 'nested', 'pglite'))).toBe(true);
    const db = await openDatabase({ pgliteDir: 'memory://', migrate: false });
    try {
      expect(databaseDriver(db)).toBe('pglite');
      expect(await migrate(db)).toEqual({ applied: MIGRATIONS, total: MIGRATIONS });
    } finally {
      await closeDatabase(db);
    }
  }, 60_000);

  databaseSuite({
    options: () => ({ pgliteDir: path.join(dir, 'nested', 'pglite') }),
    setup: async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'konaplate-pglite-'));
    },
    teardown: async () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  });
});

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`[lib/db] Skipping the PostgreSQL suite: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('database on PostgreSQL', () => {
  let server: PostgresServer | undefined;
  databaseSuite({
    options: () => ({ databaseUrl: server!.url }),
    setup: async () => {
      server = await startPostgres();
    },
    teardown: async () => {
      await server?.stop();
    },
  });

  it('uses the node-postgres driver; concurrent migrations of a fresh database are serialised', async () => {
    const url = await server!.createDatabase('konaplate_concurrent');
    const [a, b] = await Promise.all([
      openDatabase({ databaseUrl: url, migrate: false }),
      openDatabase({ databaseUrl: url, migrate: false }),
    ]);
    try {
      expect(databaseDriver(a)).toBe('postgres');
      const reports = await Promise.all([migrate(a), migrate(b)]);
      expect(reports.map((r) => r.applied).sort()).toEqual([0, MIGRATIONS]);
    } finally {
      await Promise.all([closeDatabase(a), closeDatabase(b)]);
    }
  });
});
