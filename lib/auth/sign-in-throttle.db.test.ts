import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Database } from '@/lib/db/client';
import { signInThrottle } from '@/lib/db/schema';
import { admitSignInAttempt } from './sign-in-throttle';

const LIMITS = { perEmail: 10, perClient: 25, windowMinutes: 15 };

describe('sign-in throttle', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ pgliteDir: 'memory://' });
  }, 60_000);
  afterAll(async () => closeDatabase(db));

  const burst = async (n: number, attempt: { email: string; client: string | null }) =>
    (await Promise.all(Array.from({ length: n }, () => admitSignInAttempt(attempt, LIMITS, db)))).filter(Boolean).length;

  it('admits at most the limit per email, known or not, in a burst', async () => {
    expect(await burst(30, { email: 'Nobody@Konaplate.test', client: null })).toBe(10);
    expect(await admitSignInAttempt({ email: 'nobody@konaplate.test', client: null }, LIMITS, db)).toBe(false);
  });

  it('admits at most the limit per client address, across emails', async () => {
    let admitted = 0;
    for (let i = 0; i < 40; i++) if (await admitSignInAttempt({ email: `user${i}@konaplate.test`, client: '203.0.113.7' }, LIMITS, db)) admitted++;
    expect(admitted).toBe(25);
  });

  it('starts a new window once the old one has passed', async () => {
    const attempt = { email: 'later@konaplate.test', client: null };
    await burst(12, attempt);
    expect(await admitSignInAttempt(attempt, LIMITS, db)).toBe(false);
    await db.update(signInThrottle).set({ windowStart: sql`now() - interval '16 minutes'` });
    expect(await admitSignInAttempt(attempt, LIMITS, db)).toBe(true);
  });
});
