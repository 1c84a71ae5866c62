import 'server-only';
import { cookies } from 'next/headers';
import { recordAudit } from '@/lib/audit/record';
import { errorFields, logger } from '@/lib/log/logger';
import { providerLogoutUrl } from './company-sign-in';
import { findOperatorById } from './operators';
import { currentSessionToken, sessionCookieName } from './session-token';
import { revokeAllSessions, revokeSession } from './sessions';

/** Why a session ends at the operator's side: the audit trail's words. */
export const SIGN_OUT_REASONS = {
  operator: 'signed out',
  everywhere: 'signed out everywhere',
  idle: 'idle timeout',
  'enrolment-abandoned': 'left MFA enrolment',
} as const;

export type SignOutReason = keyof typeof SIGN_OUT_REASONS;

/**
 * Ends the signed-in session (all of the operator's with `everywhere`), audited, and says where
 * the browser goes next: the company IdP's logout when the operator came through it (so its
 * session ends too and the next company sign-in asks for credentials again), else sign-in.
 * Works on a session that already ended (the idle timeout): the cookie still names it.
 */
export async function signOut(reason: SignOutReason, returnTo?: string): Promise<{ url: string }> {
  const jar = await cookies();
  const cookieName = sessionCookieName();
  const token = await currentSessionToken();
  // The cookie (and its chunks, when it grew past 4 kB) goes whether or not it could be read.
  for (const { name } of jar.getAll()) if (name.startsWith(cookieName)) jar.delete(name);

  const sessionEnded = reason === 'idle';
  const signIn = `/sign-in${sessionEnded ? `?error=SessionEnded${returnTo ? `&callbackUrl=${encodeURIComponent(returnTo)}` : ''}` : ''}`;
  if (!token?.sub || typeof token.sid !== 'string') return { url: signIn };

  const operator = await findOperatorById(token.sub);
  const everywhere = reason === 'everywhere' && operator ? { revoked: await revokeAllSessions(operator.id) } : {};
  if (!('revoked' in everywhere)) await revokeSession(token.sid);
  const providerLogout = token.idToken ? await providerLogoutUrl(token.idToken, sessionEnded ? 'SessionEnded' : 'SignedOut') : null;
  try {
    await recordAudit({
      actor: { id: operator?.id ?? null, email: operator?.email ?? null, roles: operator?.roles ?? [] },
      action: reason === 'everywhere' ? 'sign-out-everywhere' : 'sign-out',
      outcome: 'ok',
      request: {
        reason: SIGN_OUT_REASONS[reason],
        ...everywhere,
        ...(token.idToken ? { identityProviderLogout: providerLogout !== null } : {}),
      },
    });
  } catch (error) {
    // Signing out never fails: the session is already revoked, and the log keeps the gap.
    logger().error({ error: errorFields(error), operatorId: token.sub, reason }, 'sign-out not audited');
  }
  return { url: providerLogout ?? signIn };
}
