import 'server-only';
import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { headers } from 'next/headers';
import { recordAudit } from '@/lib/audit/record';
import { env } from '@/lib/env';
import { clientAddress } from '@/lib/http/client-address';
import { safeRedirectUrl } from '@/lib/http/safe-redirect';
import { isRole, type Role } from '@/lib/domain/permissions';
import { signInSchema } from '@/lib/schemas/operator';
import { createOperator, findOperatorByEmail, updateOperator } from './operators';
import { verifySecondFactor } from './mfa';
import { hashPassword, verifyPassword } from './password';
import { claimPasswordAttempt, settleSuccessfulSignIn } from './sign-in-attempts';
import { admitSignInAttempt } from './sign-in-throttle';
import { openSession, revokeSession } from './sessions';

/** Error codes the sign-in page turns into words (next-auth passes them as `?error=`). */
export const SIGN_IN_ERRORS = {
  CredentialsSignin: 'Wrong email, password or authentication code. (A code works once: if you just used one, wait for the next.)',
  Locked: 'Too many failed attempts: this operator is locked for a while. Try again later or ask an admin.',
  NoRole: 'Your company account has no console role. Ask an admin to grant one.',
  NoEmail: 'Your company account gives the console no e-mail address. Ask an admin.',
  Unverified: 'Your company account’s e-mail address is not verified by the identity provider, so the console cannot use it.',
  NotLinked: 'An operator with this e-mail signs in with a password; company sign-in is not linked to it. Ask an admin.',
  Inactive: 'This operator is deactivated. Ask an admin.',
  Throttled: 'Too many sign-in attempts for this email or from this address: wait a few minutes and try again.',
  SessionEnded: 'Your session ended: too long without activity, or signed out elsewhere. Sign in again.',
} as const;

// Verified against when the email is unknown, so both paths take the same time.
let decoyHash: Promise<string> | undefined;

async function authorizeWithPassword(email: string, password: string, otp: string): Promise<User | null> {
  const settings = env();
  const operator = await findOperatorByEmail(email);
  const fail = async (reason: string, actor = operator) => {
    await recordAudit({
      actor: { id: actor?.id ?? null, email: actor?.email ?? email.trim().toLowerCase().slice(0, 254), roles: actor?.roles ?? [] },
      action: 'sign-in-failure',
      outcome: 'rejected',
      request: { reason },
    });
  };

  // Before anything else, and for unknown emails too: a guessing burst is slowed down either way.
  const client = clientAddress((await headers()).get('x-forwarded-for'), settings.TRUSTED_PROXIES);
  const limits = {
    perEmail: settings.SIGN_IN_THROTTLE_PER_EMAIL,
    perClient: settings.SIGN_IN_THROTTLE_PER_CLIENT,
    windowMinutes: settings.SIGN_IN_THROTTLE_WINDOW_MINUTES,
  };
  if (!(await admitSignInAttempt({ email, client }, limits))) {
    await fail('throttled');
    throw new Error('Throttled');
  }
  if (!operator?.passwordHash) {
    decoyHash ??= hashPassword('decoy-password-for-timing');
    await verifyPassword(password, await decoyHash);
    await fail(operator ? 'no password (OIDC operator)' : 'unknown email');
    return null;
  }
  const claim = await claimPasswordAttempt(operator.id, {
    maxFailures: settings.SIGN_IN_MAX_FAILURES,
    lockoutMinutes: settings.SIGN_IN_LOCKOUT_MINUTES,
  });
  if (!claim.claimed) {
    await fail('locked');
    throw new Error('Locked');
  }
  if (!(await verifyPassword(password, operator.passwordHash))) {
    await fail(claim.locksOnFailure ? 'wrong password; now locked' : 'wrong password');
    if (claim.locksOnFailure) throw new Error('Locked');
    return null;
  }
  if (!operator.active) {
    await fail('deactivated');
    throw new Error('Inactive');
  }
  // PCI DSS 8.4.2, a second factor: not enrolled yet, the session opened serves the enrolment
  // step only (lib/auth/access.ts); enrolled, a wrong or replayed code is a failed attempt.
  if (!operator.totpSecret) {
    await settleSuccessfulSignIn(operator.id);
    return { id: operator.id, email: operator.email, name: operator.name, mfa: 'enrolment' };
  }
  const factor = await verifySecondFactor(operator, otp);
  if (!factor.ok) {
    await fail(claim.locksOnFailure ? `${factor.reason}; now locked` : factor.reason);
    if (claim.locksOnFailure) throw new Error('Locked');
    return null;
  }
  if (factor.factor === 'recovery-code') {
    await recordAudit({
      actor: { id: operator.id, email: operator.email, roles: operator.roles },
      action: 'recovery-code-used',
      outcome: 'ok',
      request: { recoveryCodesLeft: factor.recoveryCodesLeft },
    });
  }
  await settleSuccessfulSignIn(operator.id);
  return { id: operator.id, email: operator.email, name: operator.name, mfa: factor.factor };
}

