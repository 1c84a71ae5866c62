import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { recordAudit } from '@/lib/audit/record';
import { can, isRole, type Permission, type Role } from '@/lib/domain/permissions';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { checkSession } from './sessions';
import { currentSessionId } from './session-token';

/** The signed-in operator, as the database says now (roles, active) for this request. */
export interface CurrentOperator {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  sessionId: string;
  /** Their language of choice; null until they use the switch. */
  locale: Locale | null;
}

export class UnauthenticatedError extends Error {
  constructor() {
    super('Sign in to continue.');
    this.name = 'UnauthenticatedError';
  }
}

export class ForbiddenError extends Error {
  constructor(readonly permission: Permission) {
    super('Your role does not allow this.');
    this.name = 'ForbiddenError';
  }
}

/**
 * Where the request's session stands: none (or no longer good); `enrolling`, a password
 * operator without MFA who gave a right password and may use the enrolment step only; or
 * `signed-in`, the console open to the operator's roles.
 */
export type SessionState =
  | { kind: 'anonymous' }
  | { kind: 'enrolling'; operator: CurrentOperator }
  | { kind: 'signed-in'; operator: CurrentOperator };

/** Once per request: the cookie names a session; the session table decides. */
export const getSessionState = cache(async (): Promise<SessionState> => {
  const sessionId = await currentSessionId();
  if (!sessionId) return { kind: 'anonymous' };
  const check = await checkSession(sessionId);
  if (!check.valid) return { kind: 'anonymous' };
  const { operator } = check;
  const current = {
    id: operator.id,
    email: operator.email,
    name: operator.name,
    roles: operator.roles.filter(isRole),
    sessionId,
    locale: isLocale(operator.locale) ? operator.locale : null,
  };
  if (!check.mfaEnrolmentPending) return { kind: 'signed-in', operator: current };
  // Enrolled meanwhile (in another browser): this password-only session never becomes a full one.
  return operator.totpSecret ? { kind: 'anonymous' } : { kind: 'enrolling', operator: current };
});

/** The signed-in operator with the console open to them (not one still enrolling in MFA). */
export const getCurrentOperator = cache(async (): Promise<CurrentOperator | null> => {
  const state = await getSessionState();
  return state.kind === 'signed-in' ? state.operator : null;
});

/** Any signed-in operator, whatever the role (their own account page and actions). */
export async function requireOperator(): Promise<CurrentOperator> {
  const operator = await getCurrentOperator();
  if (!operator) throw new UnauthenticatedError();
  return operator;
}

/** The first line of the enrolment step's action: a session that is enrolling, nothing else. */
export async function requireEnrollingOperator(): Promise<CurrentOperator> {
  const state = await getSessionState();
  if (state.kind !== 'enrolling') throw new UnauthenticatedError();
  return state.operator;
}

/**
 * The first line of every server action and route handler. Throws for an anonymous
 * caller; for a signed-in one without the permission, records the attempt and throws.
 */
export async function requirePermission(permission: Permission): Promise<CurrentOperator> {
  const operator = await getCurrentOperator();
  if (!operator) throw new UnauthenticatedError();
  if (!can(operator.roles, permission)) {
    await recordAudit({
      actor: operator,
      action: 'forbidden',
      outcome: 'forbidden',
      request: { permission },
    });
    throw new ForbiddenError(permission);
  }
  return operator;
}

/** For pages: anonymous → sign-in with a return URL; still enrolling in MFA → the enrolment step. */
export async function requirePageOperator(returnTo: string): Promise<CurrentOperator> {
  const state = await getSessionState();
  if (state.kind === 'enrolling') redirect(`${ENROLMENT_PATH}?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (state.kind === 'anonymous') redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return state.operator;
}

/** The MFA enrolment step of sign-in (app/sign-in/enrol). */
export const ENROLMENT_PATH = '/sign-in/enrol';

/** For pages: anonymous → sign-in with a return URL; without the permission → 403 page. */
export async function requirePagePermission(permission: Permission, returnTo: string): Promise<CurrentOperator> {
  const operator = await requirePageOperator(returnTo);
  if (!can(operator.roles, permission)) {
    await recordAudit({ actor: operator, action: 'forbidden', outcome: 'forbidden', request: { permission, page: returnTo } });
    forbidden();
  }
  return operator;
}
