import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { idempotencyKeys, operatorSessions, operators } from './schema';
import { DEMO_OPERATOR_PASSWORD, seedDemoOperators } from './seed';
import { describeOnDatabases, failureOf } from './testing/database-suite';

describeOnDatabases('operator tables', (database) => {
  // The demo agent is the existing operator the uniqueness checks collide with.
  beforeAll(async () => {
    await seedDemoOperators(database.db, { password: DEMO_OPERATOR_PASSWORD });
  }, 60_000);

  it('keeps operator emails unique and lowercased, and roles known', async () => {
    const { db } = database;
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

  it('binds a company identity (issuer + subject) to one operator at most, both parts or neither', async () => {
    const { db } = database;
    const identity = { oidcIssuer: 'https://idp.example', oidcSubject: 'sub-1' };
    await db.insert(operators).values({ email: 'linked@konaplate.test', name: 'Linked', ...identity });
    expect(await failureOf(db.insert(operators).values({ email: 'other@konaplate.test', name: 'Other', ...identity }))).toMatch(
      /operators_oidc_identity_unique|duplicate key|23505/,
    );
    // The same subject at another issuer is another identity.
    await db.insert(operators).values({ email: 'elsewhere@konaplate.test', name: 'Elsewhere', oidcIssuer: 'https://other.example', oidcSubject: 'sub-1' });
    expect(await failureOf(db.insert(operators).values({ email: 'half@konaplate.test', name: 'Half', oidcSubject: 'sub-2' }))).toMatch(
      /operators_oidc_identity_together|23514/,
    );
  });

  it('stores operator sessions and drops them with their operator', async () => {
    const { db } = database;
    const [op] = await db.insert(operators).values({ email: 'temp@konaplate.test', name: 'Temp' }).returning();
    const [session] = await db.insert(operatorSessions).values({ operatorId: op!.id, userAgent: 'vitest' }).returning();
    expect(session).toMatchObject({ operatorId: op!.id, revokedAt: null });
    expect(session!.lastSeenAt).toBeInstanceOf(Date);
    await db.delete(operators).where(eq(operators.id, op!.id));
    expect(await db.select().from(operatorSessions).where(eq(operatorSessions.id, session!.id))).toEqual([]);
  });

  it('keeps idempotency keys unique', async () => {
    const { db } = database;
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
});
