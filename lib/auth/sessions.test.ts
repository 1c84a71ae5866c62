import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

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
    expect((await sessions.checkSession(sid, new Date(now + 10 * MINUTE))).valid).toBe(true);
    // The use at +10 min moved the idle window: +24 min is 14 min after it.
    expect(await sessions.checkSession(sid, new Date(now + 24 * MINUTE))).toMatchObject({ valid: true, remainingMs: 15 * MINUTE });
  });

  it('ends a session idle for longer than the idle timeout (15 min, PCI DSS 8.2.8)', async () => {
    const sid = await sessions.openSession(operatorId, null);
    expect(await sessions.checkSession(sid, new Date(Date.now() + 16 * MINUTE))).toEqual({ valid: false, reason: 'idle' });
  });

  it('says how long is left without moving the idle window when asked not to touch', async () => {
    const sid = await sessions.openSession(operatorId, null);
    const now = Date.now();
    const asked = await sessions.checkSession(sid, new Date(now + 10 * MINUTE), { touch: false });
    expect(asked.valid && asked.remainingMs).toBeGreaterThan(4 * MINUTE);
    expect(asked.valid && asked.remainingMs).toBeLessThanOrEqual(5 * MINUTE);
    // Only asked: at +16 min it is idle all the same.
    expect(await sessions.checkSession(sid, new Date(now + 16 * MINUTE), { touch: false })).toEqual({ valid: false, reason: 'idle' });
  });

  it('reads a session from the database at most every 2 s; a change made elsewhere shows within that bound', async () => {
    const sid = await sessions.openSession(operatorId, null);
    expect((await sessions.checkSession(sid)).valid).toBe(true);
    // Another console instance revokes it, behind this process's back.
    const database = await db.getDb();
    await database.update(db.operatorSessions).set({ revokedAt: new Date() }).where(eq(db.operatorSessions.id, sid));
    expect((await sessions.checkSession(sid)).valid).toBe(true);
    const later = Date.now() + sessions.SESSION_CHECK_CACHE_MS;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(later);
    try {
      expect(await sessions.checkSession(sid, new Date(later))).toEqual({ valid: false, reason: 'revoked' });
    } finally {
      clock.mockRestore();
    }
  });

  it('"stay signed in" moves the idle window', async () => {
    const sid = await sessions.openSession(operatorId, null);
    const now = Date.now();
    await sessions.touchSession(sid, new Date(now + 14 * MINUTE));
    expect((await sessions.checkSession(sid, new Date(now + 28 * MINUTE), { touch: false })).valid).toBe(true);
  });

  it('marks a session opened for MFA enrolment only', async () => {
    const pending = await sessions.openSession(operatorId, null, { mfaEnrolmentPending: true });
    expect(await sessions.checkSession(pending)).toMatchObject({ valid: true, mfaEnrolmentPending: true });
    const full = await sessions.openSession(operatorId, null);
    expect(await sessions.checkSession(full)).toMatchObject({ valid: true, mfaEnrolmentPending: false });
  });

  it('signs out everywhere else after a password change', async () => {
    const keep = await sessions.openSession(operatorId, null);
    const other = await sessions.openSession(operatorId, null);
    expect(await sessions.revokeOtherSessions(operatorId, keep)).toBeGreaterThanOrEqual(1);
    expect((await sessions.checkSession(keep)).valid).toBe(true);
    expect(await sessions.checkSession(other)).toEqual({ valid: false, reason: 'revoked' });
  });

  it('ends a session past its absolute lifetime (8 h) however busy', async () => {
    const sid = await sessions.openSession(operatorId, null);
    const start = Date.now();
    for (let t = 10; t < 8 * 60; t += 10) {
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
