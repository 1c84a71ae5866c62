import 'server-only';
import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { recordAudit } from '@/lib/audit/record';
import { authOptions } from './options';
import { can, isRole, type Permission, type Role } from '@/lib/domain/permissions';
import { checkSession } from './sessions';

/** The signed-in operator, as the database says now (roles, active) for this request. */
export interface CurrentOperator {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  sessionId: string;
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

/** Once per request: the cookie names a session; the session table decides. */
export const getCurrentOperator = cache(async (): Promise<CurrentOperator | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.sid) return null;
  const check = await checkSession(session.sid);
  if (!check.valid) return null;
  const { operator } = check;
  return {
    id: operator.id,
    email: operator.email,
    name: operator.name,
    roles: operator.roles.filter(isRole),
    sessionId: session.sid,
  };
});

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

/** For pages: anonymous → sign-in with a return URL; without the permission → 403 page. */
export async function requirePagePermission(permission: Permission, returnTo: string): Promise<CurrentOperator> {
  const operator = await getCurrentOperator();
  if (!operator) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(operator.roles, permission)) {
    await recordAudit({ actor: operator, action: 'forbidden', outcome: 'forbidden', request: { permission, page: returnTo } });
    forbidden();
  }
  return operator;
}
