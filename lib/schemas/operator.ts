import { z } from 'zod';
import { ROLES } from '@/lib/domain/permissions';
import { optionalSecondFactorSchema, totpCodeSchema } from './mfa';
import { hasHiddenCharacters, HIDDEN_CHARACTERS_MESSAGE, visibleText } from './text';

/** Any visible characters; what the operator types is what is checked, untrimmed. */
const passwordSchema = z
  .string()
  .max(1024, 'At most 1024 characters.')
  .refine((value) => !hasHiddenCharacters(value), HIDDEN_CHARACTERS_MESSAGE);

export const rolesSchema = z
  .array(z.enum(ROLES, { message: 'Unknown role.' }))
  .min(1, 'Choose at least one role.')
  .transform((roles) => [...new Set(roles)]);

export const newOperatorSchema = z.object({
  email: z.email('Enter a valid email address.').trim().toLowerCase().max(254, 'At most 254 characters.'),
  name: visibleText().min(1, 'Enter the operator’s name.').max(120, 'At most 120 characters.'),
  roles: rolesSchema,
  password: passwordSchema.min(12, 'At least 12 characters.'),
});
export type NewOperatorInput = z.input<typeof newOperatorSchema>;

export const operatorRolesSchema = z.object({ id: z.uuid(), roles: rolesSchema });
export const operatorActiveSchema = z.object({ id: z.uuid(), active: z.boolean() });
export const operatorIdSchema = z.object({ id: z.uuid() });

/**
 * A company identity to link: the IdP's `sub`, which OpenID Connect bounds at 255 ASCII
 * characters; printable ones only, as the IdP sends it (no trimming: a space is refused).
 */
export const companyIdentityLinkSchema = z.object({
  id: z.uuid(),
  subject: z
    .string()
    .min(1, 'Enter the subject (sub) the identity provider names the user by.')
    .max(255, 'At most 255 characters.')
    .regex(/^[\x21-\x7E]+$/, 'A subject is printable ASCII without spaces, as the identity provider shows it.'),
});
export type CompanyIdentityLinkInput = z.input<typeof companyIdentityLinkSchema>;

/**
 * The sign-in form: email and password given, within what the server reads (it checks again),
 * and the second factor: a TOTP code or a recovery code; empty only at the first sign-in,
 * before the operator has enrolled (the server decides which applies).
 */
export const signInSchema = z.object({
  email: visibleText().min(1, 'Enter your email address.').max(254, 'At most 254 characters.'),
  password: passwordSchema.min(1, 'Enter your password.'),
  otp: optionalSecondFactorSchema,
});
export type SignInInput = z.input<typeof signInSchema>;

/** An operator's own password change: the current password, a current code, the new one twice. */
export const changePasswordSchema = z
  .object({
    currentPassword: passwordSchema.min(1, 'Enter your current password.'),
    code: totpCodeSchema,
    newPassword: passwordSchema.min(12, 'At least 12 characters.'),
    confirmPassword: passwordSchema,
  })
  .refine((value) => value.confirmPassword === value.newPassword, {
    path: ['confirmPassword'],
    message: 'Type the same new password again.',
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    path: ['newPassword'],
    message: 'Choose a password other than the current one.',
  });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
