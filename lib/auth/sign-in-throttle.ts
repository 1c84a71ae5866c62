import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, signInThrottle, type Database } from '@/lib/db';

export interface ThrottleLimits {
  perEmail: number;
  perClient: number;
  windowMinutes: number;
}

/**
 * Counts one sign-in attempt against its email (known to the console or not) and, when known,
 * its client address, each in one atomic upsert; false when either is over its limit for the
 * current window. The counts live in the database, so the limits hold across console instances.
 */
export async function admitSignInAttempt(
  attempt: { email: string; client: string | null },
  limits: ThrottleLimits,
  db?: Database,
): Promise<boolean> {
  const database = db ?? (await getDb());
  const counted = [
    { key: `email:${attempt.email.toLowerCase()}`, limit: limits.perEmail },
    ...(attempt.client ? [{ key: `client:${attempt.client}`, limit: limits.perClient }] : []),
  ];
  const window = sql`make_interval(mins => ${limits.windowMinutes})`;
  const expired = sql`${signInThrottle.windowStart} <= now() - ${window}`;
  const results = await Promise.all(
    counted.map(async ({ key, limit }) => {
      const [row] = await database
        .insert(signInThrottle)
        .values({ key, attempts: 1 })
        .onConflictDoUpdate({
          target: signInThrottle.key,
          set: {
            attempts: sql`case when ${expired} then 1 else ${signInThrottle.attempts} + 1 end`,
            windowStart: sql`case when ${expired} then now() else ${signInThrottle.windowStart} end`,
          },
        })
        .returning({ attempts: signInThrottle.attempts });
      return row!.attempts <= limit;
    }),
  );
  return results.every(Boolean);
}
