import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Database } from '@/lib/db/client';
import { operators } from '@/lib/db/schema';
import { describeIfPostgres } from '@/lib/db/testing/database-suite';
import { startPostgres, type PostgresServer } from '@/lib/db/testing/postgres-server';
import { claimPasswordAttempt, settleSuccessfulSignIn } from './sign-in-attempts';

const POLICY = { maxFailures: 5, lockoutMinutes: 15 };

async function newOperator(db: Database): Promise<string> {
  const [row] = await db
    .insert(operators)
    .values({ email: `op-${crypto.randomUUID()}@konaplate.test`, name: 'Op', roles: ['agent'], passwordHash: null })
    .returning({ id: operators.id });
  return row!.id;
}

/** A burst of attempts at once, spread over the given console instances (database handles). */
async function burst(instances: Database[], operatorId: string, attempts: number) {
  const claims = await Promise.all(
    Array.from({ length: attempts }, (_, i) => claimPasswordAttempt(operatorId, POLICY, instances[i % instances.length])),
  );
  return { claimed: claims.filter((c) => c.claimed).length, locking: claims.filter((c) => c.claimed && c.locksOnFailure).length };
}

function lockoutSuite(open: () => Promise<Database[]>, teardown?: () => Promise<void>) {
  let instances: Database[] = [];
  beforeAll(async () => {
    instances = await open();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(instances.map((db) => closeDatabase(db)));
    await teardown?.();
  });

  it('checks at most the limit of passwords in a burst of 30, and the limit-reaching one locks', async () => {
    const id = await newOperator(instances[0]!);
    expect(await burst(instances, id, 30)).toEqual({ claimed: 5, locking: 1 });
    // A right password after the limit is never checked: nothing is claimed until the lock ends.
    expect(await claimPasswordAttempt(id, POLICY, instances[0])).toEqual({ claimed: false });
  });

  it('counts afresh once the lock has ended', async () => {
    const id = await newOperator(instances[0]!);
    await burst(instances, id, 5);
    await instances[0]!.update(operators).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(operators.id, id));
    expect(await claimPasswordAttempt(id, POLICY, instances[0])).toEqual({ claimed: true, locksOnFailure: false });
    const [row] = await instances[0]!.select().from(operators).where(eq(operators.id, id));
    expect(row).toMatchObject({ failedAttempts: 1, lockedUntil: null });
  });

  it('starts the count again after a right password', async () => {
    const id = await newOperator(instances[0]!);
    await burst(instances, id, 4);
    await settleSuccessfulSignIn(id, instances[0]);
    expect(await burst(instances, id, 30)).toEqual({ claimed: 5, locking: 1 });
  });
}

describe('sign-in lock-out on PGlite', () => {
  lockoutSuite(async () => [await openDatabase({ pgliteDir: 'memory://' })]);
});

describeIfPostgres('sign-in lock-out, two console instances', () => {
  let server: PostgresServer | undefined;
  lockoutSuite(
    async () => {
      server = await startPostgres({ database: 'konaplate_lockout' });
      return Promise.all([openDatabase({ databaseUrl: server.url }), openDatabase({ databaseUrl: server.url, migrate: false })]);
    },
    async () => server?.stop(),
  );
});
