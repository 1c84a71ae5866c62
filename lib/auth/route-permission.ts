import 'server-only';
import type { Permission } from '@/lib/domain/permissions';
import { ForbiddenError, requirePermission, UnauthenticatedError, type CurrentOperator } from './access';

/**
 * requirePermission for route handlers, which answer JSON rather than throw: the operator, or
 * the response to return instead (401 for an anonymous caller, 403 without the permission; the
 * refused attempt is audited by requirePermission).
 *
 *   const operator = await requireRoutePermission('audit.export');
 *   if (operator instanceof Response) return operator;
 */
export async function requireRoutePermission(permission: Permission): Promise<CurrentOperator | Response> {
  try {
    return await requirePermission(permission);
  } catch (error) {
    if (error instanceof UnauthenticatedError) return Response.json({ error: error.message }, { status: 401 });
    if (error instanceof ForbiddenError) return Response.json({ error: error.message }, { status: 403 });
    throw error;
  }
}
