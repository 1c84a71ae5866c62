import 'server-only';
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { getDb, operators, type Database } from '@/lib/db';

export interface LockoutPolicy {
  maxFailures: number;
  lockoutMinutes: number;
}

export type AttemptClaim = { claimed: false } | { claimed: true; locksOnFailure: boolean };

/**
 * Claims one password check for an operator, in one atomic step in the database, before the
 * password is checked. While the operator is locked nothing is claimed; the claim that
 * reaches the limit locks. So a burst of concurrent attempts, on any number of console
 * instances over one database, checks at most `maxFailures` passwords per lock period, and a
 * right password that comes after the limit is refused until the lock ends. At most
 * `maxFailures` passwords are checked between two successful sign-ins.
 */
export async function claimPasswordAttempt(operatorId: string, policy: LockoutPolicy, db?: Database): Promise<AttemptClaim> {
  const database = db ?? (await getDb());
  const lockExpired = and(sql`${operators.lockedUntil} is not null`, lte(operators.lockedUntil, sql`now()`));
  // After an expired lock the count starts again.
  const attempts = sql`case when ${lockExpired} then 1 else ${operators.failedAttempts} + 1 end`;
  const [row] = await database
    .update(operators)
    .set({
      failedAttempts: attempts,
      lockedUntil: sql`case when ${attempts} >= ${policy.maxFailures}
        then now() + make_interval(mins => ${policy.lockoutMinutes}) else null end`,
    })
    .where(and(eq(operators.id, operatorId), or(isNull(operators.lockedUntil), lte(operators.lockedUntil, sql`now()`))))
    .returning({ lockedUntil: operators.lockedUntil });
  return row ? { claimed: true, locksOnFailure: row.lockedUntil !== null } : { claimed: false };
}

/** A right password (checked under a claim): the count starts again and no lock remains. */
export async function settleSuccessfulSignIn(operatorId: string, db?: Database): Promise<void> {
  const database = db ?? (await getDb());
  await database
    .update(operators)
    .set({ failedAttempts: 0, lockedUntil: null, lastSignInAt: new Date() })
    .where(eq(operators.id, operatorId));
}
