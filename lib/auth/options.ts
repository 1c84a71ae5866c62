import 'server-only';
import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { headers } from 'next/headers';
import { recordAudit } from '@/lib/audit/record';
import { env } from '@/lib/env';
import { clientAddress } from '@/lib/http/client-address';
import { safeRedirectUrl } from '@/lib/http/safe-redirect';
import type { Messages } from '@/lib/i18n/messages';
import { errorFields, logger } from '@/lib/log/logger';
import { signInSchema } from '@/lib/schemas/operator';
import { admitCompanyUser, companyProvider, companySignInErrorAudit } from './company-sign-in';
import { findOperatorByCompanyIdentity, findOperatorByEmail, findOperatorById } from './operators';
import { verifySecondFactor } from './mfa';
import { hashPassword, verifyPassword } from './password';
import { claimPasswordAttempt, settleSuccessfulSignIn } from './sign-in-attempts';
import { admitSignInAttempt } from './sign-in-throttle';
import { openSession, revokeSession } from './sessions';

/** A reason for refusing a sign-in that next-auth passes to the sign-in page (`?error=`), which says it in words (auth.signIn.errors). */
type SignInRefusal = keyof Messages['auth']['signIn']['errors'];

function refuse(reason: SignInRefusal): never {
  throw new Error(reason);
}

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
    refuse('Throttled');
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
    refuse('Locked');
  }
  if (!(await verifyPassword(password, operator.passwordHash))) {
    await fail(claim.locksOnFailure ? 'wrong password; now locked' : 'wrong password');
    if (claim.locksOnFailure) refuse('Locked');
    return null;
  }
  if (!operator.active) {
    await fail('deactivated');
    refuse('Inactive');
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
    if (claim.locksOnFailure) refuse('Locked');
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

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const e = env();
  const oidc = companyProvider();
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
        if (account?.provider === 'oidc') return admitCompanyUser(user);
        return true;
      },
      async jwt({ token, user, account }) {
        if (user) {
          // Sign-in: name the server-side session this cookie belongs to.
          const operator = user.companyIdentity ? await findOperatorByCompanyIdentity(user.companyIdentity) : await findOperatorById(user.id);
          if (!operator) return token;
          token.sub = operator.id;
          token.sid = await openSession(operator.id, null, { mfaEnrolmentPending: user.mfa === 'enrolment' });
          // Kept (in the encrypted cookie) for the IdP's logout at sign-out; nothing else of the IdP's tokens is.
          if (account?.provider === 'oidc' && typeof account.id_token === 'string') token.idToken = account.id_token;
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
      // The console signs out through lib/auth/sign-out.ts; next-auth's own route ends the session too.
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await revokeSession(token.sid);
      },
    },
    // next-auth's own messages go through the logger; its failed calls to the IdP are audited too.
    logger: {
      error(code, metadata) {
        logger().error({ code, error: errorFields(metadata instanceof Error ? metadata : (metadata as { error?: unknown })?.error) }, 'next-auth error');
        companySignInErrorAudit(code, metadata);
      },
      warn(code) {
        logger().warn({ code }, 'next-auth warning');
      },
      debug(code) {
        logger().debug({ code }, 'next-auth debug');
      },
    },
  };
  return cached;
}
