import 'server-only';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { env } from '@/lib/env';
import { getDb, operatorSessions, operators, type Operator } from '@/lib/db';

/**
 * Server-side session records behind the JWT cookie. The JWT only names a session; this
 * table decides whether it is still good, so that the idle timeout, the absolute lifetime,
 * "sign out everywhere" and deactivation take effect on the very next request.
 */

/** Touching last_seen_at at most this often keeps reads cheap. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * A new session. `mfaEnrolmentPending`: opened by a right password of an operator without MFA,
 * it serves the enrolment step only, until a confirmed code completes it (lib/auth/mfa.ts).
 */
export async function openSession(
  operatorId: string,
  userAgent: string | null,
  { mfaEnrolmentPending = false }: { mfaEnrolmentPending?: boolean } = {},
): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(operatorSessions)
    .values({ operatorId, userAgent, mfaEnrolmentPending })
    .returning({ id: operatorSessions.id });
  return row!.id;
}

export type SessionCheck =
  | {
      valid: true;
      operator: Operator;
      mfaEnrolmentPending: boolean;
      /** Until the session ends unless used: the idle timeout, or the absolute lifetime if sooner. */
      remainingMs: number;
    }
  | { valid: false; reason: 'unknown' | 'revoked' | 'expired' | 'idle' | 'deactivated' };

/**
 * Whether the session is still good; a use (`touch`, the default) moves its idle window. The
 * browser's idle-timeout check reads with `touch: false`, so asking does not keep it alive.
 */
export async function checkSession(sessionId: string, now = new Date(), { touch = true }: { touch?: boolean } = {}): Promise<SessionCheck> {
  const db = await getDb();
  const [row] = await db
    .select({ session: operatorSessions, operator: operators })
    .from(operatorSessions)
    .innerJoin(operators, eq(operators.id, operatorSessions.operatorId))
    .where(eq(operatorSessions.id, sessionId))
    .limit(1);
  if (!row) return { valid: false, reason: 'unknown' };
  const { session, operator } = row;
  const { SESSION_MAX_AGE_HOURS, SESSION_IDLE_MINUTES } = env();
  if (session.revokedAt) return { valid: false, reason: 'revoked' };
  if (!operator.active) return { valid: false, reason: 'deactivated' };
  if (now.getTime() - session.createdAt.getTime() > SESSION_MAX_AGE_HOURS * 3_600_000) {
    return { valid: false, reason: 'expired' };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MINUTES * 60_000) {
    return { valid: false, reason: 'idle' };
  }
  let lastSeenAt = session.lastSeenAt;
  if (touch && now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(operatorSessions).set({ lastSeenAt: now }).where(eq(operatorSessions.id, sessionId));
    lastSeenAt = now;
  }
  const endsAt = Math.min(lastSeenAt.getTime() + SESSION_IDLE_MINUTES * 60_000, session.createdAt.getTime() + SESSION_MAX_AGE_HOURS * 3_600_000);
  return { valid: true, operator, mfaEnrolmentPending: session.mfaEnrolmentPending, remainingMs: endsAt - now.getTime() };
}

/** "Stay signed in": the session counts as used now (it must still be good: see checkSession). */
export async function touchSession(sessionId: string, now = new Date()): Promise<void> {
  const db = await getDb();
  await db
    .update(operatorSessions)
    .set({ lastSeenAt: now })
    .where(and(eq(operatorSessions.id, sessionId), isNull(operatorSessions.revokedAt)));
}

export async function revokeSession(sessionId: string): Promise<void> {
  const db = await getDb();
  await db.update(operatorSessions).set({ revokedAt: new Date() }).where(eq(operatorSessions.id, sessionId));
}

/** Ends every session of the operator but `keep` (after a password change, on every other browser). */
export async function revokeOtherSessions(operatorId: string, keep: string): Promise<number> {
  const db = await getDb();
  const rows = await db
    .update(operatorSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(operatorSessions.operatorId, operatorId), isNull(operatorSessions.revokedAt), ne(operatorSessions.id, keep)))
    .returning({ id: operatorSessions.id });
  return rows.length;
}

/** Ends every session of the operator, on every browser. */
export async function revokeAllSessions(operatorId: string): Promise<number> {
  const db = await getDb();
  const rows = await db
    .update(operatorSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(operatorSessions.operatorId, operatorId), isNull(operatorSessions.revokedAt)))
    .returning({ id: operatorSessions.id });
  return rows.length;
}
