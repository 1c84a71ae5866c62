'use server';
import { revalidatePath } from 'next/cache';
import type { ActionState } from '@/lib/domain/action-state';
import { invalidState, protectedAction } from '@/lib/auth/protected-action';
import { recordAudit } from '@/lib/audit/record';
import { createOperator, findOperatorByEmail, findOperatorById, updateOperator } from '@/lib/auth/operators';
import { resetMfa } from '@/lib/auth/mfa';
import { hashPassword } from '@/lib/auth/password';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { newOperatorSchema, operatorActiveSchema, operatorIdSchema, operatorRolesSchema } from '@/lib/schemas/operator';

const PAGE = '/admin/operators';

export const createOperatorAction = protectedAction(
  'operators.manage',
  async (admin, _prev: ActionState<{ email: string }>, formData: FormData): Promise<ActionState<{ email: string }>> => {
    const parsed = newOperatorSchema.safeParse({
      email: formData.get('email'),
      name: formData.get('name'),
      roles: formData.getAll('roles'),
      password: formData.get('password'),
    });
    if (!parsed.success) return invalidState(parsed.error);
    const { email, name, roles, password } = parsed.data;
    if (await findOperatorByEmail(email)) {
      return { status: 'invalid', message: 'Check the highlighted fields.', fieldErrors: { email: ['An operator with this email exists.'] } };
    }
    const created = await createOperator({ email, name, roles, passwordHash: await hashPassword(password) });
    await recordAudit({ actor: admin, action: 'operator-change', outcome: 'ok', request: { change: 'create', operator: email, roles } });
    revalidatePath(PAGE);
    return { status: 'ok', data: { email: created.email }, message: `Operator ${created.email} created.` };
  },
);

export const setOperatorRolesAction = protectedAction(
  'operators.manage',
  async (admin, input: { id: string; roles: string[] }): Promise<ActionState> => {
    const parsed = operatorRolesSchema.safeParse(input);
    if (!parsed.success) return invalidState(parsed.error);
    const before = await findOperatorById(parsed.data.id);
    if (!before) return { status: 'invalid', message: 'No such operator.', fieldErrors: {} };
    await updateOperator(parsed.data.id, { roles: parsed.data.roles });
    await recordAudit({
      actor: admin,
      action: 'operator-change',
      outcome: 'ok',
      request: { change: 'roles', operator: before.email, from: before.roles, to: parsed.data.roles },
    });
    revalidatePath(PAGE);
    return { status: 'ok', data: undefined, message: `Roles of ${before.email} saved.` };
  },
);

export const setOperatorActiveAction = protectedAction(
  'operators.manage',
  async (admin, input: { id: string; active: boolean }): Promise<ActionState> => {
    const parsed = operatorActiveSchema.safeParse(input);
    if (!parsed.success) return invalidState(parsed.error);
    if (parsed.data.id === admin.id && !parsed.data.active) {
      return { status: 'invalid', message: 'You cannot deactivate yourself.', fieldErrors: {} };
    }
    const operator = await updateOperator(parsed.data.id, { active: parsed.data.active });
    if (!operator) return { status: 'invalid', message: 'No such operator.', fieldErrors: {} };
    // Deactivation is also checked per request; revoking makes the sessions' end explicit.
    if (!parsed.data.active) await revokeAllSessions(operator.id);
    await recordAudit({
      actor: admin,
      action: 'operator-change',
      outcome: 'ok',
      request: { change: parsed.data.active ? 'reactivate' : 'deactivate', operator: operator.email },
    });
    revalidatePath(PAGE);
    return {
      status: 'ok',
      data: undefined,
      message: `${operator.email} ${parsed.data.active ? 'reactivated' : 'deactivated'}.`,
    };
  },
);

/**
 * Resets an operator's MFA (lost phone, used-up recovery codes): secret and recovery codes go,
 * every session of theirs ends, and they set up an authenticator again at their next sign-in.
 * Another admin's job for one's own: no one lifts their own second factor.
 */
export const resetOperatorMfaAction = protectedAction(
  'operators.manage',
  async (admin, input: { id: string }): Promise<ActionState> => {
    const parsed = operatorIdSchema.safeParse(input);
    if (!parsed.success) return invalidState(parsed.error);
    if (parsed.data.id === admin.id) {
      return { status: 'invalid', message: 'Another admin must reset your own MFA.', fieldErrors: {} };
    }
    const before = await findOperatorById(parsed.data.id);
    if (!before) return { status: 'invalid', message: 'No such operator.', fieldErrors: {} };
    if (!before.passwordHash) {
      return { status: 'invalid', message: `${before.email} signs in through the company IdP, which does their MFA.`, fieldErrors: {} };
    }
    await resetMfa(before.id);
    const sessionsRevoked = await revokeAllSessions(before.id);
    await recordAudit({
      actor: admin,
      action: 'mfa-reset',
      outcome: 'ok',
      request: { operator: before.email, wasEnrolled: before.totpSecret !== null, sessionsRevoked },
    });
    revalidatePath(PAGE);
    return { status: 'ok', data: undefined, message: `MFA of ${before.email} reset: they set it up again at their next sign-in.` };
  },
);
