import { currentSessionId } from '@/lib/auth/session-token';
import { checkSession } from '@/lib/auth/sessions';
import type { SessionStatus } from '@/lib/domain/session';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * How long the browser's session has before it ends unless used: what the idle-timeout dialog
 * counts down from. Reading it is not a use: the session's idle window does not move.
 */
export async function GET(): Promise<Response> {
  const sessionId = await currentSessionId();
  const check = sessionId ? await checkSession(sessionId, new Date(), { touch: false }) : undefined;
  if (!check?.valid || check.mfaEnrolmentPending) {
    return Response.json({ signedIn: false } satisfies SessionStatus, { status: 401, headers: NO_STORE });
  }
  return Response.json({ signedIn: true, remainingMs: Math.max(0, check.remainingMs) } satisfies SessionStatus, { headers: NO_STORE });
}