/** Roles from the IdP's claim through the configured mapping (claim values → console roles). */
export function rolesFromClaim(claim: unknown, roleMap: ReadonlyMap<string, Role>): Role[] {
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  const roles = new Set<Role>();
  for (const value of values) {
    const mapped = typeof value === 'string' ? roleMap.get(value) : undefined;
    if (mapped) roles.add(mapped);
  }
  return [...roles];
}

function oidcProvider(): OAuthConfig<Record<string, unknown>> | undefined {
  const e = env();
  if (!e.oidcEnabled) return undefined;
  return {
    id: 'oidc',
    name: e.OIDC_NAME,
    type: 'oauth',
    wellKnown: `${e.OIDC_ISSUER!.replace(/\/+$/, '')}/.well-known/openid-configuration`,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    profile(profile) {
      return {
        id: String(profile.sub),
        email: typeof profile.email === 'string' ? profile.email : null,
        idpEmailVerified: profile.email_verified === true,
        name: typeof profile.name === 'string' ? profile.name : null,
        roles: rolesFromClaim(profile[e.OIDC_ROLES_CLAIM], e.OIDC_ROLE_MAP),
      };
    },
  };
}

export type OidcRefusal = keyof typeof OIDC_REFUSALS;

/** Why an IdP user is refused, as the audit trail and the sign-in page's error code say it. */
const OIDC_REFUSALS = {
  NoEmail: 'no email claim',
  Unverified: 'email not verified by the IdP',
  NotLinked: 'email belongs to a password operator',
  Inactive: 'deactivated',
  NoRole: 'no mapped role',
} as const;

/**
 * Whether an IdP user may sign in as the operator with that e-mail. The e-mail is the identity
 * only when the IdP says it is verified, and never takes over an operator who signs in with a
 * password (an account takeover through an IdP that lets users set any address).
 */
export function oidcRefusal(
  user: { email?: string | null; idpEmailVerified?: boolean; roles?: readonly Role[] },
  existing: { active: boolean; passwordHash: string | null } | undefined,
): OidcRefusal | null {
  if (!user.email) return 'NoEmail';
  if (user.idpEmailVerified !== true) return 'Unverified';
  if (existing?.passwordHash) return 'NotLinked';
  if (existing && !existing.active) return 'Inactive';
  if ((user.roles ?? []).length === 0) return 'NoRole';
  return null;
}

/** The IdP is the source of truth for OIDC operators' roles: applied at each sign-in. */
async function admitOidcOperator(user: User & { roles?: Role[] }): Promise<true | string> {
  const roles = (user.roles ?? []).filter(isRole);
  const existing = user.email ? await findOperatorByEmail(user.email) : undefined;
  const refusal = oidcRefusal({ ...user, roles }, existing);
  if (refusal || !user.email) {
    // The intruder's claims never reach the operator row: only the attempt is recorded.
    const actor = { id: refusal === 'NotLinked' ? null : (existing?.id ?? null), email: user.email?.toLowerCase() ?? null, roles };
    await recordAudit({ actor, action: 'sign-in-failure', outcome: 'rejected', request: { reason: OIDC_REFUSALS[refusal ?? 'NoEmail'], provider: 'oidc' } });
    return `/sign-in?error=${refusal ?? 'NoEmail'}`;
  }
  const operator = existing
    ? await updateOperator(existing.id, { roles, name: user.name ?? existing.name })
    : await createOperator({ email: user.email, name: user.name ?? user.email, roles, passwordHash: null });
  await settleSuccessfulSignIn(operator!.id);
  return true;
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const e = env();
  const oidc = oidcProvider();
  cached = {
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: e.SESSION_MAX_AGE_HOURS * 3600 },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
          otp: { label: 'Authentication code', type: 'text' },
        },
        async authorize(credentials) {
          // The sign-in form's own rules, checked again: nothing else reaches the database.
          const parsed = signInSchema.safeParse({ email: credentials?.email, password: credentials?.password, otp: credentials?.otp ?? '' });
          return parsed.success ? authorizeWithPassword(parsed.data.email, parsed.data.password, parsed.data.otp) : null;
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      // Every return URL next-auth follows (after sign-in, OIDC, sign-out) stays on the console.
      redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
      async signIn({ user, account }) {
        if (account?.provider === 'oidc') return admitOidcOperator(user);
        return true;
      },
      async jwt({ token, user }) {
        if (user?.email) {
          // Sign-in: name the server-side session this cookie belongs to.
          const operator = await findOperatorByEmail(user.email);
          if (!operator) return token;
          token.sub = operator.id;
          token.sid = await openSession(operator.id, null, { mfaEnrolmentPending: user.mfa === 'enrolment' });
          await recordAudit({
            actor: { id: operator.id, email: operator.email, roles: operator.roles },
            action: 'sign-in',
            outcome: 'ok',
            // The second factor: TOTP, a recovery code, enrolment to come, or the IdP's (OIDC).
            request: { mfa: user.mfa ?? 'idp' },
          });
        }
        return token;
      },
      async session({ session, token }) {
        // Only the session id travels; who the operator is comes from the database per request.
        return { expires: session.expires, sid: typeof token.sid === 'string' ? token.sid : undefined };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await revokeSession(token.sid);
      },
    },
  };
  return cached;
}
