'use server';
import { recordAudit } from '@/lib/audit/record';
import { getCurrentOperator } from '@/lib/auth/access';
import { revokeAllSessions, touchSession } from '@/lib/auth/sessions';

/** Ends every session of the signed-in operator (any signed-in operator may). */
export async function signOutEverywhere(): Promise<{ revoked: number }> {
  const operator = await getCurrentOperator();
  if (!operator) return { revoked: 0 };
  const revoked = await revokeAllSessions(operator.id);
  await recordAudit({ actor: operator, action: 'sign-out-everywhere', outcome: 'ok', request: { revoked } });
  return { revoked };
}

/** "Stay signed in" in the idle-timeout dialog: the session counts as used now. */
export async function staySignedIn(): Promise<{ signedIn: boolean }> {
  const operator = await getCurrentOperator();
  if (!operator) return { signedIn: false };
  await touchSession(operator.sessionId);
  return { signedIn: true };
}
