'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { ActionState } from '@/lib/domain/action-state';
import { invalidState, protectedAction } from '@/lib/auth/protected-action';
import { recordAudit } from '@/lib/audit/record';
import { createOperator, findOperatorByEmail, findOperatorById, setCompanyIdentity, updateOperator } from '@/lib/auth/operators';
import { resetMfa } from '@/lib/auth/mfa';
import { hashPassword } from '@/lib/auth/password';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { env } from '@/lib/env';
import {
  companyIdentityLinkSchema,
  newOperatorSchema,
  operatorActiveSchema,
  operatorIdSchema,
  operatorRolesSchema,
  type CompanyIdentityLinkInput,
} from '@/lib/schemas/operator';

const PAGE = '/admin/operators';

/** Every answer in the admin's language. */
const answers = () => getTranslations('admin.answers');

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
    const t = await answers();
    if (await findOperatorByEmail(email)) {
      return { status: 'invalid', message: t('checkFields'), fieldErrors: { email: [t('emailTaken')] } };
    }
    const created = await createOperator({ email, name, roles, passwordHash: await hashPassword(password) });
    await recordAudit({ actor: admin, action: 'operator-change', outcome: 'ok', request: { change: 'create', operator: email, roles } });
    revalidatePath(PAGE);
    return { status: 'ok', data: { email: created.email }, message: t('created', { email: created.email }) };
  },
);

export const setOperatorRolesAction = protectedAction(
  'operators.manage',
  async (admin, input: { id: string; roles: string[] }): Promise<ActionState> => {
    const parsed = operatorRolesSchema.safeParse(input);
    if (!parsed.success) return invalidState(parsed.error);
    const t = await answers();
    const before = await findOperatorById(parsed.data.id);
    if (!before) return { status: 'invalid', message: t('noSuchOperator'), fieldErrors: {} };
    await updateOperator(parsed.data.id, { roles: parsed.data.roles });
    await recordAudit({
      actor: admin,
      action: 'operator-change',
      outcome: 'ok',
      request: { change: 'roles', operator: before.email, from: before.roles, to: parsed.data.roles },
    });
    revalidatePath(PAGE);
    return { status: 'ok', data: undefined, message: t('rolesSaved', { email: before.email }) };
  },
);

export const setOperatorActiveAction = protectedAction(
  'operators.manage',
  async (admin, input: { id: string; active: boolean }): Promise<ActionState> => {
    const parsed = operatorActiveSchema.safeParse(input);
    if (!parsed.success) return invalidState(parsed.error);
    const t = await answers();
    if (parsed.data.id === admin.id && !parsed.data.active) {
      return { status: 'invalid', message: t('cannotDeactivateSelf'), fieldErrors: {} };
    }
    const operator = await updateOperator(parsed.data.id, { active: parsed.data.active });
    if (!operator) return { status: 'invalid', message: t('noSuchOperator'), fieldErrors: {} };
    // Deactivation is also checked per request; revoking makes the sessions' end explicit.
    if (!parsed.data.active) await revokeAllSessions(operator.id);
    await recordAudit({
      actor: admin,
      action: 'operator-change',
      outcome: 'ok',
      request: { change: parsed.data.active ? 'reactivate' : 'deactivate', operator: operator.email },
    });
    revalidatePath(PAGE);
    return { status: 'ok', data: undefined, message: t(parsed.data.active ? 'reactivated' : 'deactivated', { email: operator.email }) };
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
    const t = await answers();
    if (parsed.data.id === admin.id) {
      return { status: 'invalid', message: t('ownMfa'), fieldErrors: {} };
    }
    const before = await findOperatorById(parsed.data.id);
    if (!before) return { status: 'invalid', message: t('noSuchOperator'), fieldErrors: {} };
    if (!before.passwordHash) {
      return { status: 'invalid', message: t('mfaByIdentityProvider', { email: before.email }), fieldErrors: {} };
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
    return { status: 'ok', data: undefined, message: t('mfaReset', { email: before.email }) };
  },
);

/**
 * Links a company IdP identity (issuer + subject) to an operator, so that it signs in as them:
 * the one way an IdP user becomes an existing operator (never by e-mail). The issuer is the
 * configured one; an identity already linked to someone else is refused.
 */
export const linkCompanyIdentityAction = protectedAction(
  'operators.manage',
  async (admin, input: CompanyIdentityLinkInput): Promise<ActionState> => {
    const t = await answers();
    const issuer = env().OIDC_ISSUER;
    if (!issuer) return { status: 'invalid', message: t('companySignInOff'), fieldErrors: {} };
    const parsed = companyIdentityLinkSchema.safeParse(input);
    if (!parsed.success) return invalidState(parsed.error);
    const result = await setCompanyIdentity(parsed.data.id, { issuer, subject: parsed.data.subject });
    if (!result.ok) {
      return result.reason === 'identity-taken'
        ? { status: 'invalid', message: t('checkField'), fieldErrors: { subject: [t('identityTaken', { holder: result.holder ?? '' })] } }
        : { status: 'invalid', message: t('noSuchOperator'), fieldErrors: {} };
    }
    await recordAudit({
      actor: admin,
      action: 'operator-change',
      outcome: 'ok',
      request: { change: 'link company identity', operator: result.operator.email, issuer, subject: parsed.data.subject },
    });
    revalidatePath(PAGE);
    return { status: 'ok', data: undefined, message: t('linked', { email: result.operator.email }) };
  },
);

/** Unlinks an operator's company identity: their company sign-in is refused from then on, and their sessions end. */
export const unlinkCompanyIdentityAction = protectedAction(
  'operators.manage',
  async (admin, input: { id: string }): Promise<ActionState> => {
    const parsed = operatorIdSchema.safeParse(input);
    if (!parsed.success) return invalidState(parsed.error);
    const t = await answers();
    const before = await findOperatorById(parsed.data.id);
    if (!before) return { status: 'invalid', message: t('noSuchOperator'), fieldErrors: {} };
    await setCompanyIdentity(before.id, null);
    // A session that came through the link must not outlive it (sessions do not say how they began).
    const sessionsRevoked = await revokeAllSessions(before.id);
    await recordAudit({
      actor: admin,
      action: 'operator-change',
      outcome: 'ok',
      request: { change: 'unlink company identity', operator: before.email, issuer: before.oidcIssuer, subject: before.oidcSubject, sessionsRevoked },
    });
    revalidatePath(PAGE);
    return { status: 'ok', data: undefined, message: t('unlinked', { email: before.email }) };
  },
);
