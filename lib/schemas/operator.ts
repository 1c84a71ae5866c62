import * as z from 'zod/mini';
import { ROLES } from '@/lib/domain/permissions';
import { optionalSecondFactorSchema, totpCodeSchema } from './mfa';
import { problem } from './problem';
import { hasHiddenCharacters, HIDDEN_CHARACTERS_MESSAGE, tooLong, tooShort, visibleText } from './text';

/** Any visible characters; what the operator types is what is checked, untrimmed. */
const passwordSchema = z
  .string({ error: problem('invalid') })
  .check(z.maxLength(1024, tooLong(1024)), z.refine((value) => !hasHiddenCharacters(value), HIDDEN_CHARACTERS_MESSAGE));

export const rolesSchema = z.pipe(
  z.array(z.enum(ROLES, { error: problem('operator.unknownRole') }), { error: problem('operator.roles') }).check(z.minLength(1, problem('operator.roles'))),
  z.transform((roles: (typeof ROLES)[number][]) => [...new Set(roles)]),
);

export const newOperatorSchema = z.object({
  email: z.email(problem('operator.email')).check(z.trim(), z.toLowerCase(), z.maxLength(254, tooLong(254))),
  name: visibleText().check(z.minLength(1, problem('operator.name')), z.maxLength(120, tooLong(120))),
  roles: rolesSchema,
  password: passwordSchema.check(z.minLength(12, tooShort(12))),
});
export type NewOperatorInput = z.input<typeof newOperatorSchema>;

/** An operator's id: only a hand-made request sends a bad one. */
const operatorId = z.uuid(problem('invalid'));
export const operatorRolesSchema = z.object({ id: operatorId, roles: rolesSchema });
export const operatorActiveSchema = z.object({ id: operatorId, active: z.boolean({ error: problem('invalid') }) });
export const operatorIdSchema = z.object({ id: operatorId });

/**
 * A company identity to link: the IdP's `sub`, which OpenID Connect bounds at 255 ASCII
 * characters; printable ones only, as the IdP sends it (no trimming: a space is refused).
 */
export const companyIdentityLinkSchema = z.object({
  id: operatorId,
  subject: z
    .string({ error: problem('operator.subject') })
    .check(z.minLength(1, problem('operator.subject')), z.maxLength(255, tooLong(255)), z.regex(/^[\x21-\x7E]+$/, problem('operator.subjectCharacters'))),
});
export type CompanyIdentityLinkInput = z.input<typeof companyIdentityLinkSchema>;

/**
 * The sign-in form: email and password given, within what the server reads (it checks again),
 * and the second factor: a TOTP code or a recovery code; empty only at the first sign-in,
 * before the operator has enrolled (the server decides which applies).
 */
export const signInSchema = z.object({
  email: visibleText(problem('signIn.email')).check(z.minLength(1, problem('signIn.email')), z.maxLength(254, tooLong(254))),
  password: passwordSchema.check(z.minLength(1, problem('signIn.password'))),
  otp: optionalSecondFactorSchema,
});
export type SignInInput = z.input<typeof signInSchema>;

/** An operator's own password change: the current password, a current code, the new one twice. */
export const changePasswordSchema = z
  .object({
    currentPassword: passwordSchema.check(z.minLength(1, problem('password.current'))),
    code: totpCodeSchema,
    newPassword: passwordSchema.check(z.minLength(12, tooShort(12))),
    confirmPassword: passwordSchema,
  })
  .check(
    z.refine((value) => value.confirmPassword === value.newPassword, { path: ['confirmPassword'], message: problem('password.confirm') }),
    z.refine((value) => value.newPassword !== value.currentPassword, { path: ['newPassword'], message: problem('password.sameAsCurrent') }),
  );
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
