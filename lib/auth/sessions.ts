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
 * A session's row (with its operator's) is read from the database at most this often per
 * console process: every page and API request checks the session, most within a second of
 * the last. Every change this process makes to sessions or operators forgets the cached rows
 * at once (forgetSessionChecks); a change made by another console instance on the same
 * PostgreSQL takes effect here within this bound (README: "Sessions").
 */
export const SESSION_CHECK_CACHE_MS = 2_000;
const CACHE_LIMIT = 10_000;
type SessionRow = { session: typeof operatorSessions.$inferSelect; operator: Operator };
const store = globalThis as typeof globalThis & { __konaplateSessionChecks?: Map<string, { at: number; row: SessionRow }> };
const checks = (store.__konaplateSessionChecks ??= new Map());

/** After any write to operators or sessions: the next check of every session reads the database. */
export function forgetSessionChecks(): void {
  checks.clear();
}

async function sessionRow(sessionId: string, now: number): Promise<SessionRow | undefined> {
  const cached = checks.get(sessionId);
  if (cached && now - cached.at < SESSION_CHECK_CACHE_MS && now >= cached.at) return cached.row;
  const db = await getDb();
  const [row] = await db
    .select({ session: operatorSessions, operator: operators })
    .from(operatorSessions)
    .innerJoin(operators, eq(operators.id, operatorSessions.operatorId))
    .where(eq(operatorSessions.id, sessionId))
    .limit(1);
  if (checks.size >= CACHE_LIMIT) checks.clear();
  if (row) checks.set(sessionId, { at: now, row });
  return row;
}

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
  const row = await sessionRow(sessionId, Date.now());
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
    const db = await getDb();
    await db.update(operatorSessions).set({ lastSeenAt: now }).where(eq(operatorSessions.id, sessionId));
    // The cached row moves with it (a copy: a check in flight keeps what it read).
    checks.set(sessionId, { at: Date.now(), row: { ...row, session: { ...session, lastSeenAt: now } } });
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
  forgetSessionChecks();
}

export async function revokeSession(sessionId: string): Promise<void> {
  const db = await getDb();
  await db.update(operatorSessions).set({ revokedAt: new Date() }).where(eq(operatorSessions.id, sessionId));
  forgetSessionChecks();
}

/** Ends every session of the operator but `keep` (after a password change, on every other browser). */
export async function revokeOtherSessions(operatorId: string, keep: string): Promise<number> {
  const db = await getDb();
  const rows = await db
    .update(operatorSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(operatorSessions.operatorId, operatorId), isNull(operatorSessions.revokedAt), ne(operatorSessions.id, keep)))
    .returning({ id: operatorSessions.id });
  forgetSessionChecks();
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
  forgetSessionChecks();
  return rows.length;
}
