import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The process-wide database, in memory for this file (lib/env is read on first use).
process.env.PGLITE_DIR = 'memory://';
delete process.env.DATABASE_URL;

const MINUTE = 60_000;

describe('server-side sessions', () => {
  let sessions: typeof import('./sessions');
  let db: typeof import('@/lib/db');
  let operatorId: string;

  beforeAll(async () => {
    sessions = await import('./sessions');
    db = await import('@/lib/db');
    const database = await db.getDb();
    const [operator] = await database
      .insert(db.operators)
      .values({ email: 'session@konaplate.test', name: 'S', roles: ['agent'] })
      .returning();
    operatorId = operator!.id;
  }, 60_000);

  afterAll(() => db.closeDatabase(), 30_000);

  it('keeps a session alive while it is used', async () => {
    const sid = await sessions.openSession(operatorId, null);
    const now = Date.now();
    expect((await sessions.checkSession(sid, new Date(now + 20 * MINUTE))).valid).toBe(true);
    // The use at +20 min moved the idle window: +45 min is 25 min after it.
    expect((await sessions.checkSession(sid, new Date(now + 45 * MINUTE))).valid).toBe(true);
  });

  it('ends a session idle for longer than the idle timeout (30 min)', async () => {
    const sid = await sessions.openSession(operatorId, null);
    expect(await sessions.checkSession(sid, new Date(Date.now() + 31 * MINUTE))).toEqual({ valid: false, reason: 'idle' });
  });

  it('ends a session past its absolute lifetime (8 h) however busy', async () => {
    const sid = await sessions.openSession(operatorId, null);
    const start = Date.now();
    for (let t = 25; t < 8 * 60; t += 25) {
      expect((await sessions.checkSession(sid, new Date(start + t * MINUTE))).valid).toBe(true);
    }
    expect(await sessions.checkSession(sid, new Date(start + 8 * 60 * MINUTE + MINUTE))).toEqual({
      valid: false,
      reason: 'expired',
    });
  });

  it('signs out everywhere', async () => {
    const a = await sessions.openSession(operatorId, null);
    const b = await sessions.openSession(operatorId, null);
    expect(await sessions.revokeAllSessions(operatorId)).toBeGreaterThanOrEqual(2);
    expect(await sessions.checkSession(a)).toEqual({ valid: false, reason: 'revoked' });
    expect(await sessions.checkSession(b)).toEqual({ valid: false, reason: 'revoked' });
  });

  it('refuses every session of a deactivated operator on the next check', async () => {
    const sid = await sessions.openSession(operatorId, null);
    const { eq } = await import('drizzle-orm');
    await (await db.getDb()).update(db.operators).set({ active: false }).where(eq(db.operators.id, operatorId));
    expect(await sessions.checkSession(sid)).toEqual({ valid: false, reason: 'deactivated' });
  });

  it('knows nothing of an unknown session id', async () => {
    expect(await sessions.checkSession('00000000-0000-4000-8000-000000000000')).toEqual({ valid: false, reason: 'unknown' });
  });
});
