import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { env } from '@/lib/env';
import { getDb, operatorSessions, operators, type Operator } from '@/lib/db';

/**
 * Server-side session records behind the JWT cookie. The JWT only names a session; this
 * table decides whether it is still good, so that the idle timeout, the absolute lifetime,
 * "sign out everywhere" and deactivation take effect on the very next request.
 */

/** Touching last_seen_at at most this often keeps reads cheap. */
const TOUCH_INTERVAL_MS = 60_000;

export async function openSession(operatorId: string, userAgent: string | null): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(operatorSessions)
    .values({ operatorId, userAgent })
    .returning({ id: operatorSessions.id });
  return row!.id;
}

export type SessionCheck =
  | { valid: true; operator: Operator }
  | { valid: false; reason: 'unknown' | 'revoked' | 'expired' | 'idle' | 'deactivated' };

export async function checkSession(sessionId: string, now = new Date()): Promise<SessionCheck> {
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
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(operatorSessions).set({ lastSeenAt: now }).where(eq(operatorSessions.id, sessionId));
  }
  return { valid: true, operator };
}

export async function revokeSession(sessionId: string): Promise<void> {
  const db = await getDb();
  await db.update(operatorSessions).set({ revokedAt: new Date() }).where(eq(operatorSessions.id, sessionId));
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
