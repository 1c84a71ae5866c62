import { existsSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import journal from './migrations/meta/_journal.json';
import { decryptTotpSecret, encryptTotpSecret } from '@/lib/auth/mfa-crypto';
import { verifyPassword } from '@/lib/auth/password';
import { closeDatabase, databaseDriver, migrate, openDatabase, queryRows } from './client';
import { operators } from './schema';
import { DEMO_OPERATOR_PASSWORD, DEMO_OPERATORS, seedDemoOperators } from './seed';
import { describeOnPglite, describeOnPostgres, type SuiteDatabase } from './testing/database-suite';

/** Migrations in lib/db/migrations (the journal drizzle-kit keeps). */
const MIGRATIONS = journal.entries.length;

/** Migrates, seeds, then closes and reopens one database: each test starts where the last ended. */
function migrationAndSeedingTests(database: SuiteDatabase) {
  it('migrates on open; migrating again is a no-op', async () => {
    const { db } = database;
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
      'approval_policy',
      'approval_requests',
      'audit_events',
      'card_state_history',
      'idempotency_keys',
      'member_notes',
      'operator_recovery_codes',
      'operator_sessions',
      'operators',
      'review_access_sign_offs',
      'review_daily_counts',
      'review_finding_events',
      'review_findings',
      'review_rollup_buckets',
      'review_runs',
      'review_view_hours',
      'saved_audit_views',
      'sign_in_throttle',
    ]);
  });

  it('seeds the demo operators idempotently without overwriting a changed password', async () => {
    const { db } = database;
    const first = await seedDemoOperators(db, { password: DEMO_OPERATOR_PASSWORD });
    expect(first.created.sort()).toEqual(DEMO_OPERATORS.map((o) => o.email).sort());
    expect(first.existing).toEqual([]);

    const agent = await db.query.operators.findFirst({ where: eq(operators.email, 'agent@konaplate.test') });
    expect(agent).toMatchObject({ name: 'Ada Agent', roles: ['agent'], active: true, failedAttempts: 0 });
    expect(agent?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(agent?.createdAt).toBeInstanceOf(Date);
    expect(await verifyPassword(DEMO_OPERATOR_PASSWORD, agent?.passwordHash)).toBe(true);
    // Enrolled in MFA with the fixed secret of the README, stored encrypted for this row only.
    expect(agent?.totpEnrolledAt).toBeInstanceOf(Date);
    expect(agent?.totpSecret).not.toContain(DEMO_OPERATORS[0]!.totpSecret);
    expect(decryptTotpSecret(agent!.totpSecret!, agent!.id)).toBe(DEMO_OPERATORS[0]!.totpSecret);

    // An admin changes a password and a role set; re-seeding must leave both alone.
    await db
      .update(operators)
      .set({ passwordHash: 'changed-by-admin', roles: ['manager', 'qa'] })
      .where(eq(operators.email, 'manager@konaplate.test'));

    // The QA operator set up another authenticator (after a reset): re-seeding must keep it.
    const qa = await db.query.operators.findFirst({ where: eq(operators.email, 'qa@konaplate.test') });
    const changedSecret = encryptTotpSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', qa!.id);
    await db.update(operators).set({ totpSecret: changedSecret, mfaResetAt: new Date() }).where(eq(operators.id, qa!.id));

    const second = await seedDemoOperators(db, { password: 'something-else' });
    expect(second.created).toEqual([]);
    expect(second.existing).toHaveLength(4);
    expect(second.enrolled).toEqual([]);
    const qaAfter = await db.query.operators.findFirst({ where: eq(operators.email, 'qa@konaplate.test') });
    expect(qaAfter?.totpSecret).toBe(changedSecret);

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

  it('gives a demo operator from before MFA its fixed secret, but not one an admin reset', async () => {
    const { db } = database;
    const without = { totpSecret: null, totpEnrolledAt: null, totpPendingSecret: null };
    await db.update(operators).set({ ...without, mfaResetAt: null }).where(eq(operators.email, 'agent@konaplate.test'));
    await db.update(operators).set({ ...without, mfaResetAt: new Date() }).where(eq(operators.email, 'admin@konaplate.test'));

    const report = await seedDemoOperators(db, { password: DEMO_OPERATOR_PASSWORD });
    expect(report).toMatchObject({ created: [], enrolled: ['agent@konaplate.test'] });
    const agent = await db.query.operators.findFirst({ where: eq(operators.email, 'agent@konaplate.test') });
    expect(decryptTotpSecret(agent!.totpSecret!, agent!.id)).toBe(DEMO_OPERATORS[0]!.totpSecret);
    const admin = await db.query.operators.findFirst({ where: eq(operators.email, 'admin@konaplate.test') });
    expect(admin?.totpSecret).toBeNull();
    expect((await seedDemoOperators(db, { password: DEMO_OPERATOR_PASSWORD })).enrolled).toEqual([]);
  });

  it('keeps data across close and reopen, without re-applying migrations', async () => {
    await closeDatabase(database.db);
    database.db = await openDatabase({ ...database.options, migrate: false });
    expect(await migrate(database.db)).toEqual({ applied: 0, total: MIGRATIONS });
    const rows = await database.db.select().from(operators);
    expect(rows.length).toBeGreaterThanOrEqual(4);
  });
}

describeOnPglite('migrating and seeding the database', (database, dataDir) => {
  it('uses the PGlite driver and creates the data directory', async () => {
    expect(existsSync(dataDir())).toBe(true);
    const db = await openDatabase({ pgliteDir: 'memory://', migrate: false });
    try {
      expect(databaseDriver(db)).toBe('pglite');
      expect(await migrate(db)).toEqual({ applied: MIGRATIONS, total: MIGRATIONS });
    } finally {
      await closeDatabase(db);
    }
  }, 60_000);

  migrationAndSeedingTests(database);
});

describeOnPostgres('migrating and seeding the database', (database, server) => {
  migrationAndSeedingTests(database);

  it('uses the node-postgres driver; concurrent migrations of a fresh database are serialised', async () => {
    const url = await server().createDatabase('konaplate_concurrent');
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
