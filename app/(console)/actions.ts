'use server';
import { recordAudit } from '@/lib/audit/record';
import { getCurrentOperator } from '@/lib/auth/access';
import { revokeAllSessions } from '@/lib/auth/sessions';

/** Ends every session of the signed-in operator (any signed-in operator may). */
export async function signOutEverywhere(): Promise<{ revoked: number }> {
  const operator = await getCurrentOperator();
  if (!operator) return { revoked: 0 };
  const revoked = await revokeAllSessions(operator.id);
  await recordAudit({ actor: operator, action: 'sign-out-everywhere', outcome: 'ok', request: { revoked } });
  return { revoked };
}
